package org.onedoor.backend.matching;

/** Who proposed a match. */
enum MatchOrigin {
  /** The matching engine (suggestions or the global allocation). */
  ENGINE,
  /** A member of civil-affairs staff. */
  STAFF,
  /** A charity or donor pledging on a published need. */
  PLEDGE
}
