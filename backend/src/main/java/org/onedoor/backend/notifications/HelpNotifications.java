package org.onedoor.backend.notifications;

import org.onedoor.backend.matching.MatchingEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Offerers hear how far their help has come: approved by civil affairs, then delivered to the child. */
@Component
record HelpNotifications(Notifications notifications) {

  /** The offerer's account, of their help approved or delivered (the need's category only, never the child). */
  @EventListener
  void helpProgressed(MatchingEvent.HelpProgressed progressed) {
    notifications.notify(Notifications.account(progressed.offererSubject()),
        progressed.stage() == MatchingEvent.Stage.APPROVED ? NotificationKind.HELP_APPROVED
            : NotificationKind.HELP_DELIVERED, progressed.reference(), progressed.category().name());
  }
}
