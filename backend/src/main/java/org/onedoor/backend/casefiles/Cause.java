package org.onedoor.backend.casefiles;

/** Why a child is in difficulty (policy section 2); a child may have several. */
public enum Cause {
  /** Family poverty: hardship in living, medical care, schooling. */
  POVERTY,
  /** The child's own disability or serious illness. */
  DISABILITY_ILLNESS,
  /** Missing or improper guardianship. */
  GUARDIANSHIP
}
