package org.onedoor.backend.intake;

/** Who applies for assistance for a child. */
enum ApplicantKind {
  GUARDIAN,
  SUPERVISOR,
  SCHOOL
}
