package org.onedoor.backend.notifications;

import java.util.LinkedHashSet;
import java.util.Set;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.intake.IntakeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Who hears of what happens at the one door. */
@Component
record IntakeNotifications(Notifications notifications) {

  /** The department's staff, of a new task. */
  @EventListener
  void taskOpened(IntakeEvent.TaskOpened opened) {
    notifications.notify(Notifications.department(opened.department()), NotificationKind.NEW_TASK,
        opened.receiptCode(), opened.kind().name());
  }

  /** Civil affairs, the late department and the township's staff, of an escalated task. */
  @EventListener
  void taskOverdue(IntakeEvent.TaskOverdue overdue) {
    Set<String> audiences = new LinkedHashSet<>();
    audiences.add(Notifications.department(Department.CIVIL_AFFAIRS));
    audiences.add(Notifications.department(overdue.department()));
    if (overdue.townshipId() != null) {
      audiences.add(Notifications.township(overdue.townshipId()));
    }
    RuntimeException first = null;
    for (String audience : audiences) {
      try {
        notifications.notify(audience, NotificationKind.TASK_OVERDUE, overdue.receiptCode(),
            overdue.department().name());
      } catch (RuntimeException failed) {
        // Each audience is told even if telling another failed; the failure is still the publisher's to count.
        first = first == null ? failed : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** A task done: its NEW_TASK for the department, and every TASK_OVERDUE about it, are settled. */
  @EventListener
  void taskDone(IntakeEvent.TaskDone done) {
    notifications.settle(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
        org.springframework.data.mongodb.core.query.Criteria.where("kind").is(NotificationKind.NEW_TASK)
            .and("reference").is(done.receiptCode()).and("audience").is(Notifications.department(done.department())),
        org.springframework.data.mongodb.core.query.Criteria.where("kind").is(NotificationKind.TASK_OVERDUE)
            .and("reference").is(done.receiptCode()).and("detail").is(done.department().name())));
  }

  /** The applicant's account, of the decision on their sign-up. */
  @EventListener
  void signUpDecided(IntakeEvent.SignUpDecided decided) {
    notifications.notify(Notifications.account(decided.username()), NotificationKind.DECISION_MADE,
        decided.receiptCode(), decided.approved() ? "APPROVED" : "REJECTED");
  }
}
