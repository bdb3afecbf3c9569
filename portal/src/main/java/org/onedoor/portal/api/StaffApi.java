package org.onedoor.portal.api;

import java.util.List;
import java.util.Map;

/** Records for the staff side of the API: the ledger and the publication of needs. */
public final class StaffApi {

  private StaffApi() {
  }

  /**
   * A file as the ledger lists it.
   *
   * @param id file id
   * @param name child's name
   * @param sex sex
   * @param birthDate yyyy-MM-dd
   * @param riskTier 1 … 4
   * @param causes causes
   * @param consentInForce whether a consent to publish holds
   * @param village the village
   */
  public record LedgerFile(String id, String name, String sex, String birthDate, int riskTier, List<String> causes,
      boolean consentInForce, Village village) {
  }

  /**
   * A page of the ledger.
   *
   * @param files the files
   * @param hasNextPage whether more follow
   * @param endCursor the cursor to continue after
   */
  public record LedgerPage(List<LedgerFile> files, boolean hasNextPage, String endCursor) {
  }

  /**
   * A text-guard finding.
   *
   * @param field title or description
   * @param rule the rule
   * @param text the exact text
   */
  public record TextFinding(String field, String rule, String text) {
  }

  /**
   * What publication would do (or did).
   *
   * @param needId the draft checked
   * @param preview the public view; null when refused
   * @param generalisations the generalisations applied
   * @param errors the localised refusals
   * @param findings the text guard's findings
   */
  public record PublicationCheck(String needId, PublicNeed preview, List<String> generalisations,
      List<UserError> errors, List<TextFinding> findings) {

    public boolean publishable() {
      return errors.isEmpty();
    }
  }

  /**
   * A draft need's content.
   *
   * @param fileId the file
   * @param category category
   * @param title title
   * @param description description
   * @param urgency urgency
   * @param amountYuan money or null
   * @param goods goods
   * @param serviceHours hours or null
   */
  public record NeedDraft(String fileId, String category, String title, String description, String urgency,
      Integer amountYuan, List<String> goods, Integer serviceHours) {

    Map<String, Object> toInput() {
      Map<String, Object> input = new java.util.HashMap<>();
      input.put("caseFileId", fileId);
      input.put("category", category);
      input.put("title", title);
      input.put("description", description);
      input.put("urgency", urgency);
      input.put("amountYuan", amountYuan);
      input.put("goods", goods);
      input.put("serviceHours", serviceHours);
      return input;
    }
  }
}
