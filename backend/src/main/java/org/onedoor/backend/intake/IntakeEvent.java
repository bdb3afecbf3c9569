package org.onedoor.backend.intake;

import org.onedoor.backend.identity.Department;

/**
 * What the one door tells other features, after it stored the change (published through the platform's
 * {@code DomainEvents}). They carry references and codes only, never the content of an intake.
 */
public sealed interface IntakeEvent {

  /**
   * A department was given a task for an intake.
   *
   * @param receiptCode the intake's receipt code
   * @param kind what came in
   * @param department the department that handles it
   */
  record TaskOpened(String receiptCode, IntakeKind kind, Department department) implements IntakeEvent {
  }

  /**
   * A child may be unsafe: a mandatory report came in, or an application handled as an emergency. The safety
   * chain starts from it, and the township and the village hear of it.
   *
   * @param intakeId the intake
   * @param receiptCode its receipt code
   * @param townshipId the township where the child is
   * @param villageId the village, if known
   * @param caseFileId the child's file, when the intake was attached to one
   * @param immediateDanger whether the child was in danger right then
   * @param lead the department that leads the handling
   * @param departments every department handling it, the lead first
   * @param receivedAt when it came in
   */
  record SafetyReported(String intakeId, String receiptCode, String townshipId, String villageId, String caseFileId,
      boolean immediateDanger, Department lead, java.util.List<Department> departments,
      java.time.Instant receivedAt) implements IntakeEvent {
  }

  /**
   * A department finished its task: what told it of the task, and of its delay, is settled.
   *
   * @param receiptCode the intake's receipt code
   * @param department the department
   */
  record TaskDone(String receiptCode, Department department) implements IntakeEvent {
  }

  /**
   * A task passed its deadline undone and was escalated (once).
   *
   * @param receiptCode the intake's receipt code (its id when it has none)
   * @param department the department that was late
   * @param townshipId the intake's township, or null
   */
  record TaskOverdue(String receiptCode, Department department, String townshipId) implements IntakeEvent {
  }

  /**
   * A sign-up was approved or rejected.
   *
   * @param username the account the sign-up asked for
   * @param receiptCode the sign-up's receipt code
   * @param approved whether it was approved
   */
  record SignUpDecided(String username, String receiptCode, boolean approved) implements IntakeEvent {
  }
}
