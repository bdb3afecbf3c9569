package org.onedoor.backend.safety;

/** Where a child is kept safe at once. */
public enum PlacementKind {
  /** Safe where the child is (a guardian is back, the danger has passed). */
  SAFE_AT_HOME,
  /** Temporary care by a relative on the child's file. */
  RELATIVE,
  /** A caring family of the register (foster or entrusted care). */
  CARING_FAMILY,
  /** A child welfare or rescue and protection institution of the register (temporary guardianship). */
  INSTITUTION
}
