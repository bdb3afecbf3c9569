package org.onedoor.backend.notifications;

/**
 * Sends a notification outside the portal (e-mail, SMS). The default implementation only logs that it would; a
 * deployment provides a real one as a bean. Implementations receive codes, never personal data.
 */
public interface NotificationSender {

  /** Sends one notification to its audience's contact channel. */
  void send(Notification notification);
}
