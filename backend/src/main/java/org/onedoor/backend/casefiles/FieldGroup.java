package org.onedoor.backend.casefiles;

/** The groups of a file's fields a read may touch, as the access log records them. */
public enum FieldGroup {
  RECORD,
  IDENTITY,
  LOCATION,
  CIRCUMSTANCES
}
