package org.onedoor.backend.matching;

/** Where an offer stands. */
public enum OfferStatus {
  /** Open for matching until its validity ends or its capacity is used. */
  OPEN,
  /** Withdrawn by the offerer or by civil affairs; never matched again. */
  WITHDRAWN
}
