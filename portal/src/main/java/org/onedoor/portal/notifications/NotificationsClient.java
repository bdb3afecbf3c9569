package org.onedoor.portal.notifications;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Notification;
import org.onedoor.portal.api.Page;
import org.springframework.stereotype.Component;

/** The signed-in user's notifications. Calls and error translation go through {@link GraphQlGateway}. */
@Component
public record NotificationsClient(GraphQlGateway gateway) {

  /** Signed in: a page of the user's notifications, newest first; only the unread ones when {@code unreadOnly}. */
  public Page<Notification> notifications(boolean unreadOnly, int first, String after) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("unreadOnly", unreadOnly);
    return gateway.pageWith("myNotifications", "myNotifications", Notification.class, variables, first, after);
  }

  /** Signed in: marks the user's notifications read (all of them when {@code ids} is empty); how many. */
  public int markNotificationsRead(List<String> ids) {
    return gateway.call(graphQl -> graphQl.documentName("markNotificationsRead").variable("ids", ids
        .isEmpty() ? null : ids)
        .retrieveSync("markNotificationsRead.marked").toEntity(Integer.class));
  }
}
