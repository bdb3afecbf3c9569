package org.onedoor.backend.safety;

/** The steps of the safety chain, in the order they are recorded (interventions may repeat before closure). */
public enum SafetyStep {
  /** Someone responsible saw the child (within hours). */
  CHILD_SEEN,
  /** The child is safe for now: at home, with a relative, a caring family or an institution. */
  IMMEDIATE_SAFETY,
  /** The guardians' capability, the risks, the risk tier and the needs to open. */
  ASSESSMENT,
  /** Warning and education, supervision visits, temporary guardianship, a court application. */
  INTERVENTION,
  /** The case is closed after review. */
  CLOSURE
}
