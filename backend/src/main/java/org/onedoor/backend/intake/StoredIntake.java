package org.onedoor.backend.intake;

/**
 * What storing an intake gives its submitter's feature: the intake's id, its receipt and its content — for a replay
 * of the same submission, the first one's (so an offer keeps the offer id it was first given).
 *
 * @param id the intake's id
 * @param receipt what the submitter is told
 * @param content what the intake holds
 */
public record StoredIntake(String id, IntakeReceipt receipt, IntakeContent content) {
}
