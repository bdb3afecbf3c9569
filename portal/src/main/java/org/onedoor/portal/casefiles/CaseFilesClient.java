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

  /**
   * Staff: changes a file against the version read ({@code input} holds the id, the expected version and the
   * changed sections); the refusals, and when someone changed the file first, what they changed meanwhile.
   */
  public StaffApi.FileUpdate updateCaseFile(Map<String, Object> input) {
    return gateway.call(graphQl -> {
      var response = gateway.valid(graphQl.documentName("updateCaseFile").variable("input", input).executeSync());
      return new StaffApi.FileUpdate(response.field("updateCaseFile.errors").toEntityList(UserError.class),
          response.field("updateCaseFile.changesSince").toEntityList(StaffApi.Change.class));
    });
  }

  /** Staff: records a guardian's consent to publishing; returns the refusals (by field), empty on success. */
  public List<UserError> recordConsent(String fileId, String givenBy, String relationship, String validUntil) {
    return gateway.refusals("recordConsent", Map.of("caseFileId", fileId, "givenBy", givenBy, "relationship",
        relationship, "validUntil", validUntil));
  }

  /**
   * Staff: withdraws a consent; the child's published needs leave the board with it. How many did, or the
   * refusals.
   */
  public ConsentWithdrawal withdrawConsent(String fileId, String consentId) {
    return gateway.call(graphQl -> {
      var response = gateway.valid(graphQl.documentName("withdrawConsent")
          .variable("input", Map.of("caseFileId", fileId, "consentId", consentId)).executeSync());
      Integer withdrawn = response.field("withdrawConsent.needsWithdrawn").getValue();
      return new ConsentWithdrawal(withdrawn == null ? 0 : withdrawn,
          response.field("withdrawConsent.errors").toEntityList(UserError.class));
    });
  }

  /**
   * Staff: saves a need's content — a new draft of the file when {@code needId} is null, else the draft itself
   * against the revision read — and checks it against every publication rule without publishing it.
   */
  public DraftCheck saveAndCheck(String fileId, String needId, int revision, StaffApi.NeedDraft content) {
    return gateway.call(graphQl -> {
      Map<String, Object> input = new java.util.HashMap<>(content.toInput());
      String document;
      if (needId == null) {
        input.put("caseFileId", fileId);
        document = "createNeed";
      } else {
        input.put("needId", needId);
        input.put("expectedRevision", revision);
        document = "updateNeed";
      }
      var saved = gateway.valid(graphQl.documentName(document).variable("input", input).executeSync());
      List<UserError> refusals = saved.field(document + ".errors").toEntityList(UserError.class);
      if (!refusals.isEmpty()) {
        return new DraftCheck(needId, revision, new StaffApi.PublicationCheck(needId, null, List.of(), refusals,
            List.of()));
      }
      String id = saved.field(document + ".need.id").getValue();
      Integer savedRevision = saved.field(document + ".need.revision").getValue();
      var check = gateway.valid(graphQl.documentName("checkNeedPublication").variable("input", Map.of("needId", id))
          .executeSync());
      return new DraftCheck(id, savedRevision == null ? 0 : savedRevision, new StaffApi.PublicationCheck(id,
          check.field("checkNeedPublication.preview").getValue() == null ? null
              : check.field("checkNeedPublication.preview").toEntity(org.onedoor.portal.api.PublicNeed.class),
          check.field("checkNeedPublication.generalisations").toEntityList(String.class),
          check.field("checkNeedPublication.errors").toEntityList(UserError.class),
          check.field("checkNeedPublication.textFindings").toEntityList(StaffApi.TextFinding.class)));
    });
  }

  /**
   * Staff: publishes a checked draft at the revision checked (every rule runs again; a draft changed since is
   * refused); the refusals, empty on success.
   */
  public List<UserError> publishNeed(String needId, int revision) {
    return gateway.refusals("publishNeed", Map.of("needId", needId, "expectedRevision", revision));
  }

  /** Staff: withdraws a draft or published need; the refusals, empty on success. */
  public List<UserError> withdrawNeed(String needId) {
    return gateway.refusals("withdrawNeed", Map.of("needId", needId));
  }

  /**
   * A draft saved and checked.
   *
   * @param needId the draft's id (null when the first save was refused)
   * @param revision the draft's revision after the save
   * @param check what publication would do
   */
  public record DraftCheck(String needId, int revision, StaffApi.PublicationCheck check) {
  }

  /**
   * A consent's withdrawal.
   *
   * @param needsWithdrawn how many published needs left the board
   * @param errors the refusals, empty on success
   */
  public record ConsentWithdrawal(int needsWithdrawn, List<UserError> errors) {
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
