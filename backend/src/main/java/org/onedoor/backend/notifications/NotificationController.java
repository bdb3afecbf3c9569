package org.onedoor.backend.notifications;

import java.util.List;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
record NotificationController(Notifications notifications, GraphQlLimits limits) {

  @QueryMapping
  Connection<Notification> myNotifications(@Argument Boolean unreadOnly, @Argument Integer first,
      @Argument String after) {
    return notifications.mine(Boolean.TRUE.equals(unreadOnly), limits.pageSize(first), after);
  }

  @SchemaMapping(typeName = "Notification")
  boolean read(Notification notification) {
    return Caller.current().map(caller -> Notifications.readBy(notification, caller)).orElse(false);
  }

  /**
   * The notifications to mark read.
   *
   * @param ids the notifications, or none for all
   */
  record MarkNotificationsReadInput(List<String> ids) {
  }

  /**
   * How many were marked read.
   *
   * @param marked the count
   * @param errors always empty: there is nothing to refuse
   */
  record MarkNotificationsReadPayload(long marked, List<Object> errors) {
  }

  @MutationMapping
  MarkNotificationsReadPayload markNotificationsRead(@Argument MarkNotificationsReadInput input) {
    return new MarkNotificationsReadPayload(notifications.markRead(input == null ? null : input.ids()), List.of());
  }
}
