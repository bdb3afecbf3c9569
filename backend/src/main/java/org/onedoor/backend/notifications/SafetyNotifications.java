package org.onedoor.backend.notifications;

import java.util.LinkedHashSet;
import java.util.Set;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.safety.SafetyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Who hears of a child who may be unsafe, and of the safety chain's deadlines and outcomes. */
@Component
record SafetyNotifications(Notifications notifications) {

  /** The township's staff and the village's supervisors, of every new report in their area. */
  @EventListener
  void reported(SafetyEvent.ChainOpened report) {
    String detail = report.immediateDanger() ? "IMMEDIATE_DANGER" : null;
    Set<String> audiences = new LinkedHashSet<>();
    if (report.townshipId() != null) {
      audiences.add(Notifications.township(report.townshipId()));
    }
    if (report.villageId() != null) {
      audiences.add(Notifications.village(report.villageId()));
    }
    each(audiences, NotificationKind.REPORT_IN_AREA, report.receiptCode(), detail);
  }

  /** Each department given a part in a chain (legal aid, a court application). */
  @EventListener
  void joined(SafetyEvent.DepartmentsJoined joined) {
    Set<String> audiences = new LinkedHashSet<>();
    joined.departments().forEach(d -> audiences.add(Notifications.department(d)));
    each(audiences, NotificationKind.SAFETY_PART_GIVEN, joined.receiptCode(), joined.step().name());
  }

  /** Civil affairs, the lead department and the township's staff, of an overdue step. */
  @EventListener
  void overdue(SafetyEvent.StepOverdue overdue) {
    Set<String> audiences = new LinkedHashSet<>();
    audiences.add(Notifications.department(Department.CIVIL_AFFAIRS));
    audiences.add(Notifications.department(overdue.lead()));
    if (overdue.townshipId() != null) {
      audiences.add(Notifications.township(overdue.townshipId()));
    }
    each(audiences, NotificationKind.SAFETY_STEP_OVERDUE, overdue.receiptCode(),
        overdue.step() == null ? null : overdue.step().name());
  }

  /** The supervisor in charge (or the village's supervisors), of the child's new visit schedule. */
  @EventListener
  void scheduled(SafetyEvent.VisitScheduleSet schedule) {
    String audience = schedule.supervisorId() != null ? Notifications.account(schedule.supervisorId())
        : schedule.villageId() != null ? Notifications.village(schedule.villageId()) : null;
    if (audience != null) {
      notifications.notify(audience, NotificationKind.VISIT_SCHEDULE_SET, schedule.receiptCode(),
          schedule.riskTier() + (schedule.nextVisitDue() == null ? "" : "|" + schedule.nextVisitDue()));
    }
  }

  private void each(Set<String> audiences, NotificationKind kind, String reference, String detail) {
    RuntimeException first = null;
    for (String audience : audiences) {
      try {
        notifications.notify(audience, kind, reference, detail);
      } catch (RuntimeException failed) {
        // Each audience is told even if telling another failed; the failure is still the publisher's to count.
        first = first == null ? failed : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
