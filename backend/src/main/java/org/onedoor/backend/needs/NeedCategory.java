package org.onedoor.backend.needs;

import org.onedoor.backend.casefiles.Cause;

/** What kind of help a need asks for (policy section 3). */
public enum NeedCategory {
  BASIC_LIVING,
  MEDICAL,
  REHABILITATION,
  EDUCATION,
  GUARDIANSHIP_CARE,
  PSYCHOLOGICAL,
  LEGAL_AID;

  /**
   * The cause a need of this category tells the public about its child, or null: a basic-living need reveals
   * poverty, a medical or rehabilitation need a disability or illness, a guardianship-care need or any placement
   * missing guardianship.
   */
  public Cause revealedCause(boolean placement) {
    if (placement) {
      return Cause.GUARDIANSHIP;
    }
    return switch (this) {
      case BASIC_LIVING -> Cause.POVERTY;
      case MEDICAL, REHABILITATION -> Cause.DISABILITY_ILLNESS;
      case GUARDIANSHIP_CARE -> Cause.GUARDIANSHIP;
      case EDUCATION, PSYCHOLOGICAL, LEGAL_AID -> null;
    };
  }
}
