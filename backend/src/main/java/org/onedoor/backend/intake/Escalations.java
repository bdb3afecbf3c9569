package org.onedoor.backend.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.events.DomainEvents;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.lease.Leases;
import org.onedoor.schema.RoleNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Deadlines: a handling task not done by its due time escalates to civil affairs and the task's township — once,
 * whichever backend instance notices (the job runs under a MongoDB lease, and each task is marked escalated with one
 * conditional update). Time comes from the {@link Clock}, so tests move it.
 */
@Service
public class Escalations {

  private static final Logger log = LoggerFactory.getLogger(Escalations.class);
  static final String LEASE = "intake-escalation";

  private final MongoTemplate mongo;
  private final Leases leases;
  private final Clock clock;
  private final DomainEvents events;
  private final String instance = UUID.randomUUID().toString();

  Escalations(MongoTemplate mongo, Leases leases, Clock clock, DomainEvents events) {
    this.events = events;
    this.mongo = mongo;
    this.leases = leases;
    this.clock = clock;
  }

  /**
   * An escalated task, as civil affairs and the township see it.
   *
   * @param id the escalation's id
   * @param taskId the overdue task
   * @param intakeId its intake
   * @param department the department that missed the deadline
   * @param townshipId the township concerned
   * @param emergency whether the intake is an emergency
   * @param dueAt when the task was due
   * @param escalatedAt when it escalated
   */
  @org.springframework.data.mongodb.core.mapping.Document("escalations")
  public record Escalation(String id, String taskId, String intakeId, Department department, String townshipId,
      boolean emergency, Instant dueAt, Instant escalatedAt) {
  }

  /** Every minute (by default): escalate what is overdue, on one instance at a time. */
  @Scheduled(fixedDelayString = "${onedoor.intake.escalation-interval:PT1M}",
      initialDelayString = "${onedoor.intake.escalation-interval:PT1M}")
  void scheduled() {
    run(instance, clock.instant());
  }

  /**
   * One run as an instance at a moment: takes the lease (or does nothing) and escalates every task overdue then.
   *
   * @return how many tasks this run escalated
   */
  int run(String owner, Instant now) {
    if (!leases.acquire(LEASE, owner, now, Duration.ofMinutes(5))) {
      return 0;
    }
    int escalated = 0;
    List<HandlingTask> overdue = mongo.find(query(where("status").ne(TaskStatus.DONE).and("dueAt").lt(now)
        .and("escalatedAt").is(null)), HandlingTask.class);
    for (HandlingTask task : overdue) {
      // One conditional update per task: a task escalates once, even if two runs overlapped.
      boolean mine = mongo.updateFirst(query(where("_id").is(task.id()).and("escalatedAt").is(null)),
          new Update().set("escalatedAt", now), HandlingTask.class).getModifiedCount() == 1;
      if (mine) {
        mongo.insert(new Escalation(UUID.randomUUID().toString(), task.id(), task.intakeId(), task.department(),
            task.townshipId(), task.emergency(), task.dueAt(), now));
        Intake intake = mongo.findById(task.intakeId(), Intake.class);
        String reference = intake == null ? task.intakeId() : intake.receiptCode();
        events.publish(new IntakeEvent.TaskOverdue(reference, task.department(), task.townshipId()));
        escalated++;
      }
    }
    if (escalated > 0) {
      log.info("Escalated {} overdue handling task(s)", escalated);
    }
    return escalated;
  }

  /**
   * Civil affairs and administrators: every escalation; township staff: their township's. Newest first, keyset paged.
   */
  @PreAuthorize(Roles.ESCALATION_READERS)
  public Connection<Escalation> escalations(PageSize size, String after) {
    Caller caller = Caller.current().orElseThrow();
    Query query = new Query();
    if (!caller.roles().contains(RoleNames.CIVIL_AFFAIRS)) {
      if (caller.townshipId() == null) {
        throw new AccessDeniedException("no township");
      }
      query.addCriteria(where("townshipId").is(caller.townshipId()));
    }
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 2);
      Instant at = Cursors.instant(key[0]);
      query.addCriteria(new Criteria().orOperator(where("escalatedAt").lt(at),
          where("escalatedAt").is(at).and("_id").lt(key[1])));
    }
    query.with(Sort.by(Sort.Direction.DESC, "escalatedAt", "_id")).limit(size.value() + 1);
    return Connection.of(mongo.find(query, Escalation.class), size,
        e -> Cursors.encode(e.escalatedAt().toEpochMilli(), e.id()), e -> e);
  }
}
