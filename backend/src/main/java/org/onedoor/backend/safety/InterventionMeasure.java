package org.onedoor.backend.safety;

/** A guardianship intervention (监护干预). */
public enum InterventionMeasure {
  /** The guardians are warned and educated (训诫、教育). */
  WARNING_AND_EDUCATION,
  /** Supervision visits to the family. */
  SUPERVISION_VISITS,
  /** Temporary guardianship by civil affairs' institution (临时监护). */
  TEMPORARY_GUARDIANSHIP,
  /** An application to the court to revoke the guardianship (申请撤销监护资格). */
  COURT_REVOCATION;

  /** Whether the measure rests on a document whose reference must be recorded (a decision, a court case). */
  boolean needsDocument() {
    return this == TEMPORARY_GUARDIANSHIP || this == COURT_REVOCATION;
  }
}
