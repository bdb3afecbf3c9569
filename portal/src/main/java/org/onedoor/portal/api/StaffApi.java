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
   * The ledger's filter; null fields do not filter.
   *
   * @param townshipId township
   * @param villageId village
   * @param cause cause
   * @param riskTier risk tier
   */
  public record LedgerFilter(String townshipId, String villageId, String cause, Integer riskTier, String search) {

    public static final LedgerFilter NONE = new LedgerFilter(null, null, null, null, null);

    public Map<String, Object> toVariables() {
      Map<String, Object> filter = new java.util.HashMap<>();
      if (townshipId != null) {
        filter.put("townshipId", townshipId);
      }
      if (villageId != null) {
        filter.put("villageId", villageId);
      }
      if (cause != null) {
        filter.put("cause", cause);
      }
      if (riskTier != null) {
        filter.put("riskTier", riskTier);
      }
      if (search != null && !search.isBlank()) {
        filter.put("search", search.strip());
      }
      return filter;
    }
  }

  /**
   * A text-guard finding.
   *
   * @param field title or description
   * @param rule the rule
   * @param text the exact text
   * @param fact the fact of the file it gives away, or null for a shape
   * @param form the form it was written in
   */
  public record TextFinding(String field, String rule, String text, String fact, String form) {
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
   * A need's content as staff write it.
   *
   * @param category category
   * @param title title
   * @param description description
   * @param urgency urgency
   * @param deadlineMonth yyyy-MM or null
   * @param amountYuan money or null
   * @param goods goods
   * @param serviceHours hours or null
   * @param placement whether it is a placement with a caring family
   */
  public record NeedDraft(String category, String title, String description, String urgency, String deadlineMonth,
      Integer amountYuan, List<String> goods, Integer serviceHours, boolean placement) {

    /** The content as the fields of CreateNeedInput and UpdateNeedInput. */
    public Map<String, Object> toInput() {
      Map<String, Object> input = new java.util.HashMap<>();
      input.put("category", category);
      input.put("title", title);
      input.put("description", description);
      input.put("urgency", urgency);
      input.put("deadlineMonth", deadlineMonth);
      input.put("amountYuan", amountYuan);
      input.put("goods", goods);
      input.put("serviceHours", serviceHours);
      input.put("placement", placement);
      return input;
    }
  }

  /**
   * A need of the child as staff keep it.
   *
   * @param id need id
   * @param status DRAFT, PUBLISHED, WITHDRAWN, EXPIRED, MATCHED or FULFILLED
   * @param category category
   * @param title title
   * @param description description
   * @param urgency urgency
   * @param deadlineMonth yyyy-MM or null
   * @param amountYuan money or null
   * @param goods goods
   * @param serviceHours hours or null
   * @param placement placement with a caring family
   * @param revision the draft's revision
   */
  public record FileNeed(String id, String status, String category, String title, String description,
      String urgency, String deadlineMonth, Integer amountYuan, List<String> goods, Integer serviceHours,
      boolean placement, int revision) {

    /** Its content, to edit or to draft anew from. */
    public NeedDraft content() {
      return new NeedDraft(category, title, description, urgency, deadlineMonth, amountYuan,
          goods == null ? List.of() : goods, serviceHours, placement);
    }
  }

  /**
   * A guardian's consent to publishing.
   *
   * @param id consent id
   * @param givenBy guardian
   * @param relationship relationship to the child
   * @param givenAt ISO instant
   * @param validUntil yyyy-MM-dd
   * @param withdrawnAt ISO instant or null
   * @param inForce whether it holds today
   */
  public record Consent(String id, String givenBy, String relationship, String givenAt, String validUntil,
      String withdrawnAt, boolean inForce) {
  }

  /**
   * An account to choose, by name.
   *
   * @param id account id
   * @param name display name
   */
  public record Choice(String id, String name) {
  }

  /**
   * The outcome of a change to a file.
   *
   * @param errors the localised refusals, empty on success
   * @param changesSince when refused as stale: what others changed meanwhile, newest first
   */
  public record FileUpdate(List<UserError> errors, List<Change> changesSince) {

    /** Whether the change was refused because someone else changed the file first. */
    public boolean stale() {
      return errors.stream().anyMatch(e -> "STALE_VERSION".equals(e.code()));
    }
  }

  /**
   * A child's file as the file view shows it.
   *
   * @param id file id
   * @param version version
   * @param name child's name
   * @param sex sex
   * @param birthDate yyyy-MM-dd
   * @param householdRegistration household registration or null
   * @param address home address or null
   * @param riskTier 1 … 4
   * @param causes causes
   * @param consentInForce whether a consent to publish holds
   * @param township township
   * @param village village
   * @param guardianship parents and guardians, or null
   * @param condition disability or illness, or null
   * @param schooling schooling, or null
   * @param benefits assistance received
   * @param supervisor the supervisor in charge, or null
   * @param lastVisitOn yyyy-MM-dd or null
   * @param nextVisitDue yyyy-MM-dd or null
   * @param visitOverdueDays days overdue, 0 if not
   * @param visits home visits, newest first
   * @param history changes, newest first
   * @param needs the child's needs, newest first
   * @param consents the guardians' consents, newest first
   * @param supervisorChoices the supervisors who may be put in charge
   * @param safetyCases the safety chains of the child, oldest first
   */
  public record CaseFileDetail(String id, int version, boolean draft, String name, String sex, String birthDate,
      String householdRegistration, String address, int riskTier, List<String> causes, boolean consentInForce,
      Village township, Village village, Guardianship guardianship, Condition condition, Schooling schooling,
      List<String> benefits, Choice supervisor, String lastVisitOn, String nextVisitDue, int visitOverdueDays,
      List<Visit> visits, List<Change> history, List<FileNeed> needs, List<Consent> consents,
      List<Choice> supervisorChoices, List<org.onedoor.portal.safety.SafetyApi.Chain> safetyCases) {
  }

  /**
   * Parents and guardians.
   *
   * @param parents parents' situation
   * @param capability assessed capability or null
   * @param guardians the guardians
   */
  public record Guardianship(String parents, String capability, List<Guardian> guardians) {
  }

  /**
   * A guardian.
   *
   * @param name name
   * @param relationship relationship
   * @param phone phone or null
   */
  public record Guardian(String name, String relationship, String phone) {
  }

  /**
   * A disability or illness.
   *
   * @param category broad category
   * @param type specific type or null
   * @param grade disability grade or null
   */
  public record Condition(String category, String type, Integer grade) {
  }

  /**
   * Schooling.
   *
   * @param school school or null
   * @param grade grade or null
   * @param status status
   */
  public record Schooling(String school, String grade, String status) {
  }

  /**
   * Something with a name.
   *
   * @param name the name
   */
  public record Named(String name) {
  }

  /**
   * A home visit.
   *
   * @param id id
   * @param visitedOn yyyy-MM-dd
   * @param visitor who visited
   * @param findings findings
   * @param followUp follow-up or null
   */
  public record Visit(String id, String visitedOn, String visitor, String findings, String followUp) {
  }

  /**
   * One change of a file.
   *
   * @param version version produced
   * @param at ISO instant
   * @param actor account
   * @param actorName the account's display name
   * @param changes field changes
   */
  public record Change(int version, String at, String actor, String actorName, List<FieldChange> changes) {
  }

  /**
   * One field's change.
   *
   * @param field field
   * @param change change
   */
  public record FieldChange(String field, String change) {
  }

  /**
   * A file on a supervisor's round: whose home visit is due or overdue.
   *
   * @param id file id
   * @param name child's name
   * @param riskTier risk tier
   * @param nextVisitDue yyyy-MM-dd
   * @param visitOverdueDays days overdue
   * @param address the home address to visit, or null
   * @param lastVisitOn yyyy-MM-dd or null
   * @param village village
   * @param supervisor supervisor or null
   */
  public record OverdueFile(String id, String name, int riskTier, String nextVisitDue, int visitOverdueDays,
      String address, String lastVisitOn, Village village, Choice supervisor) {
  }

  /**
   * A new child's file as staff open it: identity, place, causes and risk tier (the other sections are added later).
   *
   * @param name the child's name
   * @param sex FEMALE or MALE
   * @param birthDate yyyy-MM-dd
   * @param nationalId the child's national ID number, or null
   * @param townshipId township
   * @param villageId village
   * @param address home address, or null
   * @param causes why the child is in difficulty
   * @param riskTier 1 (highest) … 4
   */
  public record NewFile(String name, String sex, String birthDate, String nationalId, String townshipId,
      String villageId, String address, List<String> causes, Integer riskTier) {

    /** The createCaseFile input. */
    public java.util.Map<String, Object> toInput() {
      java.util.Map<String, Object> input = new java.util.HashMap<>();
      input.put("name", name);
      input.put("sex", sex);
      input.put("birthDate", birthDate);
      input.put("nationalId", nationalId == null || nationalId.isBlank() ? null : nationalId);
      input.put("townshipId", townshipId);
      input.put("villageId", villageId);
      input.put("address", address == null || address.isBlank() ? null : address);
      input.put("causes", causes);
      input.put("riskTier", riskTier);
      return input;
    }
  }

  /**
   * The result of opening a file.
   *
   * @param id the new file's id, or null when refused
   * @param errors the refusals, by field
   */
  public record OpenedFile(String id, List<UserError> errors) {
  }
}
