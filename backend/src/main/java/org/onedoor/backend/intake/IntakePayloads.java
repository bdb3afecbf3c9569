package org.onedoor.backend.intake;

import java.util.List;
import org.onedoor.backend.platform.graphql.UserError;

/** Results of the one door's mutations. */
final class IntakePayloads {

  private IntakePayloads() {
  }

  /**
   * The result of a submission.
   *
   * @param receipt the receipt (the same one for a repeated idempotency key); null when refused
   * @param errors why it was refused, field by field
   */
  record SubmitIntakePayload(IntakeReceipt receipt, List<UserError> errors) {
  }

  /**
   * The result of claiming or completing a task.
   *
   * @param task the task after the change; null when refused
   * @param errors why it was refused
   */
  record TaskPayload(HandlingTask task, List<UserError> errors) {
  }

  /**
   * The result of a change to an intake.
   *
   * @param intake the intake after it; null when refused
   * @param errors why it was refused
   */
  record IntakePayload(Intake intake, List<UserError> errors) {
  }
}
