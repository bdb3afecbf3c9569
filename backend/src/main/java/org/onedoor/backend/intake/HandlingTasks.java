package org.onedoor.backend.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.IntakePayloads.TaskPayload;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.schema.RoleNames;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The departments' task queues (协同办理): each routed department's staff see their queue — emergencies first, then
 * by due time — claim a task (of two claims exactly one wins), record what was done, hand it back or complete it;
 * the intake closes when every task of it is done.
 */
@Service
class HandlingTasks {

  private final MongoTemplate mongo;
  private final Messages messages;
  private final Clock clock;

  private final org.onedoor.backend.platform.events.DomainEvents events;

  HandlingTasks(MongoTemplate mongo, Messages messages, Clock clock,
      org.onedoor.backend.platform.events.DomainEvents events) {
    this.events = events;
    this.mongo = mongo;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Staff: a department's queue — emergencies first, then by due time — keyset paged. Department staff see their
   * department's tasks, civil-affairs staff civil affairs', administrators any department's.
   */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public Connection<HandlingTask> queue(Department department, TaskStatus status, boolean claimedByMe,
      String receiptCode, PageSize size, String after) {
    Caller caller = Caller.current().orElseThrow();
    Department queue = departmentOf(caller, department);
    Query query = new Query(where("department").is(queue));
    if (claimedByMe) {
      query.addCriteria(where("claimedBy").is(caller.subject()));
    }
    if (receiptCode != null && !receiptCode.isBlank()) {
      String code = ReceiptCodes.normalise(receiptCode);
      Intake intake = code == null ? null : mongo.findOne(query(where("receiptCode").is(code)), Intake.class);
      query.addCriteria(where("intakeId").is(intake == null ? "-" : intake.id()));
    }
    if (status != null) {
      query.addCriteria(where("status").is(status));
    } else {
      query.addCriteria(where("status").ne(TaskStatus.DONE));
    }
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 3);
      boolean emergency = Boolean.parseBoolean(key[0]);
      Instant due = Cursors.instant(key[1]);
      List<Criteria> later = new ArrayList<>();
      if (emergency) {
        later.add(where("emergency").is(false));
      }
      later.add(where("emergency").is(emergency).and("dueAt").gt(due));
      later.add(where("emergency").is(emergency).and("dueAt").is(due).and("_id").gt(key[2]));
      query.addCriteria(new Criteria().orOperator(later));
    }
    query.with(Sort.by(Sort.Order.desc("emergency"), Sort.Order.asc("dueAt"), Sort.Order.asc("_id")))
        .limit(size.value() + 1);
    return Connection.of(mongo.find(query, HandlingTask.class), size,
        t -> Cursors.encode(t.emergency(), t.dueAt().toEpochMilli(), t.id()), t -> t);
  }

  /** Staff of the task's department: takes the task up; of two claims exactly one wins. */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public TaskPayload claim(String taskId, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    HandlingTask task = taskInQueue(caller, taskId);
    if (task == null) {
      return new TaskPayload(null, List.of(messages.userError("TASK_NOT_FOUND", "taskId", locale)));
    }
    Instant now = clock.instant();
    HandlingTask claimed = mongo.findAndModify(query(where("_id").is(taskId).and("status").is(TaskStatus.OPEN)),
        new Update().set("status", TaskStatus.CLAIMED).set("claimedBy", caller.subject()).set("claimedAt", now)
            .set("claimedByName", caller.displayName()),
        FindAndModifyOptions.options().returnNew(true), HandlingTask.class);
    if (claimed == null) {
      return new TaskPayload(null, List.of(messages.userError("TASK_ALREADY_CLAIMED", "taskId", locale)));
    }
    mongo.updateFirst(query(where("_id").is(task.intakeId()).and("status").is(IntakeStatus.RECEIVED)),
        new Update().set("status", IntakeStatus.IN_HANDLING), Intake.class);
    return new TaskPayload(claimed, List.of());
  }

  /**
   * The claimer: finishes the task with an outcome the submitter may read. When it was the intake's last open task,
   * the intake closes with the outcomes of all its tasks.
   */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public TaskPayload complete(String taskId, String outcome, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    HandlingTask task = taskInQueue(caller, taskId);
    if (task == null) {
      return new TaskPayload(null, List.of(messages.userError("TASK_NOT_FOUND", "taskId", locale)));
    }
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String text = checks.required(outcome, 500, "outcome");
    if (!errors.isEmpty()) {
      return new TaskPayload(null, errors);
    }
    HandlingTask done = mongo.findAndModify(query(where("_id").is(taskId).and("status").is(TaskStatus.CLAIMED)
            .and("claimedBy").is(caller.subject())),
        new Update().set("status", TaskStatus.DONE).set("outcome", text).set("doneAt", clock.instant()),
        FindAndModifyOptions.options().returnNew(true), HandlingTask.class);
    if (done == null) {
      return new TaskPayload(null, List.of(messages.userError("TASK_NOT_YOURS", "taskId", locale)));
    }
    Intake intake = mongo.findById(task.intakeId(), Intake.class);
    if (intake != null) {
      events.publish(new IntakeEvent.TaskDone(intake.receiptCode(), done.department()));
    }
    List<HandlingTask> all = mongo.find(query(where("intakeId").is(task.intakeId())), HandlingTask.class);
    if (all.stream().allMatch(t -> t.status() == TaskStatus.DONE)) {
      String outcomes = all.stream().sorted((a, b) -> Boolean.compare(b.lead(), a.lead()))
          .map(t -> messages.label(t.department(), locale) + "：" + t.outcome()).collect(Collectors.joining("\n"));
      mongo.updateFirst(query(where("_id").is(task.intakeId()).and("status").ne(IntakeStatus.CLOSED)),
          new Update().set("status", IntakeStatus.CLOSED).set("outcome", outcomes).set("closedAt", clock.instant()),
          Intake.class);
    }
    return new TaskPayload(done, List.of());
  }

  /** The claimer: records what was done on the task. */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public TaskPayload recordAction(String taskId, String note, Locale locale) {
    return act(taskId, note, false, locale);
  }

  /** The claimer: hands the task back to the department's queue with the reason; anyone of it may claim it again. */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public TaskPayload handBack(String taskId, String reason, Locale locale) {
    return act(taskId, reason, true, locale);
  }

  private TaskPayload act(String taskId, String text, boolean handBack, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    HandlingTask task = taskInQueue(caller, taskId);
    if (task == null) {
      return new TaskPayload(null, List.of(messages.userError("TASK_NOT_FOUND", "taskId", locale)));
    }
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String note = checks.required(text, 500, handBack ? "reason" : "note");
    if (!errors.isEmpty()) {
      return new TaskPayload(null, errors);
    }
    Update update = new Update().push("actions", new HandlingTask.Action(clock.instant(), caller.subject(), note,
        handBack, caller.displayName()));
    if (handBack) {
      update.set("status", TaskStatus.OPEN).unset("claimedBy").unset("claimedAt").unset("claimedByName");
    }
    HandlingTask changed = mongo.findAndModify(query(where("_id").is(taskId).and("status").is(TaskStatus.CLAIMED)
            .and("claimedBy").is(caller.subject())), update, FindAndModifyOptions.options().returnNew(true),
        HandlingTask.class);
    return changed == null ? new TaskPayload(null, List.of(messages.userError("TASK_NOT_YOURS", "taskId", locale)))
        : new TaskPayload(changed, List.of());
  }

  /** The handling tasks of intakes, lead first, in one query (for staff who may see those intakes). */
  @PreAuthorize(Roles.INTAKE_READERS)
  public java.util.Map<String, List<HandlingTask>> tasksOf(Collection<String> intakeIds) {
    java.util.Map<String, List<HandlingTask>> tasks = new java.util.HashMap<>();
    mongo.find(query(where("intakeId").in(intakeIds)).with(Sort.by(Sort.Order.desc("lead"),
        Sort.Order.asc("department"))), HandlingTask.class)
        .forEach(t -> tasks.computeIfAbsent(t.intakeId(), k -> new ArrayList<>()).add(t));
    return tasks;
  }

  /** The intakes of tasks, by id, for staff who may see those tasks (one query). */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public java.util.Map<String, Intake> intakesOf(Collection<String> intakeIds) {
    java.util.Map<String, Intake> intakes = new java.util.HashMap<>();
    mongo.find(query(where("_id").in(intakeIds)), Intake.class).forEach(i -> intakes.put(i.id(), i));
    return intakes;
  }

  private HandlingTask taskInQueue(Caller caller, String taskId) {
    HandlingTask task = taskId == null ? null : mongo.findById(taskId, HandlingTask.class);
    if (task == null) {
      return null;
    }
    if (departmentOf(caller, null) != task.department()) {
      throw new AccessDeniedException("task of another department");
    }
    return task;
  }

  private static Department departmentOf(Caller caller, Department asked) {
    Department own = caller.roles().contains(RoleNames.CIVIL_AFFAIRS) ? Department.CIVIL_AFFAIRS : caller.department();
    if (own == null || asked != null && asked != own) {
      throw new AccessDeniedException("not this department's queue");
    }
    return own;
  }
}
