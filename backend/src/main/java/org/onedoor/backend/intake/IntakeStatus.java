package org.onedoor.backend.intake;

/** Where an intake stands, as anyone with its receipt code may see. */
enum IntakeStatus {
  /** Received and routed; no department has taken it up yet. */
  RECEIVED,
  /** At least one department is handling it. */
  IN_HANDLING,
  /** Every department has finished; the outcome is given. */
  CLOSED
}
