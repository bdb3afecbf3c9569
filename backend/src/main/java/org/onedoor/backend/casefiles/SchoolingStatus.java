package org.onedoor.backend.casefiles;

/** Where the child stands with school. */
public enum SchoolingStatus {
  /** Too young for school. */
  NOT_OF_SCHOOL_AGE,
  /** In kindergarten. */
  PRESCHOOL,
  /** Enrolled in an ordinary school. */
  ENROLLED,
  /** Enrolled in a special-education school. */
  SPECIAL_SCHOOL,
  /** Taught at home by visiting teachers (送教上门). */
  HOME_TEACHING,
  /** Suspended schooling (休学). */
  SUSPENDED,
  /** Dropped out (辍学): the drop-out-prevention work concerns these children. */
  DROPPED_OUT,
  /** Finished compulsory schooling and left. */
  LEFT_SCHOOL
}
