package org.onedoor.portal.ledger;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.ApiProblem;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.api.StaffApi;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/**
 * The staff ledger: pages, export, a guardian's consent, drafting and publishing needs. Calls and error translation go
 * through {@link GraphQlGateway}.
 */
@Component
public record LedgerClient(GraphQlGateway gateway) {

  /** Staff: a page of the ledger (the files in the user's scope), narrowed by the filter. */
  public Page<StaffApi.LedgerFile> ledger(StaffApi.LedgerFilter filter, int first, String after) {
    return gateway.page("ledger", "caseFiles", StaffApi.LedgerFile.class, filter.toVariables(), first, after);
  }

  /**
   * Staff: the ledger in the user's scope as a CSV or XLSX file, streamed from the backend into {@code out} (the
   * backend logs every exported file as read).
   */
  public void exportLedger(String format, StaffApi.LedgerFilter filter, java.util.Locale locale,
      java.io.OutputStream out) {
    gateway.callRest(rest -> rest.get().uri(uri -> {
      uri.path("/api/ledger/export").queryParam("format", format);
      filter.toVariables().forEach((name, value) -> uri.queryParam(name, value));
      return uri.build();
    })
        .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag())
        .exchange((request, response) -> {
          if (response.getStatusCode().value() == 401) {
            throw new ApiException(ApiProblem.SESSION_EXPIRED, null);
          }
          if (response.getStatusCode().value() == 403) {
            throw new ApiException(ApiProblem.FORBIDDEN, null);
          }
          if (!response.getStatusCode().is2xxSuccessful()) {
            throw new ApiException(ApiProblem.BACKEND_ERROR, null);
          }
          return response.getBody().transferTo(out);
        }));
  }

  /** Staff: records a guardian's consent to publishing; returns the refusals, empty on success. */
  public List<UserError> recordConsent(String fileId, String givenBy, String relationship, String validUntil) {
    return gateway.refusals("recordConsent", Map.of("caseFileId", fileId, "givenBy", givenBy, "relationship",
        relationship,
            "validUntil", validUntil));
  }

  /**
   * Staff: drafts a need and checks it against every publication rule, changing nothing else. A previous draft of
   * the same editing session is withdrawn first, so only the latest text remains a draft.
   */
  public StaffApi.PublicationCheck draftAndCheck(StaffApi.NeedDraft draft, String previousDraftId) {
    return gateway.call(graphQl -> {
      if (previousDraftId != null) {
        graphQl.documentName("withdrawNeed").variable("input", Map.of("needId", previousDraftId)).executeSync();
      }
      var created = graphQl.documentName("createNeed").variable("input", draft.toInput()).executeSync();
      List<UserError> refusals = created.field("createNeed.errors").toEntityList(UserError.class);
      if (!refusals.isEmpty()) {
        return new StaffApi.PublicationCheck(null, null, List.of(), refusals, List.of());
      }
      String needId = created.field("createNeed.need.id").getValue();
      var check = graphQl.documentName("checkNeedPublication").variable("input", Map.of("needId", needId))
          .executeSync();
      return new StaffApi.PublicationCheck(needId,
          check.field("checkNeedPublication.preview").getValue() == null ? null
              : check.field("checkNeedPublication.preview").toEntity(PublicNeed.class),
          check.field("checkNeedPublication.generalisations").toEntityList(String.class),
          check.field("checkNeedPublication.errors").toEntityList(UserError.class),
          check.field("checkNeedPublication.textFindings").toEntityList(StaffApi.TextFinding.class));
    });
  }

  /** Staff: publishes a checked draft; returns the refusals, empty on success. */
  public List<UserError> publish(String needId) {
    return gateway.refusals("publishNeed", Map.of("needId", needId));
  }
}
