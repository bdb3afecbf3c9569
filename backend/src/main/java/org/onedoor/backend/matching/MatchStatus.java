package org.onedoor.backend.matching;

/**
 * Where a match stands: proposed, decided by civil affairs (or withdrawn by its offerer before that), then delivered
 * and confirmed by the caseworker.
 */
enum MatchStatus {
  /** Waiting for civil affairs (a placement: for two different approvers). */
  PROPOSED,
  /** Approved: the offer's capacity and the need are taken. */
  APPROVED,
  /** Rejected, with the reason. */
  REJECTED,
  /** Withdrawn by its offerer before civil affairs decided (the offer was withdrawn). */
  WITHDRAWN,
  /** Delivered through the caseworker or the children's home. */
  DELIVERED,
  /** Confirmed by the caseworker as met, partly met or not met. */
  CONFIRMED
}
