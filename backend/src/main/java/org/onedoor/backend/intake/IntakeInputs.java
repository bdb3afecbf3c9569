package org.onedoor.backend.intake;

import java.util.List;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.needs.NeedCategory;

/** What the one door takes in, as submitted; validated field by field by {@link Intakes}. */
final class IntakeInputs {

  private IntakeInputs() {
  }

  /**
   * An application for assistance.
   *
   * @param idempotencyKey the client's key for this submission (resubmitting it creates nothing new)
   * @param applicantKind who applies
   * @param applicantName their name
   * @param applicantPhone their phone
   * @param childName the child's name
   * @param childSex the child's sex
   * @param childBirthDate yyyy-MM-dd
   * @param townshipId township
   * @param villageId village
   * @param causes causes
   * @param categories help asked for
   * @param description the situation
   */
  record SubmitAssistanceApplicationInput(String idempotencyKey, ApplicantKind applicantKind, String applicantName,
      String applicantPhone, String childName, Sex childSex, String childBirthDate, String townshipId, String villageId,
      List<Cause> causes, List<NeedCategory> categories, String description) {
  }

  /**
   * A mandatory report.
   *
   * @param idempotencyKey the client's key for this submission
   * @param reporterKind who reports
   * @param reporterName their name, optional
   * @param reporterPhone their phone, optional
   * @param townshipId township
   * @param villageId village, optional
   * @param place where the child is
   * @param childName the child's name, optional
   * @param description what was seen
   * @param immediateDanger whether the child is in danger now
   */
  record SubmitMandatoryReportInput(String idempotencyKey, ReporterKind reporterKind, String reporterName,
      String reporterPhone, String townshipId, String villageId, String place, String childName, String description,
      Boolean immediateDanger) {
  }

  /**
   * A task to claim.
   *
   * @param taskId the task
   */
  record ClaimTaskInput(String taskId) {
  }

  /**
   * A task to complete.
   *
   * @param taskId the task
   * @param outcome what the department did, as the submitter may read it (no personal data)
   */
  record CompleteTaskInput(String taskId, String outcome) {
  }

  /**
   * An action to record on a task.
   *
   * @param taskId the task
   * @param note what was done
   */
  record RecordTaskActionInput(String taskId, String note) {
  }

  /**
   * A task to hand back.
   *
   * @param taskId the task
   * @param reason why
   */
  record HandBackTaskInput(String taskId, String reason) {
  }

  /**
   * An intake to link to a child's file.
   *
   * @param intakeId the application or report
   * @param caseFileId the child's file
   */
  record AttachIntakeFileInput(String intakeId, String caseFileId) {
  }
}
