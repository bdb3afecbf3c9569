package org.onedoor.backend.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default sender: logs the notification's kind and audience (codes only, no personal data). */
@Configuration(proxyBeanMethods = false)
class LoggingNotificationSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

  @Bean
  @ConditionalOnMissingBean(NotificationSender.class)
  NotificationSender loggingSender() {
    return notification -> log.info("Notification {} for {} about {}", notification.kind(), notification.audience(),
        notification.reference());
  }
}
