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
   * A handling task on the workbench.
   *
   * @param id task id
   * @param department department
   * @param lead whether it leads
   * @param status status
   * @param emergency emergency
   * @param dueAt ISO instant
   * @param claimedBy claimer or null
   * @param township township
   * @param intake the intake
   */
  public record Task(String id, String department, boolean lead, String status, boolean emergency, String dueAt,
      String claimedBy, Village township, TaskIntake intake) {
  }

  /**
   * The intake a task belongs to, as the department sees it.
   *
   * @param id intake id
   * @param receiptCode receipt code
   * @param kind kind
   * @param content what it says (the fields of its kind; the others null)
   */
  public record TaskIntake(String id, String receiptCode, String kind, Content content) {
  }

  /**
   * What an intake says, flattened over its kinds.
   *
   * @param place report: where the child is
   * @param description what was seen or the situation
   * @param childName the child's name, if given
   * @param immediateDanger report: danger now
   * @param reporterKind report: who reported
   * @param applicantName application: who applies
   * @param displayName sign-up: who signs up
   * @param signUpKind sign-up: VOLUNTEER, FAMILY or ORGANISATION
   */
  public record Content(String place, String description, String childName, Boolean immediateDanger,
      String reporterKind, String applicantName, String displayName, String signUpKind) {
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
   */
  public record SignUp(String idempotencyKey, String kind, String username, String password, String displayName,
      String phone, String townshipId, List<String> skills, String availability, List<String> offers,
      Integer householdMembers, Integer capacity, String organisationName, String organisationType,
      String registrationNumber) {
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
}
