package org.onedoor.backend.intake;

/** Who makes a mandatory report. */
enum ReporterKind {
  SCHOOL,
  HOSPITAL,
  POLICE,
  NEIGHBOUR,
  OTHER
}
