package org.onedoor.backend.notifications;

/** What a notification tells. */
public enum NotificationKind {
  /** A new handling task arrived in the department's queue. */
  NEW_TASK,
  /** A handling task missed its deadline and escalated. */
  TASK_OVERDUE,
  /** A decision was made on the recipient's sign-up. */
  DECISION_MADE,
  /** Civil affairs approved the recipient's help (offer or pledge) for a need. */
  HELP_APPROVED,
  /** The recipient's help was delivered to the child. */
  HELP_DELIVERED,
  /** A mandatory report or an emergency application came in for a child of the recipient's township or village. */
  REPORT_IN_AREA,
  /** A step of a safety chain missed its deadline and escalated. */
  SAFETY_STEP_OVERDUE,
  /** An assessment set a child's risk tier: the home-visit schedule changed. */
  VISIT_SCHEDULE_SET,
  /** The recipient's department was given a part in a safety chain (legal aid, a court application). */
  SAFETY_PART_GIVEN
}
