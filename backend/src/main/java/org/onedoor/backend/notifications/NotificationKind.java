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
  HELP_DELIVERED
}
