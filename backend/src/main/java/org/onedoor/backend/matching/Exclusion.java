package org.onedoor.backend.matching;

/** Why an offer can never meet a need: the hard constraints, checked before any score. */
enum Exclusion {
  /** The need is not open: not published, expired, withdrawn or already matched. */
  NEED_NOT_OPEN,
  /** The offer is not open: withdrawn, past its validity or its capacity used. */
  OFFER_NOT_OPEN,
  /** The offer does not serve the need's category. */
  CATEGORY,
  /** The offer's kind cannot meet what the need asks (money, goods, a service, a placement). */
  KIND,
  /** A service with contact with a child, offered by someone who is not a vetted volunteer. */
  UNVETTED_CONTACT,
  /** A placement offered by someone who is not an approved caring family. */
  NOT_AN_APPROVED_FAMILY,
  /** The child's age is outside the ages the family would take in. */
  AGE_PREFERENCE,
  /** The child's sex is not the one the family would take in. */
  SEX_PREFERENCE,
  /** The family lives farther from the child than a placement allows. */
  TOO_FAR_FOR_PLACEMENT,
  /** Staff recorded a conflict of interest between the offerer and the child. */
  CONFLICT_OF_INTEREST
}
