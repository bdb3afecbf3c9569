package org.onedoor.backend.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One in-app notification for an audience: one account, or everyone of a department or of a township's staff, or
 * civil affairs. Holds only codes and references (a kind, a receipt code, a department), never personal data.
 *
 * @param id identifier
 * @param audience who sees it, e.g. "account:zhoumin", "department:PUBLIC_SECURITY", "township:hulin-town"
 * @param kind what happened
 * @param reference what it is about (e.g. a receipt code)
 * @param detail a code that refines it (e.g. the department concerned), or null
 * @param createdAt when
 * @param readBy the accounts that have read it
 * @param settledAt when the work it announced was done (then it is read for everyone), or null
 */
@Document("notifications")
@CompoundIndex(name = "audience", def = "{'audience': 1, 'createdAt': -1, '_id': -1}")
public record Notification(@Id String id, String audience, NotificationKind kind, String reference, String detail,
    Instant createdAt, List<String> readBy, Instant settledAt) {

  public Notification {
    readBy = readBy == null ? List.of() : List.copyOf(readBy);
  }
}
