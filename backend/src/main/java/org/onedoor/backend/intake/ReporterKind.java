package org.onedoor.backend.intake;

/** Who makes a mandatory report. */
public enum ReporterKind {
  SCHOOL,
  HOSPITAL,
  POLICE,
  NEIGHBOUR,
  OTHER
}
