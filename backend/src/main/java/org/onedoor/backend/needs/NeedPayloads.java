package org.onedoor.backend.needs;

import java.util.List;
import org.onedoor.backend.needs.publication.TextGuard;
import org.onedoor.backend.platform.graphql.UserError;

/** The payloads of the needs API (one record per GraphQL payload type). */
public final class NeedPayloads {

  private NeedPayloads() {
  }

  /**
   * The result of createNeed / withdrawNeed.
   *
   * @param need the need; null when refused
   * @param errors refusals
   */
  public record NeedPayload(StaffNeed need, List<UserError> errors) {
  }

  /**
   * A piece of text the guard refused.
   *
   * @param field title or description
   * @param rule the rule broken
   * @param text the exact text
   * @param fact the fact of the child's file it gives away (for the staff who keep the file), or null for a shape
   * @param form the form it was written in (see {@link TextGuard.Form})
   */
  public record TextFinding(String field, String rule, String text, String fact, String form) {

    static TextFinding of(TextGuard.Finding finding) {
      return new TextFinding(finding.field(), finding.rule().name(), finding.text(), finding.fact(),
          finding.form().name());
    }
  }

  /**
   * The result of publishNeed.
   *
   * @param need the need; null when refused
   * @param published the public view; null when refused
   * @param errors every reason it was refused
   * @param textFindings the text guard's findings
   */
  public record PublishNeedPayload(StaffNeed need, PublicNeed published, List<UserError> errors,
      List<TextFinding> textFindings) {
  }

  /**
   * The result of checkNeedPublication.
   *
   * @param preview how the need would appear; null when publication would be refused
   * @param generalisations the generalisations publication would apply
   * @param errors every reason publication would be refused
   * @param textFindings the text guard's findings
   */
  public record CheckNeedPublicationPayload(PublicNeed preview,
      List<org.onedoor.backend.needs.publication.Generalisation> generalisations, List<UserError> errors,
      List<TextFinding> textFindings) {
  }

  /**
   * The result of recordConsent.
   *
   * @param consentId the consent; null when refused
   * @param errors refusals
   */
  public record RecordConsentPayload(String consentId, List<UserError> errors) {
  }

  /**
   * The result of withdrawConsent.
   *
   * @param needsWithdrawn how many published needs were withdrawn with it
   * @param errors refusals
   */
  public record WithdrawConsentPayload(int needsWithdrawn, List<UserError> errors) {
  }
}
