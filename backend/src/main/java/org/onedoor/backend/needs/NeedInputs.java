package org.onedoor.backend.needs;

import java.util.List;
import org.onedoor.backend.needs.publication.AgeBand;

/** The inputs of the needs API (one record per GraphQL input type). */
public final class NeedInputs {

  private NeedInputs() {
  }

  /**
   * A draft need.
   *
   * @param caseFileId the file
   * @param category category
   * @param title public title
   * @param description public description
   * @param urgency urgency
   * @param deadlineMonth yyyy-MM
   * @param amountYuan money
   * @param goods goods
   * @param serviceHours hours
   * @param placement placement with a family
   */
  public record CreateNeedInput(String caseFileId, NeedCategory category, String title, String description,
      Urgency urgency, String deadlineMonth, Integer amountYuan, List<String> goods, Integer serviceHours,
      Boolean placement) {
  }

  /**
   * A draft need's new content, whole.
   *
   * @param needId internal id
   * @param expectedRevision the revision the caller read
   * @param category category
   * @param title public title
   * @param description public description
   * @param urgency urgency
   * @param deadlineMonth yyyy-MM
   * @param amountYuan money
   * @param goods goods
   * @param serviceHours hours
   * @param placement placement with a family
   */
  public record UpdateNeedInput(String needId, Integer expectedRevision, NeedCategory category, String title,
      String description, Urgency urgency, String deadlineMonth, Integer amountYuan, List<String> goods,
      Integer serviceHours, Boolean placement) {
  }

  /**
   * A need to publish.
   *
   * @param needId internal id
   * @param expectedRevision the draft's revision the caller checked, or null
   */
  public record PublishNeedInput(String needId, Integer expectedRevision) {
  }

  /**
   * A need to withdraw.
   *
   * @param needId internal id
   */
  public record WithdrawNeedInput(String needId) {
  }

  /**
   * A consent to record.
   *
   * @param caseFileId the file
   * @param givenBy the guardian
   * @param relationship their relationship
   * @param validUntil yyyy-MM-dd
   */
  public record RecordConsentInput(String caseFileId, String givenBy, String relationship, String validUntil) {
  }

  /**
   * A consent to withdraw.
   *
   * @param caseFileId the file
   * @param consentId the consent
   */
  public record WithdrawConsentInput(String caseFileId, String consentId) {
  }

  /**
   * The public board's filter.
   *
   * @param category category
   * @param townshipId township shown
   * @param ageBand age band shown
   * @param urgency urgency
   * @param fulfilled the fulfilled needs instead of the open ones
   */
  public record NeedFilter(NeedCategory category, String townshipId, AgeBand ageBand, Urgency urgency,
      Boolean fulfilled) {
  }
}
