package org.onedoor.backend.matching;

/** Who makes an offer. */
public enum OffererKind {
  /** A citizen or company, signed in or not. */
  DONOR,
  /** A registered charity or organisation (CHARITY account). */
  ORGANISATION,
  /** A vetted volunteer (VOLUNTEER account). */
  VOLUNTEER,
  /** An approved caring family (FAMILY account). */
  FAMILY
}
