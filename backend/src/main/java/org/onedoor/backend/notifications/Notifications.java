package org.onedoor.backend.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.schema.RoleNames;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The in-app notification centre: features notify an audience (an account, a department, a township's staff, civil
 * affairs); each signed-in caller reads what is addressed to any audience they belong to, newest first, and marks it
 * read. Every notification also goes to the {@link NotificationSender} (e-mail/SMS; by default a log line).
 */
@Service
class Notifications {

  private final MongoTemplate mongo;
  private final NotificationSender sender;
  private final Clock clock;

  Notifications(MongoTemplate mongo, NotificationSender sender, Clock clock) {
    this.mongo = mongo;
    this.sender = sender;
    this.clock = clock;
  }

  /** The audience of one account. */
  public static String account(String subject) {
    return "account:" + subject;
  }

  /** The audience of a department's staff. */
  public static String department(Department department) {
    return "department:" + department.name();
  }

  /** The audience of a township's staff. */
  public static String township(String townshipId) {
    return "township:" + townshipId;
  }

  /** The audience of a village's supervisors. */
  public static String village(String villageId) {
    return "village:" + villageId;
  }

  /** Notifies an audience (system use by the features; no caller check). */
  public void notify(String audience, NotificationKind kind, String reference, String detail) {
    Notification notification = new Notification(UUID.randomUUID().toString(), audience, kind, reference, detail,
        clock.instant(), List.of(), null);
    mongo.insert(notification);
    sender.send(notification);
  }

  /** The signed-in caller's notifications, newest first, keyset paged. */
  @PreAuthorize(Roles.SIGNED_IN)
  public Connection<Notification> mine(boolean unreadOnly, PageSize size, String after) {
    Caller caller = Caller.current().orElseThrow();
    Query query = new Query(where("audience").in(audiences(caller)));
    if (unreadOnly) {
      query.addCriteria(where("readBy").ne(caller.subject()).and("settledAt").is(null));
    }
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 2);
      Instant at = Cursors.instant(key[0]);
      query.addCriteria(new Criteria().orOperator(where("createdAt").lt(at),
          where("createdAt").is(at).and("_id").lt(key[1])));
    }
    query.with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(size.value() + 1);
    return Connection.of(mongo.find(query, Notification.class), size,
        n -> Cursors.encode(n.createdAt().toEpochMilli(), n.id()), n -> n);
  }

  /** Marks the caller's notifications read (those given, or all); returns how many changed. */
  @PreAuthorize(Roles.SIGNED_IN)
  public long markRead(List<String> ids) {
    Caller caller = Caller.current().orElseThrow();
    Query query = new Query(where("audience").in(audiences(caller)).and("readBy").ne(caller.subject()));
    if (ids != null && !ids.isEmpty()) {
      query.addCriteria(where("_id").in(ids));
    }
    return mongo.updateMulti(query, new Update().addToSet("readBy", caller.subject()), Notification.class)
        .getModifiedCount();
  }

  /** Whether a notification is read by the caller: they read it, or the work it announced is done. */
  public static boolean readBy(Notification notification, Caller caller) {
    return notification.settledAt() != null || notification.readBy().contains(caller.subject());
  }

  /**
   * The work some notifications announced is done (system use by the features): they are read for everyone from
   * now on. Returns how many were settled.
   */
  long settle(org.springframework.data.mongodb.core.query.Criteria which) {
    return mongo.updateMulti(new Query(which).addCriteria(where("settledAt").is(null)),
        new Update().set("settledAt", clock.instant()), Notification.class).getModifiedCount();
  }

  private static List<String> audiences(Caller caller) {
    List<String> audiences = new ArrayList<>();
    audiences.add(account(caller.subject()));
    if (caller.department() != null && caller.roles().contains(RoleNames.DEPARTMENT_STAFF)) {
      audiences.add(department(caller.department()));
    }
    if (caller.roles().contains(RoleNames.CIVIL_AFFAIRS)) {
      audiences.add(department(Department.CIVIL_AFFAIRS));
    }
    if (caller.townshipId() != null && caller.roles().contains(RoleNames.TOWNSHIP_STAFF)) {
      audiences.add(township(caller.townshipId()));
    }
    if (caller.villageId() != null && caller.roles().contains(RoleNames.SUPERVISOR)) {
      audiences.add(village(caller.villageId()));
    }
    return audiences;
  }
}
