package org.onedoor.backend.privacy;

/** Where a guardian's request stands. */
public enum GuardianRequestStatus {
  /** Received, not yet answered. */
  OPEN,
  /** Carried out. */
  DONE,
  /** Refused, with the reason recorded. */
  REFUSED
}
