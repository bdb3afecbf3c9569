package org.onedoor.backend.intake;

/** Who signs up. */
enum SignUpKind {
  VOLUNTEER,
  FAMILY,
  ORGANISATION
}
