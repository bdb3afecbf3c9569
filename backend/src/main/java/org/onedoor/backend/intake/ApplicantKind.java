package org.onedoor.backend.intake;

/** Who applies for assistance for a child. */
public enum ApplicantKind {
  GUARDIAN,
  SUPERVISOR,
  SCHOOL
}
