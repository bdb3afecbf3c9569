package org.onedoor.backend.intake;

/** Who signs up. */
public enum SignUpKind {
  VOLUNTEER,
  FAMILY,
  ORGANISATION
}
