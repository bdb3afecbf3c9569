package org.onedoor.portal.casefiles;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.StaffApi;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/**
 * A child's file: reading, opening, confirming, home visits and visits due. Calls and error translation go through
 * {@link GraphQlGateway}.
 */
@Component
public record CaseFilesClient(GraphQlGateway gateway) {

  /** Staff: one child's file with its visits and history (the read is audited by the backend). */
  public StaffApi.CaseFileDetail caseFile(String id) {
    return gateway.call(graphQl -> graphQl.documentName("caseFile").variable("id", id).retrieveSync("caseFile")
        .toEntity(StaffApi.CaseFileDetail.class));
  }

  /** Staff: opens a child's file in their scope; its id, or the refusals (localised, by field). */
  public StaffApi.OpenedFile createCaseFile(StaffApi.NewFile file) {
    return gateway.call(graphQl -> {
      var response = gateway.valid(graphQl.documentName("createCaseFile").variable("input", file.toInput())
          .executeSync());
      return new StaffApi.OpenedFile(response.field("createCaseFile.caseFile.id").getValue(),
          response.field("createCaseFile.errors").toEntityList(UserError.class));
    });
  }

  /**
   * Township staff and civil affairs: confirms a draft file opened from the one door, on the version read; the
   * refusals (e.g. the file changed meanwhile), empty on success.
   */
  public List<UserError> confirmDraftFile(String fileId, int version) {
    return gateway.call(graphQl -> graphQl.documentName("confirmDraftFile").variable("id", fileId)
        .variable("version", version)
        .retrieveSync("updateCaseFile.errors").toEntityList(UserError.class));
  }

  /** Staff: records a home visit; returns the refusals (localised, by field), empty on success. */
  public List<UserError> recordHomeVisit(String fileId, String visitedOn, String findings, String followUp) {
    return gateway.refusals("recordHomeVisit", new HomeVisitInput(fileId, visitedOn, findings, followUp));
  }

  /**
   * Staff: a page of the files whose visit is due within the coming days (0: due today or overdue), soonest first,
   * optionally only those of one supervisor.
   */
  public Page<StaffApi.OverdueFile> visitsDue(int withinDays, String supervisorId, int first, String after) {
    Map<String, Object> filter = new java.util.HashMap<>();
    filter.put("withinDays", withinDays);
    if (supervisorId != null) {
      filter.put("supervisorId", supervisorId);
    }
    return gateway.page("visitsDue", "visitsDue", StaffApi.OverdueFile.class, filter, first, after);
  }

  /** The schema's RecordHomeVisitInput. */
  record HomeVisitInput(String caseFileId, String visitedOn, String findings, String followUp) {
  }
}
