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
