package org.onedoor.backend.safety;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.CaseFileId;
import org.onedoor.backend.casefiles.CaseFiles;
import org.onedoor.backend.casefiles.FieldGroup;
import org.onedoor.backend.casefiles.Guardian;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.intake.IntakeEvent;
import org.onedoor.backend.intake.Intakes;
import org.onedoor.backend.needs.NeedBoard;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.events.DomainEvents;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.platform.lease.Leases;
import org.onedoor.backend.registry.Shelters;
import org.onedoor.backend.safety.SafetyInputs.RecordSafetyStepInput;
import org.onedoor.schema.RoleNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The safety chain: opened for every mandatory report and emergency application (from the one door's event, and
 * caught up from the one door itself should the event be lost), recorded step by step in order by the departments
 * with a part and the township, each step due by a deadline that escalates once when missed. An assessment sets the
 * child's risk tier on the file (the supervisor's visit schedule follows) and drafts the needs it names. Who may
 * see a chain: civil affairs; the departments with a part; the township's staff; the village's supervisor (reading
 * only). Anyone else asking for one is FORBIDDEN, exactly as for a chain that does not exist.
 */
@Service
public class SafetyCases {

  private static final Logger log = LoggerFactory.getLogger(SafetyCases.class);
  static final String LEASE = "safety-escalation";
  /** The chain's own small state: from when its catch-up looks for reports. */
  static final String STATE = "safety_state";
  private static final String CATCH_UP_FROM = "catch-up-from";
  private static final int MAX_TEXT = 2000;
  private static final int MAX_SHORT = 100;
  /** Interventions may repeat; a chain's record stays a readable size. */
  private static final int MAX_STEPS = 50;
  /** A phone's clock may run a little ahead: a step a few minutes "in the future" is still today's. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final MongoTemplate mongo;
  private final CaseFiles files;
  private final NeedBoard needs;
  private final Shelters registers;
  private final Intakes intakes;
  private final Messages messages;
  private final Clock clock;
  private final DomainEvents events;
  private final Leases leases;
  private final SafetySettings settings;
  private final String instance = UUID.randomUUID().toString();

  SafetyCases(MongoTemplate mongo, CaseFiles files, NeedBoard needs, Shelters registers, Intakes intakes,
      Messages messages, Clock clock, DomainEvents events, Leases leases, SafetySettings settings) {
    this.mongo = mongo;
    this.files = files;
    this.needs = needs;
    this.registers = registers;
    this.intakes = intakes;
    this.messages = messages;
    this.clock = clock;
    this.events = events;
    this.leases = leases;
    this.settings = settings;
  }

  /** A report came in: its chain opens, the child to be seen first. */
  @EventListener
  void reported(IntakeEvent.SafetyReported report) {
    open(report);
  }

  /** Opens the chain of a report, once (a second opening of the same report changes nothing). */
  boolean open(IntakeEvent.SafetyReported report) {
    SafetyCase chain = new SafetyCase(UUID.randomUUID().toString(), 1, report.intakeId(), report.receiptCode(),
        report.townshipId(), report.villageId(), report.caseFileId(), report.immediateDanger(), report.lead(),
        report.departments(), report.receivedAt(), SafetyStep.CHILD_SEEN,
        report.receivedAt().plus(settings.after(null, report.immediateDanger())), null, false, List.of(), null,
        false, List.of());
    try {
      mongo.insert(chain);
    } catch (DuplicateKeyException alreadyOpen) {
      return false;
    }
    announce(chain);
    return true;
  }

  /** Tells the township and the village of a chain, once; retried by the next run when telling them failed. */
  private void announce(SafetyCase chain) {
    if (events.publish(new SafetyEvent.ChainOpened(chain.receiptCode(), chain.townshipId(), chain.villageId(),
        chain.immediateDanger()))) {
      mongo.updateFirst(query(where("_id").is(chain.id())), new Update().set("announcedAt", clock.instant()),
          SafetyCase.class);
    }
  }

  /** Records, once, when this installation first started with the safety chain. */
  @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void started() {
    mongo.upsert(query(where("_id").is(CATCH_UP_FROM)),
        new Update().setOnInsert("at", java.util.Date.from(clock.instant())), STATE);
  }

  /** Every minute (by default): open any chain whose event was lost, and escalate overdue steps, on one instance. */
  @Scheduled(fixedDelayString = "${onedoor.safety.check-interval:PT1M}",
      initialDelayString = "${onedoor.safety.check-interval:PT1M}")
  void scheduled() {
    run(instance, clock.instant());
  }

  /**
   * One run as an instance at a moment: takes the lease (or does nothing), opens missing chains and escalates every
   * step overdue then, each once.
   *
   * @return how many steps this run escalated
   */
  int run(String owner, Instant now) {
    if (!leases.acquire(LEASE, owner, now, Duration.ofMinutes(5))) {
      return 0;
    }
    try {
      return runHolding(now);
    } finally {
      try {
        leases.release(LEASE, owner);
      } catch (RuntimeException releaseFailed) {
        log.warn("Releasing the safety lease failed: {}", releaseFailed.getClass().getSimpleName());
      }
    }
  }

  private int runHolding(Instant now) {
    // Reports from before the chain existed in this installation are not its to open: the catch-up looks back no
    // further than the first start with it (recorded once), so a first start does not open and escalate last
    // week's reports.
    started();
    org.bson.Document from = mongo.findById(CATCH_UP_FROM, org.bson.Document.class, STATE);
    Instant firstRun = from == null || from.getDate("at") == null ? now : from.getDate("at").toInstant();
    Instant since = now.minus(settings.catchUp());
    List<IntakeEvent.SafetyReported> recent = intakes.safetyReportsSince(since.isBefore(firstRun) ? firstRun : since);
    if (!recent.isEmpty()) {
      Query known = query(where("intakeId").in(recent.stream().map(IntakeEvent.SafetyReported::intakeId).toList()));
      known.fields().include("intakeId");
      Set<String> opened = new HashSet<>();
      mongo.find(known, org.bson.Document.class, "safety_cases").forEach(d -> opened.add(d.getString("intakeId")));
      long caught = recent.stream().filter(r -> !opened.contains(r.intakeId())).filter(this::open).count();
      if (caught > 0) {
        log.warn("Opened {} safety chain(s) whose report event had been lost", caught);
      }
    }
    for (SafetyCase unannounced : mongo.find(query(where("announcedAt").is(null).and("closed").is(false)),
        SafetyCase.class)) {
      announce(unannounced);
    }
    for (SafetyCase pending : mongo.find(query(where("assessmentPending").is(true)), SafetyCase.class)) {
      try {
        assessed(pending, currentFile(pending), Locale.SIMPLIFIED_CHINESE);
      } catch (RuntimeException failed) {
        log.warn("Applying an assessment's effects failed again ({})", failed.getClass().getSimpleName());
      }
    }
    int escalated = 0;
    for (SafetyCase chain : mongo.find(query(where("closed").is(false).and("dueAt").lt(now)
        .and("escalatedAt").is(null)), SafetyCase.class)) {
      boolean mine = mongo.updateFirst(query(where("_id").is(chain.id()).and("version").is(chain.version())
          .and("escalatedAt").is(null)), new Update().set("escalatedAt", now), SafetyCase.class)
          .getModifiedCount() == 1;
      if (mine) {
        if (events.publish(new SafetyEvent.StepOverdue(chain.receiptCode(), chain.nextStep(), chain.lead(),
            chain.townshipId()))) {
          escalated++;
        } else {
          // No one was told: the step escalates again on the next run.
          mongo.updateFirst(query(where("_id").is(chain.id()).and("escalatedAt").is(now)),
              new Update().unset("escalatedAt"), SafetyCase.class);
        }
      }
    }
    if (escalated > 0) {
      log.info("Escalated {} overdue safety step(s)", escalated);
    }
    return escalated;
  }

  /** Staff with a part: one chain; FORBIDDEN out of scope or when there is none. Reading it reads the file. */
  @PreAuthorize(Roles.SAFETY_READERS)
  public SafetyCase byId(String id) {
    Caller caller = Caller.current().orElseThrow();
    SafetyCase chain = id == null ? null : mongo.findById(id, SafetyCase.class);
    if (chain == null || !reads(caller, chain)) {
      throw new AccessDeniedException("no such chain in scope");
    }
    String fileId = currentFile(chain);
    if (fileId != null) {
      files.readForRemit(new CaseFileId(fileId), EnumSet.of(FieldGroup.RECORD, FieldGroup.CIRCUMSTANCES));
    }
    return chain;
  }

  /** Staff with a part: the open chains in scope, the soonest due first (the overdue ones on top); keyset paged. */
  @PreAuthorize(Roles.SAFETY_READERS)
  public Connection<SafetyCase> open(SafetyInputs.SafetyCaseFilter filter, PageSize size, String after) {
    Caller caller = Caller.current().orElseThrow();
    // Each condition its own criterion, joined with $and: the scope's and the cursor's $or never collide.
    List<Criteria> all = new ArrayList<>(List.of(where("closed").is(false), scope(caller)));
    if (filter != null && filter.townshipId() != null) {
      all.add(where("townshipId").is(filter.townshipId()));
    }
    if (filter != null && filter.receiptCode() != null && !filter.receiptCode().isBlank()) {
      all.add(where("receiptCode").is(filter.receiptCode().strip().toUpperCase(Locale.ROOT)));
    }
    if (filter != null && Boolean.TRUE.equals(filter.overdueOnly())) {
      all.add(where("dueAt").lt(clock.instant()));
    }
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 2);
      Instant due = Cursors.instant(key[0]);
      all.add(new Criteria().orOperator(where("dueAt").gt(due), where("dueAt").is(due).and("_id").gt(key[1])));
    }
    Query query = new Query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
        .with(Sort.by("dueAt", "_id")).limit(size.value() + 1);
    List<SafetyCase> found = mongo.find(query, SafetyCase.class);
    logReads(found.stream().limit(size.value()).toList());
    return Connection.of(found, size, c -> Cursors.encode(c.dueAt().toEpochMilli(), c.id()), c -> c);
  }

  /** A list of chains hands out their steps: a read of each attached file's circumstances, logged. */
  private void logReads(Collection<SafetyCase> chains) {
    files.logReadsForRemit(chains.stream().map(SafetyCase::caseFileId).filter(java.util.Objects::nonNull)
        .distinct().toList(), EnumSet.of(FieldGroup.RECORD, FieldGroup.CIRCUMSTANCES));
  }

  /**
   * The chains of files the caller has read (and was allowed to), oldest first, in one query: the file's timeline.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, List<SafetyCase>> ofFiles(Collection<String> fileIds) {
    Map<String, List<SafetyCase>> chains = new LinkedHashMap<>();
    fileIds.forEach(id -> chains.put(id, new ArrayList<>()));
    mongo.find(query(where("caseFileId").in(fileIds)).with(Sort.by("reportedAt")), SafetyCase.class)
        .forEach(c -> chains.get(c.caseFileId()).add(c));
    return chains;
  }

  /** The chains of intakes the caller reads (and has a part in), by intake id, in one query. */
  @PreAuthorize(Roles.INTAKE_READERS)
  public Map<String, SafetyCase> ofIntakes(Collection<String> intakeIds) {
    Caller caller = Caller.current().orElseThrow();
    Map<String, SafetyCase> chains = new LinkedHashMap<>();
    mongo.find(new Query(new Criteria().andOperator(where("intakeId").in(intakeIds), scope(caller))),
        SafetyCase.class).forEach(c -> chains.put(c.intakeId(), c));
    logReads(chains.values());
    return chains;
  }

  /** Whether a chain's next step is overdue now. */
  boolean overdue(SafetyCase chain) {
    return !chain.closed() && chain.dueAt() != null && chain.dueAt().isBefore(clock.instant());
  }

  /**
   * The places where the chain's child can be kept safe at once: the relatives on the child's file (a read of the
   * file's guardians, logged), the township's caring families that foster or give entrusted care, and the city's
   * welfare and rescue institutions.
   */
  @PreAuthorize(Roles.SAFETY_READERS)
  public List<PlaceChoice> placeChoices(SafetyCase chain) {
    Caller caller = Caller.current().orElseThrow();
    if (!responds(caller, chain)) {
      return List.of();
    }
    return places(chain);
  }

  private List<PlaceChoice> places(SafetyCase chain) {
    List<PlaceChoice> places = new ArrayList<>();
    String fileId = currentFile(chain);
    if (fileId != null) {
      CaseFile file = files.readForRemit(new CaseFileId(fileId), EnumSet.of(FieldGroup.IDENTITY));
      if (file != null && file.guardianship() != null) {
        List<Guardian> guardians = file.guardianship().guardians();
        for (Guardian guardian : guardians) {
          // Named by who they are, not where they stand in the list: an edit of the guardians meanwhile never
          // places the child with someone else.
          places.add(new PlaceChoice("relative:" + relativeKey(guardian), PlacementKind.RELATIVE, guardian.name(),
              guardian.relationship()));
        }
      }
    }
    registers.shelterPlaces(chain.townshipId()).forEach(p -> places.add(switch (p.kind()) {
      case CARING_FAMILY -> new PlaceChoice("family:" + p.id(), PlacementKind.CARING_FAMILY, p.name(), null);
      case INSTITUTION -> new PlaceChoice("institution:" + p.id(), PlacementKind.INSTITUTION, p.name(), null);
    }));
    return places;
  }

  private static String relativeKey(Guardian guardian) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest((guardian.name() + "|"
          + guardian.relationship()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The steps that may be recorded next. */
  static Set<SafetyStep> allowedNext(SafetyCase chain) {
    if (chain.closed()) {
      return Set.of();
    }
    SafetyStep last = chain.lastStep();
    if (last == null) {
      return Set.of(SafetyStep.CHILD_SEEN);
    }
    return switch (last) {
      case CHILD_SEEN -> Set.of(SafetyStep.IMMEDIATE_SAFETY);
      case IMMEDIATE_SAFETY -> Set.of(SafetyStep.ASSESSMENT);
      case ASSESSMENT, INTERVENTION -> Set.of(SafetyStep.INTERVENTION, SafetyStep.CLOSURE);
      case CLOSURE -> Set.of();
    };
  }

  /**
   * Records a step in order, on the version read: one conditional update, so of two recorders of the same step one
   * succeeds and the other is told to look again. Every invalid field is reported and nothing is stored unless all
   * are valid. An assessment then sets the file's risk tier and drafts the needs it names.
   */
  @PreAuthorize(Roles.SAFETY_RESPONDERS)
  public SafetyPayload record(RecordSafetyStepInput input, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    SafetyCase current = input.caseId() == null ? null : mongo.findById(input.caseId(), SafetyCase.class);
    if (current == null || !responds(caller, current)) {
      throw new AccessDeniedException("no such chain in scope");
    }
    List<UserError> errors = new ArrayList<>();
    Set<SafetyStep> allowed = allowedNext(current);
    if (input.step() == null) {
      errors.add(messages.userError("STEP_REQUIRED", "step", locale));
    } else if (current.steps().size() >= MAX_STEPS) {
      errors.add(messages.userError("CHAIN_FULL", "step", locale, MAX_STEPS));
    } else if (current.closed()) {
      errors.add(messages.userError("CHAIN_CLOSED", "step", locale));
    } else if (!allowed.contains(input.step())) {
      errors.add(messages.userError("STEP_OUT_OF_ORDER", "step", locale,
          allowed.stream().sorted().map(s -> messages.label(s, locale))
              .collect(java.util.stream.Collectors.joining(messages.get("list.or", locale)))));
    }
    Instant occurredAt = occurredAt(input.occurredAt(), current, errors, locale);
    Instant now = clock.instant();
    Department department = caller.roles().contains(RoleNames.DEPARTMENT_STAFF) ? caller.department()
        : caller.roles().contains(RoleNames.CIVIL_AFFAIRS) ? Department.CIVIL_AFFAIRS : null;
    String fileId = currentFile(current);
    // Every invalid field is reported at once: the step's own fields too, whatever else was wrong.
    StepRecord record = input.step() == null || current.closed() ? null
        : step(input, current, fileId, occurredAt, now, caller, department, errors, locale);
    if (!errors.isEmpty()) {
      return SafetyPayload.refused(errors);
    }
    if (input.expectedVersion() == null || input.expectedVersion() != current.version()) {
      return SafetyPayload.refused(List.of(messages.userError("STALE_SAFETY_CHAIN", "expectedVersion", locale)));
    }
    boolean closing = record.step() == SafetyStep.CLOSURE;
    SafetyStep next = switch (record.step()) {
      case CHILD_SEEN -> SafetyStep.IMMEDIATE_SAFETY;
      case IMMEDIATE_SAFETY -> SafetyStep.ASSESSMENT;
      case ASSESSMENT, INTERVENTION -> SafetyStep.CLOSURE;
      case CLOSURE -> null;
    };
    // Where the policy names them, more departments take part: the justice bureau for legal aid, the court and the
    // procuratorate for an application to revoke the guardianship.
    List<Department> joining = new ArrayList<>();
    if (record instanceof StepRecord.SafetyAssessment a && a.needsOpened().contains(NeedCategory.LEGAL_AID)) {
      joining.add(Department.JUDICIARY);
    }
    if (record instanceof StepRecord.GuardianshipIntervention i
        && i.measures().contains(InterventionMeasure.COURT_REVOCATION)) {
      joining.addAll(List.of(Department.COURT, Department.PROCURATORATE));
    }
    joining.removeAll(current.departments());
    Update update = new Update().push("steps", record).inc("version", 1).set("nextStep", next)
        .set("dueAt", closing ? null : occurredAt.plus(settings.after(record.step(), current.immediateDanger())))
        .set("escalatedAt", null).set("closed", closing).set("caseFileId", fileId);
    if (!joining.isEmpty()) {
      update.addToSet("departments").each(joining.toArray());
    }
    if (record instanceof StepRecord.SafetyAssessment) {
      // Its effects on the file follow; until they are all applied the chain says so, and a run finishes them.
      update.set("assessmentPending", true).set("needsDrafted", List.of());
    }
    SafetyCase updated = mongo.findAndModify(query(where("_id").is(current.id()).and("version")
        .is(current.version())), update, FindAndModifyOptions.options().returnNew(true), SafetyCase.class);
    if (updated == null) {
      return SafetyPayload.refused(List.of(messages.userError("STALE_SAFETY_CHAIN", "expectedVersion", locale)));
    }
    if (!joining.isEmpty()) {
      events.publish(new SafetyEvent.DepartmentsJoined(updated.receiptCode(), joining, record.step()));
    }
    if (record instanceof StepRecord.SafetyAssessment) {
      try {
        updated = assessed(updated, fileId, locale);
      } catch (RuntimeException failed) {
        // The step stands; the next run applies what is left of its effects.
        log.warn("Applying an assessment's effects failed ({}); the next run finishes them",
            failed.getClass().getSimpleName());
      }
    }
    return SafetyPayload.success(updated);
  }

  /**
   * The last assessment's effects on the file, each applied once however often this runs: the risk tier (and the
   * visit schedule, the supervisor told), then each need not yet drafted, each noted on the chain as it is drafted.
   */
  private SafetyCase assessed(SafetyCase chain, String fileId, Locale locale) {
    StepRecord.SafetyAssessment assessment = chain.steps().stream()
        .filter(StepRecord.SafetyAssessment.class::isInstance).map(StepRecord.SafetyAssessment.class::cast)
        .reduce((first, second) -> second).orElse(null);
    if (assessment == null || fileId == null) {
      return chain;
    }
    CaseFile file = files.recordAssessment(new CaseFileId(fileId), assessment.riskTier(), assessment.capability(),
        assessment.recordedBy(), assessment.recordedByName());
    for (NeedCategory category : assessment.needsOpened()) {
      if (chain.needsDrafted().contains(category)) {
        continue;
      }
      needs.draftForFile(fileId, category, messages.get("safety.need.title", locale, messages.label(category, locale)),
          messages.get("safety.need.description", locale));
      mongo.updateFirst(query(where("_id").is(chain.id())), new Update().addToSet("needsDrafted", category),
          SafetyCase.class);
    }
    SafetyCase done = mongo.findAndModify(query(where("_id").is(chain.id())),
        new Update().set("assessmentPending", false), FindAndModifyOptions.options().returnNew(true),
        SafetyCase.class);
    if (file != null) {
      events.publish(new SafetyEvent.VisitScheduleSet(chain.receiptCode(), file.supervisorId(), file.villageId(),
          assessment.riskTier(), file.nextVisitDue() == null ? null : file.nextVisitDue().toString()));
    }
    return done == null ? chain : done;
  }

  /** When the step happened: a minute of the city's time, not in the future, not before the step before it. */
  private Instant occurredAt(String raw, SafetyCase chain, List<UserError> errors, Locale locale) {
    Instant at;
    try {
      at = LocalDateTime.parse(raw == null ? "" : raw.strip()).atZone(CityTime.ZONE).toInstant();
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("DATE_TIME_INVALID", "occurredAt", locale));
      return null;
    }
    if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      errors.add(messages.userError("DATE_IN_FUTURE", "occurredAt", locale));
    }
    Instant previous = chain.steps().isEmpty() ? chain.reportedAt().truncatedTo(ChronoUnit.MINUTES)
        : chain.steps().getLast().occurredAt();
    if (at.isBefore(previous)) {
      errors.add(messages.userError(chain.steps().isEmpty() ? "DATE_BEFORE_REPORT" : "DATE_BEFORE_PREVIOUS_STEP",
          "occurredAt", locale));
    }
    return at;
  }

  /** The step's record from its sub-input, each missing or invalid field refused. */
  private StepRecord step(RecordSafetyStepInput input, SafetyCase chain, String fileId, Instant at, Instant now,
      Caller caller, Department department, List<UserError> errors, Locale locale) {
    String by = caller.subject();
    String name = caller.displayName() == null ? caller.subject() : caller.displayName();
    switch (input.step()) {
      case CHILD_SEEN -> {
        var seen = input.childSeen();
        String seenBy = required(seen == null ? null : seen.seenBy(), MAX_SHORT, "childSeen.seenBy",
            "SEEN_BY_REQUIRED", errors, locale);
        String note = optional(seen == null ? null : seen.note(), "childSeen.note", errors, locale);
        return new StepRecord.ChildSeen(at, now, by, name, department, seenBy, note);
      }
      case IMMEDIATE_SAFETY -> {
        var safety = input.immediateSafety();
        PlacementKind placement = safety == null ? null : safety.placement();
        String note = optional(safety == null ? null : safety.note(), "immediateSafety.note", errors, locale);
        if (placement == null) {
          errors.add(messages.userError("PLACEMENT_REQUIRED", "immediateSafety.placement", locale));
          return null;
        }
        if (placement == PlacementKind.SAFE_AT_HOME) {
          return new StepRecord.ImmediateSafety(at, now, by, name, department, placement, null, null, note);
        }
        PlaceChoice place = places(chain).stream()
            .filter(p -> p.kind() == placement && p.id().equals(safety.placeId())).findFirst().orElse(null);
        if (place == null) {
          errors.add(messages.userError("PLACE_NOT_IN_REGISTER", "immediateSafety.placeId", locale));
          return null;
        }
        return new StepRecord.ImmediateSafety(at, now, by, name, department, placement, place.id(),
            place.name() + (place.detail() == null ? "" : "（" + place.detail() + "）"), note);
      }
      case ASSESSMENT -> {
        var assessment = input.assessment();
        if (fileId == null) {
          errors.add(messages.userError("FILE_REQUIRED", "assessment", locale));
        }
        if (assessment == null || assessment.capability() == null) {
          errors.add(messages.userError("CAPABILITY_REQUIRED", "assessment.capability", locale));
        }
        String risks = required(assessment == null ? null : assessment.risks(), MAX_TEXT, "assessment.risks",
            "RISKS_REQUIRED", errors, locale);
        Integer tier = assessment == null ? null : assessment.riskTier();
        if (tier == null || tier < 1 || tier > 4) {
          errors.add(messages.userError("RISK_TIER_INVALID", "assessment.riskTier", locale));
        }
        if (!errors.isEmpty()) {
          return null;
        }
        return new StepRecord.SafetyAssessment(at, now, by, name, department, assessment.capability(), risks, tier,
            assessment.needsToOpen() == null ? List.of() : assessment.needsToOpen().stream().distinct().toList());
      }
      case INTERVENTION -> {
        var intervention = input.intervention();
        List<InterventionMeasure> measures = intervention == null || intervention.measures() == null ? List.of()
            : intervention.measures().stream().distinct().toList();
        if (measures.isEmpty()) {
          errors.add(messages.userError("MEASURES_REQUIRED", "intervention.measures", locale));
        }
        String reference = intervention == null || intervention.documentRef() == null
            || intervention.documentRef().isBlank() ? null : intervention.documentRef().strip();
        if (reference == null && measures.stream().anyMatch(InterventionMeasure::needsDocument)) {
          errors.add(messages.userError("DOCUMENT_REF_REQUIRED", "intervention.documentRef", locale));
        } else if (reference != null && reference.length() > MAX_SHORT) {
          errors.add(messages.userError("TEXT_TOO_LONG", "intervention.documentRef", locale, MAX_SHORT));
        }
        String note = optional(intervention == null ? null : intervention.note(), "intervention.note", errors,
            locale);
        return new StepRecord.GuardianshipIntervention(at, now, by, name, department, measures,
            at.atZone(CityTime.ZONE).toLocalDate(), reference, note);
      }
      case CLOSURE -> {
        String review = required(input.closure() == null ? null : input.closure().review(), MAX_TEXT,
            "closure.review", "REVIEW_REQUIRED", errors, locale);
        return new StepRecord.SafetyClosure(at, now, by, name, department, review);
      }
      default -> throw new IllegalStateException();
    }
  }

  private String required(String value, int max, String field, String code, List<UserError> errors, Locale locale) {
    if (value == null || value.isBlank()) {
      errors.add(messages.userError(code, field, locale));
      return null;
    }
    if (value.strip().length() > max) {
      errors.add(messages.userError("TEXT_TOO_LONG", field, locale, max));
      return null;
    }
    return value.strip();
  }

  private String optional(String value, String field, List<UserError> errors, Locale locale) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > MAX_TEXT) {
      errors.add(messages.userError("TEXT_TOO_LONG", field, locale, MAX_TEXT));
      return null;
    }
    return value.strip();
  }

  /** The child's file: the chain's, or the one the one door attached the report to since. */
  private String currentFile(SafetyCase chain) {
    return chain.caseFileId() != null ? chain.caseFileId() : intakes.caseFileOf(chain.intakeId()).orElse(null);
  }

  /** Who may read a chain. */
  static boolean reads(Caller caller, SafetyCase chain) {
    return responds(caller, chain) || caller.roles().contains(RoleNames.SUPERVISOR) && chain.villageId() != null
        && chain.villageId().equals(caller.villageId());
  }

  /** Who may record on a chain. */
  static boolean responds(Caller caller, SafetyCase chain) {
    if (caller.roles().contains(RoleNames.CIVIL_AFFAIRS)) {
      return true;
    }
    if (caller.roles().contains(RoleNames.DEPARTMENT_STAFF) && caller.department() != null
        && chain.departments().contains(caller.department())) {
      return true;
    }
    return caller.roles().contains(RoleNames.TOWNSHIP_STAFF) && caller.townshipId() != null
        && caller.townshipId().equals(chain.townshipId());
  }

  /** The chains a caller may read, as a query criterion. */
  static Criteria scope(Caller caller) {
    if (caller.roles().contains(RoleNames.CIVIL_AFFAIRS)) {
      return new Criteria();
    }
    List<Criteria> any = new ArrayList<>();
    if (caller.roles().contains(RoleNames.DEPARTMENT_STAFF) && caller.department() != null) {
      any.add(where("departments").is(caller.department()));
    }
    if (caller.roles().contains(RoleNames.TOWNSHIP_STAFF) && caller.townshipId() != null) {
      any.add(where("townshipId").is(caller.townshipId()));
    }
    if (caller.roles().contains(RoleNames.SUPERVISOR) && caller.villageId() != null) {
      any.add(where("villageId").is(caller.villageId()));
    }
    return any.isEmpty() ? where("_id").is("-") : new Criteria().orOperator(any.toArray(Criteria[]::new));
  }

  /**
   * The result of recordSafetyStep.
   *
   * @param safetyCase the chain after the step; null when refused
   * @param errors the refusals, field by field; empty on success
   */
  record SafetyPayload(SafetyCase safetyCase, List<UserError> errors) {

    static SafetyPayload success(SafetyCase chain) {
      return new SafetyPayload(chain, List.of());
    }

    static SafetyPayload refused(List<UserError> errors) {
      return new SafetyPayload(null, List.copyOf(errors));
    }
  }
}
