package org.onedoor.backend.intake;

/** What enters through the one door (一门受理). */
public enum IntakeKind {
  /** An application for assistance for a child, by a guardian, a supervisor or the child's school. */
  ASSISTANCE_APPLICATION,
  /** A mandatory report (强制报告) of a child at risk, by anyone; anonymous allowed. */
  MANDATORY_REPORT,
  /** A sign-up as volunteer, caring family or organisation, vetted by civil affairs before the account may sign in. */
  SIGN_UP,
  /** An offer of help — money, goods, a service, a project, a sponsorship or a placement — for the matching. */
  OFFER
}
