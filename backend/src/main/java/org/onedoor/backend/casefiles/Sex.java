package org.onedoor.backend.casefiles;

/** A child's sex as recorded in the file. */
public enum Sex {
  FEMALE,
  MALE
}
