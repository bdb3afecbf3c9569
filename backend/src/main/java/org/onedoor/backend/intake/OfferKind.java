package org.onedoor.backend.intake;

/** What an offer of help gives (policy section 3: social forces). */
public enum OfferKind {
  /** A sum of money, in yuan. */
  MONEY,
  /** Goods, as a list. */
  GOODS,
  /** A service by a vetted volunteer: a skill, hours per week, area and availability. */
  SERVICE,
  /** A project run by an organisation. */
  PROJECT,
  /** A one-to-one sponsorship (结对帮扶), a monthly sum. */
  SPONSORSHIP,
  /** A placement with an approved caring family: foster or entrusted care. */
  PLACEMENT
}
