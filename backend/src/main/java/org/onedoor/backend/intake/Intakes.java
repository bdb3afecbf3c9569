package org.onedoor.backend.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.IntakeFiles;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.IntakeInputs.SubmitAssistanceApplicationInput;
import org.onedoor.backend.intake.IntakeInputs.SubmitMandatoryReportInput;
import org.onedoor.backend.intake.IntakePayloads.SubmitIntakePayload;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Phones;
import org.onedoor.backend.platform.events.DomainEvents;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.platform.ratelimit.RateLimits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The one door (一门受理): applications and mandatory reports come in here, anonymous or signed in, get a receipt
 * code and are routed ({@link Routing}) to a handling task in each department's queue ({@link HandlingTasks}; the
 * township's view of them is {@link TownshipDesk}). Submitting the same idempotency key twice creates nothing new;
 * anonymous submissions are rate-limited per client; bad input is refused field by field and stores nothing.
 *
 * <p>Why one class of over 300 lines: it is the door's one write path — idempotency keys, the anonymous limit, the
 * receipt and routing — which the sign-up and offer paths reuse; the queues and the desk are apart.
 */
@Service
public class Intakes {

  private static final int MAX_TEXT = 2000;
  private static final int MAX_SHORT = 100;

  private final MongoTemplate mongo;
  private final Routing routing;
  private final Geography geography;
  private final Messages messages;
  private final RateLimits rateLimits;
  private final IntakeSettings settings;
  private final Clock clock;
  private final IntakeFiles intakeFiles;
  private final DomainEvents events;
  private final org.onedoor.backend.identity.Accounts accounts;

  Intakes(MongoTemplate mongo, Routing routing, Geography geography, Messages messages, RateLimits rateLimits,
      IntakeSettings settings, Clock clock, IntakeFiles intakeFiles, DomainEvents events,
      org.onedoor.backend.identity.Accounts accounts) {
    this.accounts = accounts;
    this.events = events;
    this.intakeFiles = intakeFiles;
    this.mongo = mongo;
    this.routing = routing;
    this.geography = geography;
    this.messages = messages;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.clock = clock;
  }

  /** Anyone: an application for assistance for a child. */
  @PreAuthorize(Roles.PUBLIC)
  public SubmitIntakePayload apply(SubmitAssistanceApplicationInput input, String clientAddress, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String key = idempotencyKey(input.idempotencyKey(), errors, locale);
    if (input.applicantKind() == null) {
      errors.add(messages.userError("APPLICANT_KIND_REQUIRED", "applicantKind", locale));
    }
    String applicantName = checks.required(input.applicantName(), 50, "applicantName");
    String phone = Phones.normalised(input.applicantPhone());
    if (phone == null) {
      errors.add(messages.userError("PHONE_INVALID", "applicantPhone", locale));
    }
    String childName = checks.required(input.childName(), 50, "childName");
    if (input.childSex() == null) {
      errors.add(messages.userError("SEX_REQUIRED", "childSex", locale));
    }
    LocalDate birthDate = childBirthDate(input.childBirthDate(), errors, locale);
    checkPlace(input.townshipId(), input.villageId(), true, errors, locale);
    if (input.causes() == null || input.causes().isEmpty()) {
      errors.add(messages.userError("CAUSES_REQUIRED", "causes", locale));
    }
    if (input.categories() == null || input.categories().isEmpty()) {
      errors.add(messages.userError("CATEGORIES_REQUIRED", "categories", locale));
    }
    String description = checks.required(input.description(), MAX_TEXT, "description");
    if (!errors.isEmpty()) {
      return new SubmitIntakePayload(null, errors);
    }
    List<Cause> causes = input.causes().stream().distinct().toList();
    List<NeedCategory> categories = input.categories().stream().distinct().toList();
    return submit(key, IntakeKind.ASSISTANCE_APPLICATION, input.townshipId(), input.villageId(),
        new IntakeContent.AssistanceApplication(input.applicantKind(), applicantName, phone, childName,
            input.childSex(), birthDate, causes, categories, description),
        routing.route(IntakeKind.ASSISTANCE_APPLICATION, categories, causes), clientAddress, locale);
  }

  /** Anyone, anonymous allowed: a mandatory report of a child at risk; an emergency for every queue. */
  @PreAuthorize(Roles.PUBLIC)
  public SubmitIntakePayload report(SubmitMandatoryReportInput input, String clientAddress, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String key = idempotencyKey(input.idempotencyKey(), errors, locale);
    if (input.reporterKind() == null) {
      errors.add(messages.userError("REPORTER_KIND_REQUIRED", "reporterKind", locale));
    }
    String reporterName = checks.optional(input.reporterName(), 50, "reporterName");
    String phone = null;
    if (input.reporterPhone() != null && !input.reporterPhone().isBlank()) {
      phone = Phones.normalised(input.reporterPhone());
      if (phone == null) {
        errors.add(messages.userError("PHONE_INVALID", "reporterPhone", locale));
      }
    }
    checkPlace(input.townshipId(), input.villageId(), false, errors, locale);
    String place = checks.required(input.place(), MAX_SHORT, "place");
    String childName = checks.optional(input.childName(), 50, "childName");
    String description = checks.required(input.description(), MAX_TEXT, "description");
    if (!errors.isEmpty()) {
      return new SubmitIntakePayload(null, errors);
    }
    return submit(key, IntakeKind.MANDATORY_REPORT, input.townshipId(), blankToNull(input.villageId()),
        new IntakeContent.MandatoryReport(input.reporterKind(), reporterName, phone, place, childName, description,
            Boolean.TRUE.equals(input.immediateDanger())),
        inDanger(routing.route(IntakeKind.MANDATORY_REPORT, List.of(), List.of()),
            Boolean.TRUE.equals(input.immediateDanger())), clientAddress, locale);
  }

  /** A child in danger right now: an emergency whose first response is due within the danger deadline. */
  private Routing.Decision inDanger(Routing.Decision decision, boolean danger) {
    if (!danger) {
      return decision;
    }
    java.time.Duration deadline = decision.deadline().compareTo(settings.immediateDangerResponse()) < 0
        ? decision.deadline() : settings.immediateDangerResponse();
    return new Routing.Decision(decision.lead(), decision.coHandling(), deadline, true);
  }

  private SubmitIntakePayload submit(String key, IntakeKind kind, String townshipId, String villageId,
      IntakeContent content, Routing.Decision decision, String clientAddress, Locale locale) {
    String scoped = scopedKey(key, kind, java.util.Arrays.asList(content, townshipId, villageId));
    Optional<IntakeReceipt> replay = replay(scoped, locale);
    if (replay.isPresent()) {
      return new SubmitIntakePayload(replay.get(), List.of());
    }
    if (!withinLimit(clientAddress)) {
      return new SubmitIntakePayload(null, List.of(messages.userError("RATE_LIMITED", null, locale)));
    }
    return new SubmitIntakePayload(store(scoped, kind, townshipId, villageId, content, decision, locale).receipt(),
        List.of());
  }

  /**
   * The idempotency key as stored: the caller's own, for one kind of submission and one content. A retry of the
   * same submission by the same caller finds its receipt again; the same key from another caller, for another kind
   * or with other content is a new submission, never another's receipt. Only a hash is stored.
   *
   * @param key the key the client sent (validated)
   * @param kind the kind of submission
   * @param content what was submitted, validated and normalised (no password)
   */
  public String scopedKey(String key, IntakeKind kind, Object content) {
    String caller = Caller.current().map(c -> "account:" + c.subject()).orElse("anonymous");
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest((kind.name() + '\u0000' + caller
          + '\u0000' + fingerprint(content) + '\u0000' + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Every value of a record (their toString hides what they hold, for the logs), recursively; else the value. */
  private static String fingerprint(Object value) {
    if (value instanceof Record record) {
      StringBuilder all = new StringBuilder("(");
      for (java.lang.reflect.RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          component.getAccessor().setAccessible(true);
          all.append(fingerprint(component.getAccessor().invoke(record))).append('\u0001');
        } catch (ReflectiveOperationException unreadable) {
          throw new IllegalStateException(unreadable);
        }
      }
      return all.append(')').toString();
    }
    if (value instanceof java.util.Collection<?> values) {
      return values.stream().map(Intakes::fingerprint).toList().toString();
    }
    return String.valueOf(value);
  }

  /** The receipt of an earlier submission with this (scoped) idempotency key, if any. */
  public Optional<IntakeReceipt> replay(String key, Locale locale) {
    return Optional.ofNullable(mongo.findOne(query(where("idempotencyKey").is(key)), Intake.class))
        .map(existing -> receipt(existing, locale));
  }

  /** Signed-in submitters are not limited; anonymous ones count against their client's hourly allowance. */
  public boolean withinLimit(String clientAddress) {
    return Caller.current().isPresent() || rateLimits.tryAcquire("anonymous-intake",
        clientAddress == null ? "unknown" : clientAddress, settings.anonymousPerHour(), Duration.ofHours(1));
  }

  /** Stores a validated intake, attaches the child's file, and puts a task in each routed department's queue. */
  public StoredIntake store(String key, IntakeKind kind, String townshipId, String villageId, IntakeContent content,
      Routing.Decision decision, Locale locale) {
    Caller caller = Caller.current().orElse(null);
    Instant now = clock.instant();
    Intake intake = null;
    for (int attempt = 0; intake == null && attempt < 5; attempt++) {
      Intake candidate = new Intake(UUID.randomUUID().toString(), ReceiptCodes.next(), key, kind,
          IntakeStatus.RECEIVED, decision.emergency(), townshipId, villageId, caller == null ? null
              : caller.subject(), content, now, null, null, null, null);
      try {
        mongo.insert(candidate);
        intake = candidate;
      } catch (DuplicateKeyException duplicate) {
        Intake same = mongo.findOne(query(where("idempotencyKey").is(key)), Intake.class);
        if (same != null) {
          return new StoredIntake(same.id(), receipt(same, locale), same.content());
        }
        // else the receipt code collided: draw another
      }
    }
    if (intake == null) {
      throw new IllegalStateException("no free receipt code");
    }
    String fileId = switch (content) {
      case IntakeContent.AssistanceApplication a -> intakeFiles.forApplication(a.childName(), a.childSex(),
          a.childBirthDate(), townshipId, villageId, a.causes(), intake.receiptCode());
      case IntakeContent.MandatoryReport r -> intakeFiles.forReport(r.childName(), townshipId, villageId,
          intake.receiptCode());
      case IntakeContent.SignUp signUp -> null;
      case IntakeContent.OfferOfHelp offer -> null;
    };
    if (fileId != null) {
      mongo.updateFirst(query(where("_id").is(intake.id())), new Update().set("caseFileId", fileId), Intake.class);
    }
    Instant due = now.plus(decision.deadline());
    List<HandlingTask> tasks = new ArrayList<>();
    for (Department department : decision.departments()) {
      tasks.add(new HandlingTask(UUID.randomUUID().toString(), intake.id(), kind, department,
          department == decision.lead(), TaskStatus.OPEN, decision.emergency(), townshipId, due, now, null, null,
          null, null, null, List.of(), null));
    }
    mongo.insertAll(tasks);
    for (HandlingTask task : tasks) {
      events.publish(new IntakeEvent.TaskOpened(intake.receiptCode(), kind, task.department()));
    }
    boolean report = content instanceof IntakeContent.MandatoryReport;
    if (report || kind == IntakeKind.ASSISTANCE_APPLICATION && decision.emergency()) {
      events.publish(new IntakeEvent.SafetyReported(intake.id(), intake.receiptCode(), townshipId, villageId, fileId,
          content instanceof IntakeContent.MandatoryReport r && r.immediateDanger(), decision.lead(),
          decision.departments(), now));
    }
    return new StoredIntake(intake.id(), receipt(intake, locale), intake.content());
  }

  /**
   * For the retention rules (the privacy feature's daily job; the caller authorizes and audits): erases the reporter's
   * name and phone from the mandatory reports closed before {@code closedBefore}, but those in {@code keep} (whose
   * safety chain is still open). What was reported stays.
   *
   * @return how many reports the rule reached (each once)
   */
  public long eraseReporterContacts(Instant closedBefore, Instant now, java.util.Collection<String> keep) {
    return mongo.updateMulti(query(where("kind").is(IntakeKind.MANDATORY_REPORT).and("status")
            .is(IntakeStatus.CLOSED).and("closedAt").lt(closedBefore).and("erased.REPORTER_CONTACT").is(null)
            .and("_id").nin(keep)),
        new Update().unset("content.reporterName").unset("content.reporterPhone")
            .set("erased.REPORTER_CONTACT", java.util.Date.from(now)), Intake.class).getModifiedCount();
  }

  /**
   * For the retention rules: erases the personal data of the sign-ups decided before {@code closedBefore} — a
   * rejected one's entirely (name, phone, ID number, home, income, household, experience), an approved one's copy
   * likewise (what the register needs was entered in it at approval; the account keeps its name). The kind, the
   * username, an organisation's public name and code, and the vetting record stay. The account opened for a sign-up
   * that was not approved (disabled, without a role) is deleted with its name and password.
   *
   * @return how many sign-ups the rule reached (each once)
   */
  public long eraseDecidedSignUps(Instant closedBefore, Instant now) {
    Criteria decided = where("kind").is(IntakeKind.SIGN_UP).and("status").is(IntakeStatus.CLOSED)
        .and("closedAt").lt(closedBefore);
    // The accounts opened for sign-ups not approved (rejected; an earlier version did not keep the decision: those
    // whose account has no role) go first, marked: a crash before the sign-ups are erased leaves them to the next run.
    Query accountsDue = new Query(Criteria.where("kind").is(IntakeKind.SIGN_UP).and("status").is(IntakeStatus.CLOSED)
        .and("closedAt").lt(closedBefore).and("approved").ne(true).and("erased.ACCOUNT").is(null));
    accountsDue.fields().include("content.username").include("closedAt");
    List<org.bson.Document> rejected = mongo.find(accountsDue, org.bson.Document.class, "intakes");
    if (!rejected.isEmpty()) {
      java.util.Map<String, Instant> openedBefore = new java.util.HashMap<>();
      for (org.bson.Document intake : rejected) {
        org.bson.Document content = intake.get("content", org.bson.Document.class);
        if (content != null && content.getString("username") != null && intake.getDate("closedAt") != null) {
          openedBefore.put(content.getString("username"), intake.getDate("closedAt").toInstant());
        }
      }
      accounts.discardNeverApproved(openedBefore);
      mongo.updateMulti(query(where("_id").in(rejected.stream().map(d -> d.get("_id")).toList())),
          new Update().set("erased.ACCOUNT", java.util.Date.from(now)), Intake.class);
    }
    Query due = new Query(decided.and("erased.SIGN_UP").is(null));
    return mongo.updateMulti(due,
        new Update().unset("content.displayName").unset("content.phone").unset("content.nationalId")
            .unset("content.home").unset("content.monthlyIncomeYuan").unset("content.householdMembers")
            .unset("content.experience").set("erased.SIGN_UP", java.util.Date.from(now)), Intake.class)
        .getModifiedCount();
  }

  /**
   * For a reduced or erased child's file (the privacy feature; the caller authorizes and audits): what the intakes
   * attached to it say of the child and of who applied or reported — names, phones, the place, the description — and
   * the notes and outcomes departments recorded on their tasks are erased. Kinds, dates, departments and statuses stay.
   *
   * @return how many intakes were reached
   */
  public long eraseForFile(String caseFileId, Instant now) {
    return eraseWhatTheySaid(attachedTo(caseFileId), "erased.CHILD_FILE", now);
  }

  /**
   * For the retention rules: the mandatory reports and applications closed before {@code closedBefore} without being
   * attached to a child's file (a report found groundless, an application refused), not yet erased: a page of their
   * ids after {@code afterId}, in id order. The caller erases what other features hold about them first, then calls
   * {@link #eraseClosedWithoutFile}.
   */
  public List<String> closedWithoutFile(Instant closedBefore, String afterId, int limit) {
    Criteria criteria = where("kind").in(IntakeKind.MANDATORY_REPORT, IntakeKind.ASSISTANCE_APPLICATION)
        .and("status").is(IntakeStatus.CLOSED).and("closedAt").lt(closedBefore).and("caseFileId").is(null)
        .and("erased.CLOSED_WITHOUT_FILE").is(null);
    if (afterId != null) {
      criteria = criteria.and("_id").gt(afterId);
    }
    Query due = new Query(criteria).with(org.springframework.data.domain.Sort.by("_id")).limit(limit);
    due.fields().include("_id");
    return mongo.find(due, org.bson.Document.class, "intakes").stream().map(d -> d.getString("_id")).toList();
  }

  /**
   * For the retention rules: erases what these intakes (closed without a file, {@link #closedWithoutFile}) say of the
   * child and of who applied or reported, and the notes on their tasks, as {@link #eraseForFile} does. How many.
   */
  public long eraseClosedWithoutFile(List<String> intakeIds, Instant now) {
    return eraseWhatTheySaid(intakeIds, "erased.CLOSED_WITHOUT_FILE", now);
  }

  /**
   * For the retention rules (matching, which erases the offers themselves): erases the offerer's name and phone from
   * the intakes these offers came in with.
   */
  public long eraseOfferContacts(List<String> intakeIds) {
    return intakeIds.isEmpty() ? 0 : mongo.updateMulti(query(where("_id").in(intakeIds)),
        new Update().unset("content.offererName").unset("content.phone"), Intake.class).getModifiedCount();
  }

  /** The tasks' notes first, then the intakes, marked: a crash part-way is redone at the next run. */
  private long eraseWhatTheySaid(List<String> ids, String mark, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    for (HandlingTask task : mongo.find(query(where("intakeId").in(ids)), HandlingTask.class)) {
      List<HandlingTask.Action> kept = task.actions().stream().map(a -> new HandlingTask.Action(a.at(), a.by(), null,
          a.handedBack(), a.byName())).toList();
      mongo.updateFirst(query(where("_id").is(task.id())), new Update().unset("outcome").set("actions", kept),
          HandlingTask.class);
    }
    return mongo.updateMulti(query(where("_id").in(ids)), new Update().unset("content.applicantName")
        .unset("content.applicantPhone").unset("content.childName").unset("content.description")
        .unset("content.reporterName").unset("content.reporterPhone").unset("content.place")
        .set(mark, java.util.Date.from(now)), Intake.class).getModifiedCount();
  }

  /** For other features (safety, privacy): the ids of the intakes attached to a child's file. The caller authorizes. */
  public List<String> attachedTo(String caseFileId) {
    var attached = query(where("caseFileId").is(caseFileId));
    attached.fields().include("_id");
    return mongo.find(attached, org.bson.Document.class, "intakes").stream().map(d -> d.getString("_id")).toList();
  }

  /**
   * For other features (safety): the child's file an intake is attached to now, if any. The caller authorizes;
   * nothing but the file's id leaves this feature.
   */
  public Optional<String> caseFileOf(String intakeId) {
    var byId = query(where("_id").is(intakeId));
    byId.fields().include("caseFileId");
    return Optional.ofNullable(mongo.findOne(byId, org.bson.Document.class, "intakes"))
        .map(d -> d.getString("caseFileId"));
  }

  /**
   * For other features (safety): the intakes since an instant that start a safety chain — mandatory reports and
   * emergency applications — as the event announced them, so a chain whose event was lost is still opened. The
   * caller authorizes.
   */
  public List<IntakeEvent.SafetyReported> safetyReportsSince(Instant since) {
    List<IntakeEvent.SafetyReported> reports = new ArrayList<>();
    // Reports and emergency applications not yet closed (a closed one needs no chain opened now).
    List<Intake> found = mongo.find(query(where("submittedAt").gte(since).and("status").ne(IntakeStatus.CLOSED)
        .orOperator(where("kind").is(IntakeKind.MANDATORY_REPORT),
            where("kind").is(IntakeKind.ASSISTANCE_APPLICATION).and("emergency").is(true))), Intake.class);
    java.util.Map<String, List<HandlingTask>> tasksOf = new java.util.HashMap<>();
    if (!found.isEmpty()) {
      mongo.find(query(where("intakeId").in(found.stream().map(Intake::id).toList())), HandlingTask.class)
          .forEach(t -> tasksOf.computeIfAbsent(t.intakeId(), k -> new ArrayList<>()).add(t));
    }
    for (Intake intake : found) {
      List<HandlingTask> tasks = tasksOf.getOrDefault(intake.id(), List.of()).stream()
          .sorted((a, b) -> Boolean.compare(b.lead(), a.lead())).toList();
      if (tasks.isEmpty()) {
        continue;
      }
      reports.add(new IntakeEvent.SafetyReported(intake.id(), intake.receiptCode(), intake.townshipId(),
          intake.villageId(), intake.caseFileId(),
          intake.content() instanceof IntakeContent.MandatoryReport r && r.immediateDanger(),
          tasks.getFirst().department(), tasks.stream().map(HandlingTask::department).toList(),
          intake.submittedAt()));
    }
    return reports;
  }

  /** Anyone holding the code: where the intake stands and what comes next; null for an unknown code. */
  @PreAuthorize(Roles.PUBLIC)
  public IntakeReceipt receipt(String code, Locale locale) {
    String normalised = ReceiptCodes.normalise(code);
    if (normalised == null) {
      return null;
    }
    Intake intake = mongo.findOne(query(where("receiptCode").is(normalised)), Intake.class);
    return intake == null ? null : receipt(intake, locale);
  }

  IntakeReceipt receipt(Intake intake, Locale locale) {
    List<HandlingTask> tasks = mongo.find(query(where("intakeId").is(intake.id())), HandlingTask.class);
    tasks = tasks.stream().sorted((a, b) -> Boolean.compare(b.lead(), a.lead())).toList();
    String departments = tasks.stream().map(t -> messages.label(t.department(), locale))
        .collect(Collectors.joining(locale.getLanguage().equals("en") ? ", " : "、"));
    String nextStep = switch (intake.status()) {
      case RECEIVED -> intake.content() instanceof IntakeContent.MandatoryReport report && report.immediateDanger()
          && !tasks.isEmpty()
          ? messages.get("intake.next.RECEIVED_DANGER", locale, departments, tasks.getFirst().dueAt()
              .atZone(CityTime.ZONE).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString()
              .replace('T', ' '))
          : messages.get("intake.next.RECEIVED", locale, departments,
              tasks.isEmpty() ? "" : tasks.getFirst().dueAt().atZone(CityTime.ZONE).toLocalDate().toString());
      case IN_HANDLING -> inHandling(tasks, locale);
      case CLOSED -> messages.get("intake.next.CLOSED", locale);
    };
    return new IntakeReceipt(intake.receiptCode(), intake.kind(), intake.status(), intake.emergency(),
        intake.submittedAt().atZone(CityTime.ZONE).toLocalDate().toString(), nextStep,
        tasks.stream().map(t -> new IntakeReceipt.DepartmentStatus(t.department(), t.status())).toList(),
        intake.outcome());
  }

  /** Who is still working on it, and who has finished: a department done is never said to be "handling" it. */
  private String inHandling(List<HandlingTask> tasks, Locale locale) {
    String separator = locale.getLanguage().equals("en") ? ", " : "、";
    String open = tasks.stream().filter(t -> t.status() != TaskStatus.DONE)
        .map(t -> messages.label(t.department(), locale)).distinct().collect(Collectors.joining(separator));
    String done = tasks.stream().filter(t -> t.status() == TaskStatus.DONE)
        .map(t -> messages.label(t.department(), locale)).distinct().collect(Collectors.joining(separator));
    String handling = open.isEmpty() ? "" : messages.get("intake.next.IN_HANDLING", locale, open);
    String finished = done.isEmpty() ? "" : messages.get("intake.next.DONE_BY", locale, done);
    return locale.getLanguage().equals("en") ? (finished + " " + handling).strip() : finished + handling;
  }

  /**
   * The submitter withdrew what the intake brought (an offer): its open tasks are done with that outcome and the
   * intake closes, so that following it says "withdrawn", not "in handling". Nothing happens to a closed intake.
   */
  public void withdrawnBySubmitter(String intakeId) {
    if (intakeId == null) {
      return;
    }
    java.time.Instant now = clock.instant();
    String outcome = messages.get("intake.outcome.WITHDRAWN", Locale.SIMPLIFIED_CHINESE);
    mongo.updateMulti(query(where("intakeId").is(intakeId).and("status").ne(TaskStatus.DONE)),
        new Update().set("status", TaskStatus.DONE).set("outcome", outcome).set("doneAt", now).set("withdrawn", true),
        HandlingTask.class);
    mongo.updateFirst(query(where("_id").is(intakeId).and("status").ne(IntakeStatus.CLOSED)),
        new Update().set("status", IntakeStatus.CLOSED).set("outcome", outcome).set("closedAt", now), Intake.class);
  }

  public String idempotencyKey(String key, List<UserError> errors, Locale locale) {
    String stripped = key == null ? "" : key.strip();
    if (stripped.length() < 8 || stripped.length() > 100) {
      errors.add(messages.userError("IDEMPOTENCY_KEY_INVALID", "idempotencyKey", locale));
    }
    return stripped;
  }

  public void checkPlace(String townshipId, String villageId, boolean villageRequired, List<UserError> errors,
      Locale locale) {
    if (townshipId == null || geography.townshipsById(List.of(townshipId)).isEmpty()) {
      errors.add(messages.userError("TOWNSHIP_UNKNOWN", "townshipId", locale));
      return;
    }
    boolean hasVillage = villageId != null && !villageId.isBlank();
    if (villageRequired && !hasVillage || hasVillage && !geography.villageInTownship(villageId, townshipId)) {
      errors.add(messages.userError("VILLAGE_NOT_IN_TOWNSHIP", "villageId", locale));
    }
  }

  private LocalDate childBirthDate(String text, List<UserError> errors, Locale locale) {
    try {
      LocalDate date = LocalDate.parse(text == null ? "" : text.strip());
      LocalDate today = CityTime.today(clock);
      if (date.isAfter(today) || Period.between(date, today).getYears() >= 18) {
        errors.add(messages.userError("NOT_A_CHILD", "childBirthDate", locale));
      }
      return date;
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("BIRTH_DATE_INVALID", "childBirthDate", locale));
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
