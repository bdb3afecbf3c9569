package org.onedoor.portal.privacy;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/**
 * A guardian's requests to see, correct or erase what OneDoor holds about their child, through staff: recording one
 * on a file, the list with due days, closing, refusing, erasing, and the export for a request to see.
 */
@Component
public record GuardianRequestsClient(GraphQlGateway gateway) {

  /** A page of the requests in the caller's scope (of one status, or all), the soonest due first. */
  public Page<Request> requests(String status, int first, String after) {
    return gateway.pageWith("guardianRequests", "guardianRequests", Request.class,
        GraphQlGateway.variables("status", status), first, after);
  }

  /** Records a request (the input's fields as the schema names them); the refusals, empty on success. */
  public List<UserError> record(Map<String, Object> input) {
    return gateway.refusals("recordGuardianRequest", input);
  }

  /**
   * Closes a request: {@code completeGuardianRequest}, {@code refuseGuardianRequest} or
   * {@code eraseForGuardianRequest}, with what was done or why not; the refusals, empty on success.
   */
  public List<UserError> close(String mutation, String requestId, String outcome) {
    return gateway.refusals(mutation, Map.of("requestId", requestId, "outcome", outcome));
  }

  /**
   * Civil affairs: produces the export for an open request to see (a disclosure the request records): the text, or
   * the refusals (e.g. the child is under protection).
   */
  public Export export(String requestId) {
    return gateway.call(graphQl -> {
      var response = gateway.valid(graphQl.documentName("exportForGuardianRequest").variable("input",
          Map.of("requestId", requestId)).executeSync());
      return new Export(response.field("exportForGuardianRequest.text").getValue(),
          response.field("exportForGuardianRequest.errors").toEntityList(UserError.class));
    });
  }

  /**
   * An export produced, or why not.
   *
   * @param text the text; null when refused
   * @param refusals why not; empty on success
   */
  public record Export(String text, List<UserError> refusals) {
  }

  /**
   * A request as staff see it.
   *
   * @param id the request
   * @param caseFileId the child's file
   * @param childName the child's name, or null once the file was erased
   * @param kind SEE, CORRECT or ERASE
   * @param requesterName who asked
   * @param relationship their relationship to the child
   * @param receivedOn yyyy-MM-dd
   * @param dueOn yyyy-MM-dd
   * @param overdue whether it is open after its due day
   * @param details what to correct, or why erase
   * @param status OPEN, DONE or REFUSED
   * @param outcome what was done, or why refused
   * @param closedAt when it was closed
   * @param disclosures each export produced for it
   */
  public record Request(String id, String caseFileId, String childName, String kind, String requesterName,
      String relationship, String receivedOn, String dueOn, Boolean overdue, String details, String status,
      String outcome, String closedAt, List<Disclosure> disclosures) {
  }

  /**
   * An export produced.
   *
   * @param at when (ISO-8601)
   * @param byName by whom
   */
  public record Disclosure(String at, String byName) {
  }
}
