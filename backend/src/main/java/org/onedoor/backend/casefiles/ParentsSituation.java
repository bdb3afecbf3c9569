package org.onedoor.backend.casefiles;

/** The parents' situation, as the policy distinguishes it (section 2). */
public enum ParentsSituation {
  /** Both parents live with the child. */
  AT_HOME,
  /** One parent works away from home. */
  ONE_AWAY_FOR_WORK,
  /** Both parents work away from home (left-behind child, 留守儿童). */
  BOTH_AWAY_FOR_WORK,
  /** One parent has died or is missing. */
  ONE_DECEASED_OR_MISSING,
  /** Both parents have died or are missing (orphan). */
  BOTH_DECEASED_OR_MISSING,
  /** A parent is in prison or compulsory drug rehabilitation. */
  IN_CUSTODY,
  /** A parent is severely disabled or seriously ill. */
  SEVERELY_DISABLED_OR_ILL,
  /** A parent's guardianship was revoked by a court. */
  GUARDIANSHIP_REVOKED,
  /** Anything else. */
  OTHER
}
