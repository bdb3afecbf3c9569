package org.onedoor.portal.api;

import java.util.List;

/** Records for the one door: receipts, and the department workbench's tasks. */
public final class IntakeApi {

  private IntakeApi() {
  }

  /**
   * What a receipt code shows: no personal data.
   *
   * @param code the receipt code
   * @param kind what was submitted
   * @param status where it stands
   * @param emergency whether it is an emergency
   * @param submittedOn yyyy-MM-dd
   * @param nextStep what happens next, localised
   * @param departments each department's part
   * @param outcome the outcome once closed
   */
  public record Receipt(String code, String kind, String status, boolean emergency, String submittedOn,
      String nextStep, List<DepartmentStatus> departments, String outcome) {
  }

  /**
   * One department's part.
   *
   * @param department the department
   * @param status its task's status
   */
  public record DepartmentStatus(String department, String status) {
  }

  /**
   * The result of a submission.
   *
   * @param receipt the receipt, or null when refused
   * @param errors the refusals
   */
  public record Submitted(Receipt receipt, List<UserError> errors) {
  }

  /**
   * A mandatory report as the form collects it.
   *
   * @param idempotencyKey made once per form
   * @param reporterKind who reports
   * @param reporterName optional
   * @param reporterPhone optional
   * @param townshipId township
   * @param villageId optional
   * @param place where the child is
   * @param childName optional
   * @param description what was seen
   * @param immediateDanger danger now
   */
  public record Report(String idempotencyKey, String reporterKind, String reporterName, String reporterPhone,
      String townshipId, String villageId, String place, String childName, String description,
      boolean immediateDanger) {
  }

  /**
   * An application for assistance as the form collects it.
   *
   * @param idempotencyKey made once per form
   * @param applicantKind GUARDIAN, SUPERVISOR or SCHOOL
   * @param applicantName who applies
   * @param applicantPhone their phone
   * @param childName the child's name
   * @param childSex the child's sex
   * @param childBirthDate yyyy-MM-dd
   * @param townshipId township
   * @param villageId village
   * @param causes why the child is in difficulty
   * @param categories what help is asked for
   * @param description the situation
   */
  public record Application(String idempotencyKey, String applicantKind, String applicantName,
      String applicantPhone, String childName, String childSex, String childBirthDate, String townshipId,
      String villageId, List<String> causes, List<String> categories, String description) {
  }

  /**
   * A handling task on the workbench.
   *
   * @param id task id
   * @param department department
   * @param lead whether it leads
   * @param status status
   * @param emergency emergency
   * @param dueAt ISO instant
   * @param claimedBy claimer or null
   * @param claimedByName the claimer's name, or null
   * @param escalatedAt when it escalated for missing its deadline, or null
   * @param township township
   * @param actions what was recorded, oldest first
   * @param intake the intake
   */
  public record Task(String id, String department, boolean lead, String status, boolean emergency, String dueAt,
      String claimedBy, String claimedByName, String escalatedAt, Village township, List<Action> actions,
      TaskIntake intake) {

    public Task {
      actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Whether its deadline has passed. */
    public boolean overdue(java.time.Instant now) {
      return !"DONE".equals(status) && java.time.Instant.parse(dueAt).isBefore(now);
    }
  }

  /**
   * An action recorded on a task.
   *
   * @param at ISO instant
   * @param by who
   * @param byName who, by name
   * @param note what was done, or why it was handed back
   * @param handedBack whether the task went back to the queue with it
   */
  public record Action(String at, String by, String byName, String note, boolean handedBack) {
  }

  /**
   * The intake a task belongs to, as the department sees it.
   *
   * @param id intake id
   * @param receiptCode receipt code
   * @param kind kind
   * @param submittedAt ISO instant
   * @param caseFileId the child's file, if attached
   * @param content what it says (the fields of its kind; the others null)
   * @param safetyCase the safety chain it opened, if the caller has a part in it
   */
  public record TaskIntake(String id, String receiptCode, String kind, String submittedAt, String caseFileId,
      Content content, SafetyRef safetyCase) {
  }

  /**
   * What an intake says, flattened over its kinds.
   *
   * @param place report: where the child is
   * @param description what was seen or the situation
   * @param childName application: the child's name
   * @param reportedChildName report: the child's name, if the reporter knew it
   * @param immediateDanger report: danger now
   * @param reporterKind report: who reported
   * @param reporterName report: the reporter, unless anonymous
   * @param reporterPhone report: the reporter's phone, if given
   * @param applicantName application: who applies
   * @param applicantKind application: guardian, supervisor or school
   * @param applicantPhone application: their phone
   * @param childSex application: the child's sex
   * @param childBirthDate application: yyyy-MM-dd
   * @param causes application: why the child is in difficulty
   * @param categories application: what help is asked for
   * @param displayName sign-up: who signs up
   * @param signUpKind sign-up: VOLUNTEER, FAMILY or ORGANISATION
   * @param nationalId sign-up: a volunteer's or family contact's national ID number
   * @param home sign-up: a family's home
   * @param monthlyIncomeYuan sign-up: a family's monthly income
   * @param experience sign-up: a family's experience
   * @param householdMembers sign-up: a family's household size
   * @param capacity sign-up: how many children a family can take in
   * @param childAgeMin sign-up: youngest child a family would take in
   * @param childAgeMax sign-up: oldest child a family would take in
   * @param preferredSex sign-up: the sex a family prefers
   * @param offerKind offer: what it gives
   * @param offererName offer: who offers
   * @param phone offer: their phone
   * @param signUpPhone sign-up: the contact phone
   * @param skills sign-up: a volunteer's skills
   * @param availability sign-up: a volunteer's availability
   * @param offers sign-up: what a family offers
   * @param organisationName sign-up: an organisation's name
   * @param organisationType sign-up: an organisation's type
   * @param registrationNumber sign-up: an organisation's unified social credit code
   */
  public record Content(String place, String description, String childName, String reportedChildName,
      Boolean immediateDanger,
      String reporterKind, String reporterName, String reporterPhone, String applicantName, String applicantKind,
      String applicantPhone, String childSex, String childBirthDate, List<String> causes, List<String> categories,
      String displayName, String signUpKind, String nationalId, String home, Integer monthlyIncomeYuan,
      String experience, Integer householdMembers, Integer capacity, Integer childAgeMin, Integer childAgeMax,
      String preferredSex, String offerKind, String offererName, String phone, String signUpPhone,
      List<String> skills, String availability, List<String> offers, String organisationName,
      String organisationType, String registrationNumber) {
  }

  /**
   * An intake on a township's desk.
   *
   * @param id intake id
   * @param receiptCode receipt code
   * @param kind ASSISTANCE_APPLICATION or MANDATORY_REPORT
   * @param status where it stands
   * @param emergency emergency
   * @param submittedAt ISO instant
   * @param caseFileId the child's file (a draft for a new child), if attached
   * @param township township
   * @param content what it says
   * @param tasks each department's task, the lead first
   */
  public record DeskIntake(String id, String receiptCode, String kind, String status, boolean emergency,
      String submittedAt, String caseFileId, Village township, Content content, List<DeskTask> tasks) {

    public DeskIntake {
      tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
  }

  /**
   * A department's task as the township desk sees it.
   *
   * @param department department
   * @param lead whether it leads
   * @param status status
   * @param dueAt ISO instant
   * @param escalatedAt when it escalated, or null
   */
  public record DeskTask(String department, boolean lead, String status, String dueAt, String escalatedAt) {
  }

  /**
   * A sign-up as the form collects it.
   *
   * @param idempotencyKey made once per form
   * @param kind VOLUNTEER, FAMILY or ORGANISATION
   * @param username username
   * @param password password
   * @param displayName name shown
   * @param phone phone
   * @param townshipId township
   * @param skills volunteer skills
   * @param availability volunteer availability
   * @param offers family offers
   * @param householdMembers family household size
   * @param capacity family capacity
   * @param organisationName organisation name
   * @param organisationType organisation type
   * @param registrationNumber organisation code
   * @param nationalId volunteer's or family contact's national ID number
   * @param family a family's household details, or null
   */
  public record SignUp(String idempotencyKey, String kind, String username, String password, String displayName,
      String phone, String townshipId, List<String> skills, String availability, List<String> offers,
      Integer householdMembers, Integer capacity, String organisationName, String organisationType,
      String registrationNumber, String nationalId, FamilyDetails family) {
  }

  /**
   * What a caring family tells about its household, for civil affairs' assessment.
   *
   * @param home the home, in words
   * @param monthlyIncomeYuan monthly household income
   * @param experience experience with children
   * @param childAgeMin youngest child they would take in
   * @param childAgeMax oldest child they would take in
   * @param childSex preferred sex, or null
   */
  public record FamilyDetails(String home, Integer monthlyIncomeYuan, String experience, Integer childAgeMin,
      Integer childAgeMax, String childSex) {
  }

  /**
   * Vetting as civil affairs record it.
   *
   * @param intakeId the sign-up
   * @param criminalRecordChecked certificate checked
   * @param safeguardingTrained training done
   * @param homeVisitDone home visit done
   * @param checklistPassed checklist passed
   * @param registrationVerified registration verified
   * @param note note
   */
  public record Vetting(String intakeId, boolean criminalRecordChecked, boolean safeguardingTrained,
      boolean homeVisitDone, boolean checklistPassed, boolean registrationVerified, String note) {
  }

  /**
   * The safety chain an intake opened.
   *
   * @param id the chain's id
   */
  public record SafetyRef(String id) {
  }
}
