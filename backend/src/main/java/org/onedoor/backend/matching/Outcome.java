package org.onedoor.backend.matching;

/** How a delivered match met its need, as the caseworker confirms it. */
enum Outcome {
  /** Met in full: the need becomes FULFILLED. */
  MET,
  /** Met in part. */
  PARTLY_MET,
  /** Not met. */
  NOT_MET
}
