package org.onedoor.backend.casefiles;

/** The staff's assessment of the guardians' capability. */
public enum GuardianCapability {
  ADEQUATE,
  LIMITED,
  NONE
}
