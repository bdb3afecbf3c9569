package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.identity.Accounts;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Children's files: opened, read and changed by staff within their scope ({@link FileScope}). Reads are audited in
 * the {@link FileAccessLog}; changes are made against an expected version with one atomic conditional update
 * (a stale edit is refused, concurrent editors never lose each other's changes silently) and leave a history entry.
 * Refusals and errors never carry file content.
 */
@Service
public class CaseFiles {

  static final String HISTORY = "case_file_history";

  private final MongoTemplate mongo;
  private final Accounts accounts;
  private final Geography geography;
  private final FileAccessLog accessLog;
  private final Messages messages;
  private final Clock clock;
  private final VisitSettings visits;

  CaseFiles(MongoTemplate mongo, Accounts accounts, Geography geography, FileAccessLog accessLog, Messages messages,
      Clock clock, VisitSettings visits) {
    this.mongo = mongo;
    this.accounts = accounts;
    this.geography = geography;
    this.accessLog = accessLog;
    this.messages = messages;
    this.clock = clock;
    this.visits = visits;
  }

  /**
   * Reads a file for the caller, logging the read. Out of scope, or not there for a caller who is not city-wide:
   * FORBIDDEN either way, so the answer reveals nothing about other villages' children.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public CaseFile read(CaseFileId fileId, Set<FieldGroup> groups) {
    String id = fileId == null ? null : fileId.value();
    Caller caller = caller();
    // A file reduced by the retention rules (or erased on a guardian's request) is not there for anyone.
    CaseFile file = id == null ? null : mongo.findOne(query(where("_id").is(id).and("reducedAt").is(null)),
        CaseFile.class);
    boolean granted = file != null ? FileScope.covers(caller, file.townshipId(), file.villageId())
        : FileScope.cityWide(caller);
    accessLog.record(caller, id, groups, granted && file != null);
    if (!granted) {
      throw new AccessDeniedException("file out of scope");
    }
    return file;
  }

  /**
   * For other features whose own rules gave the caller a part in this child's case (safety, the departments'
   * remits): reads a file for the caller, logging the read with its field groups, whatever the caller's file scope.
   * The calling feature authorizes, and hands on only the fields its work needs. Null when there is no such file.
   */
  public CaseFile readForRemit(CaseFileId fileId, Set<FieldGroup> groups) {
    Caller caller = caller();
    CaseFile file = fileId == null ? null : mongo.findOne(query(where("_id").is(fileId.value())
        .and("reducedAt").is(null)), CaseFile.class);
    accessLog.record(caller, fileId == null ? null : fileId.value(), groups, file != null);
    return file;
  }

  /**
   * For other features whose own rules gave the caller a part (safety): logs reads of these files' field groups,
   * when what they hand out comes from the files without reading them here.
   */
  public void logReadsForRemit(java.util.Collection<String> fileIds, Set<FieldGroup> groups) {
    accessLog.recordAll(caller(), List.copyOf(fileIds), groups);
  }

  /**
   * For other features (safety): records the outcome of an assessment on the file — the risk tier (which sets the
   * home-visit schedule) and the guardians' capability (when the file has a guardianship section) — as a change by
   * the assessor in the file's history (also when a later run finishes what a failure interrupted), on whatever version the file is at (retried if another change slipped in).
   * The calling feature authorizes. Returns the file after the change, or null when there is no such file.
   */
  public CaseFile recordAssessment(CaseFileId fileId, int riskTier, GuardianCapability capability,
      String assessorSubject, String assessorName) {
    Caller caller = new Caller(assessorSubject, assessorName, List.of(), null, null, null);
    for (int attempt = 0; attempt < 5; attempt++) {
      CaseFile current = mongo.findById(fileId.value(), CaseFile.class);
      if (current == null) {
        return null;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("riskTier", riskTier);
      if (current.guardianship() != null && capability != null) {
        values.put("guardianship", new Guardianship(current.guardianship().parents(),
            current.guardianship().guardians(), capability));
      }
      Map<String, String> changes = changes(current, values);
      if (changes.isEmpty()) {
        return current;
      }
      Instant now = clock.instant();
      Update update = new Update().inc("version", 1).set("updatedAt", now);
      changes.keySet().forEach(field -> update.set(field, values.get(field)));
      update.set("nextVisitDue", nextVisitDue(current.lastVisitOn(), current.createdAt(), riskTier));
      CaseFile updated = mongo.findAndModify(query(where("_id").is(current.id()).and("version").is(current.version())),
          update, FindAndModifyOptions.options().returnNew(true), CaseFile.class);
      if (updated != null) {
        Map<String, String> entry = new LinkedHashMap<>(changes);
        entry.put("assessed", "true");
        history(caller, updated.id(), updated.version(), now, entry);
        return updated;
      }
    }
    throw new IllegalStateException("file kept changing while an assessment was recorded");
  }

  /**
   * A department's outcome on a file it read as it is ({@link Remits}): the change, on that version, as a change by
   * the caller in the file's history. False when the file changed meanwhile (nothing is stored).
   */
  boolean recordRemitOutcome(CaseFile file, Map<String, Object> values) {
    Caller caller = caller();
    Map<String, String> changes = changes(file, values);
    if (changes.isEmpty()) {
      return true;
    }
    Instant now = clock.instant();
    Update update = new Update().inc("version", 1).set("updatedAt", now);
    changes.keySet().forEach(field -> update.set(field, values.get(field)));
    CaseFile updated = mongo.findAndModify(query(where("_id").is(file.id()).and("version").is(file.version())),
        update, FindAndModifyOptions.options().returnNew(true), CaseFile.class);
    if (updated == null) {
      return false;
    }
    history(caller, updated.id(), updated.version(), now, changes);
    return true;
  }

  /**
   * The names of the children of these files that lie in the caller's scope, in one query, each a logged read of
   * the file's identity (for the caseworker who hands help over to the child). Files out of scope are absent.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, String> namesInScope(java.util.Collection<String> fileIds) {
    Caller caller = caller();
    Map<String, String> names = new LinkedHashMap<>();
    if (fileIds.isEmpty()) {
      return names;
    }
    var inScope = query(where("_id").in(fileIds)).addCriteria(scope(caller));
    inScope.fields().include("name");
    mongo.find(inScope, ChildName.class, mongo.getCollectionName(CaseFile.class))
        .forEach(d -> names.put(d.id(), d.name()));
    accessLog.recordAll(caller, List.copyOf(names.keySet()), EnumSet.of(FieldGroup.IDENTITY));
    return names;
  }

  /** A file's id and child's name alone, decrypted as the file's own name is. */
  record ChildName(@org.springframework.data.annotation.Id String id,
      @org.springframework.data.mongodb.core.mapping.ExplicitEncrypted(
          algorithm = org.onedoor.backend.platform.crypto.PersonalData.FINDABLE) String name) {
  }

  /** The files a caller may keep, as a query criterion (see {@link FileScope}). */
  static org.springframework.data.mongodb.core.query.Criteria scope(Caller caller) {
    // A file reduced by the retention rules (a grown-up child's) is in no one's scope any more.
    if (FileScope.cityWide(caller)) {
      return where("reducedAt").is(null);
    }
    return caller.roles().contains(RoleNames.TOWNSHIP_STAFF) && caller.townshipId() != null
        ? where("townshipId").is(caller.townshipId()).and("reducedAt").is(null)
        : where("villageId").is(caller.villageId() == null ? "-" : caller.villageId()).and("reducedAt").is(null);
  }

  /**
   * The history of several files, newest first, in one query, with who made each change by name in one more (the
   * files were read, and audited, by the caller).
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, List<FileChange>> historyOf(java.util.Collection<String> fileIds) {
    return historyOf(fileIds, 0);
  }

  private Map<String, List<FileChange>> historyOf(java.util.Collection<String> fileIds, long afterVersion) {
    Map<String, List<FileChange>> history = new LinkedHashMap<>();
    fileIds.forEach(id -> history.put(id, new ArrayList<>()));
    var query = query(where("fileId").in(fileIds).and("version").gt(afterVersion))
        .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "version",
            "at"));
    List<Document> entries = mongo.find(query, Document.class, HISTORY);
    // Entries written before the name was kept with them are named from the accounts.
    Map<String, String> names = accounts.displayNames(entries.stream().filter(e -> e.getString("actorName") == null)
        .map(e -> e.getString("actor")).filter(Objects::nonNull).distinct().toList());
    for (Document entry : entries) {
      Document changes = entry.get("changes", Document.class);
      String actor = entry.getString("actor");
      history.get(entry.getString("fileId")).add(new FileChange(((Number) entry.get("version")).longValue(),
          entry.getDate("at").toInstant(), actor,
          entry.getString("actorName") != null ? entry.getString("actorName")
              : names.get(actor) != null ? names.get(actor) : actor,
          changes.entrySet().stream().map(c -> new FileChange.FieldChange(c.getKey(), String.valueOf(c.getValue())))
              .toList()));
    }
    return history;
  }

  /**
   * The supervisors who may be put in charge of the files' children, by file: the enabled supervisor accounts of
   * each file's village, id and name only, in one query.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, List<Supervisor>> supervisorChoices(java.util.Collection<CaseFile> caseFiles) {
    Map<String, List<Supervisor>> byVillage = new LinkedHashMap<>();
    accounts.supervisorsOf(caseFiles.stream().map(CaseFile::villageId).filter(Objects::nonNull).distinct().toList())
        .forEach((village, supervisors) -> byVillage.put(village, supervisors.entrySet().stream()
            .map(s -> new Supervisor(s.getKey(), s.getValue())).toList()));
    Map<String, List<Supervisor>> choices = new LinkedHashMap<>();
    caseFiles.forEach(f -> choices.put(f.id(), byVillage.getOrDefault(f.villageId(), List.of())));
    return choices;
  }

  /** Supervisors by account id, in one query: only their id and display name. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, Supervisor> supervisorsById(java.util.Collection<String> ids) {
    Map<String, Supervisor> supervisors = new LinkedHashMap<>();
    accounts.displayNames(ids).forEach((id, name) -> supervisors.put(id, new Supervisor(id, name)));
    return supervisors;
  }

  /** Opens a file; every invalid field is reported, and nothing is stored unless all are valid. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public CaseFilePayload create(CreateCaseFileInput input, Locale locale) {
    Caller caller = caller();
    List<UserError> errors = new ArrayList<>();
    FileChecks checks = new FileChecks(messages, locale, errors);
    String name = checks.name(input.name());
    LocalDate birthDate = checks.birthDate(input.birthDate(), today());
    String nationalId = checks.nationalId(input.nationalId(), birthDate);
    if (input.townshipId() == null || input.villageId() == null
        || !geography.villageInTownship(input.villageId(), input.townshipId())) {
      errors.add(messages.userError("VILLAGE_NOT_IN_TOWNSHIP", "villageId", locale));
    } else if (!FileScope.covers(caller, input.townshipId(), input.villageId())) {
      errors.add(messages.userError("OUT_OF_SCOPE", "villageId", locale));
    }
    checks.causes(input.causes());
    checks.riskTier(input.riskTier());
    String householdRegistration = checks.text(input.householdRegistration(), FileChecks.MAX_TEXT,
        "householdRegistration");
    String address = checks.text(input.address(), FileChecks.MAX_TEXT, "address");
    Guardianship guardianship = checks.guardianship(input.guardianship());
    Condition condition = checks.condition(input.condition());
    Schooling schooling = checks.schooling(input.schooling());
    String supervisorId = checks.supervisor(input.supervisorId(), input.villageId(), accounts);
    if (!errors.isEmpty()) {
      return CaseFilePayload.refused(errors);
    }
    Instant now = clock.instant();
    LocalDate today = today();
    CaseFile file = new CaseFile(UUID.randomUUID().toString(), 1, name, input.sex(), birthDate, nationalId,
        householdRegistration, input.townshipId(), input.villageId(), address, EnumSet.copyOf(input.causes()),
        input.riskTier(), guardianship, condition, schooling,
        input.benefits() == null || input.benefits().isEmpty() ? Set.of() : EnumSet.copyOf(input.benefits()),
        supervisorId, null, today.plusDays(visits.days(input.riskTier())), now, now, List.of(), false);
    mongo.insert(file);
    history(caller, file.id(), 1, now, Map.of("opened", "true"));
    return CaseFilePayload.success(file);
  }

  /**
   * Changes a file if it is still at the expected version: one conditional update, so of two editors working from
   * the same version exactly one succeeds and the other is told to reload. The read is logged with the field groups
   * the payload returns ({@code returned}).
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public CaseFilePayload update(UpdateCaseFileInput input, java.util.Set<FieldGroup> returned, Locale locale) {
    Caller caller = caller();
    CaseFile current = read(CaseFileId.of(input.id()), returned);
    if (current == null) {
      return CaseFilePayload.refused(List.of(messages.userError("NOT_FOUND", "id", locale)));
    }
    List<UserError> errors = new ArrayList<>();
    FileChecks checks = new FileChecks(messages, locale, errors);
    if (input.causes() != null) {
      checks.causes(input.causes());
    }
    if (input.riskTier() != null) {
      checks.riskTier(input.riskTier());
    }
    Map<String, Object> values = new LinkedHashMap<>();
    if (input.householdRegistration() != null) {
      values.put("householdRegistration",
          checks.text(input.householdRegistration(), FileChecks.MAX_TEXT, "householdRegistration"));
    }
    if (input.address() != null) {
      values.put("address", checks.text(input.address(), FileChecks.MAX_TEXT, "address"));
    }
    if (input.causes() != null && !input.causes().isEmpty()) {
      values.put("causes", EnumSet.copyOf(input.causes()));
    }
    if (input.riskTier() != null) {
      values.put("riskTier", input.riskTier());
    }
    if (input.guardianship() != null) {
      values.put("guardianship", checks.guardianship(input.guardianship()));
    }
    if (input.condition() != null) {
      values.put("condition", checks.condition(input.condition()));
    }
    if (input.schooling() != null) {
      values.put("schooling", checks.schooling(input.schooling()));
    }
    if (input.benefits() != null) {
      values.put("benefits", input.benefits().isEmpty() ? Set.of() : EnumSet.copyOf(input.benefits()));
    }
    if (input.supervisorId() != null) {
      values.put("supervisorId", checks.supervisor(input.supervisorId(), current.villageId(), accounts));
    }
    if (Boolean.TRUE.equals(input.confirmDraft())) {
      values.put("draft", false);
    }
    for (ClearableSection section : input.clear() == null ? List.<ClearableSection>of() : input.clear()) {
      String field = switch (section) {
        case CONDITION -> "condition";
        case SUPERVISOR -> "supervisorId";
      };
      if (values.containsKey(field)) {
        errors.add(messages.userError("SET_AND_CLEARED", field, locale));
      }
      values.put(field, null);
    }
    if (!errors.isEmpty()) {
      return CaseFilePayload.refused(errors);
    }
    if (input.expectedVersion() == null || input.expectedVersion() != current.version()) {
      return stale(input, locale);
    }
    Map<String, String> changes = changes(current, values);
    if (changes.isEmpty()) {
      return CaseFilePayload.refused(List.of(messages.userError("NOTHING_TO_CHANGE", null, locale)));
    }
    Instant now = clock.instant();
    Update update = new Update().inc("version", 1).set("updatedAt", now);
    changes.keySet().forEach(field -> update.set(field, values.get(field)));
    if (changes.containsKey("riskTier")) {
      update.set("nextVisitDue", nextVisitDue(current.lastVisitOn(), current.createdAt(), input.riskTier()));
    }
    CaseFile updated = mongo.findAndModify(
        query(where("_id").is(input.id()).and("version").is(input.expectedVersion().longValue())), update,
        FindAndModifyOptions.options().returnNew(true), CaseFile.class);
    if (updated == null) {
      return stale(input, locale);
    }
    history(caller, updated.id(), updated.version(), now, changes);
    return CaseFilePayload.success(updated);
  }

  /**
   * A stale edit: refused, with what others changed since the version the caller read (the caller has just read the
   * file, and the history is part of it), so they can look and apply their edit again knowingly.
   */
  private CaseFilePayload stale(UpdateCaseFileInput input, Locale locale) {
    long since = input.expectedVersion() == null ? 0 : input.expectedVersion();
    return CaseFilePayload.stale(messages.userError("STALE_VERSION", "expectedVersion", locale),
        historyOf(List.of(input.id()), since).get(input.id()));
  }

  /** Today in the city's time zone. */
  public LocalDate today() {
    return CityTime.today(clock);
  }

  /**
   * What an update changes, field by field, as the history keeps it: the old and new value of coded fields (causes,
   * risk tier, benefits, supervisor), only "changed" for free text and sections that hold names or numbers.
   */
  private static Map<String, String> changes(CaseFile current, Map<String, Object> values) {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("householdRegistration", current.householdRegistration());
    before.put("address", current.address());
    before.put("causes", current.causes().isEmpty() ? Set.of() : EnumSet.copyOf(current.causes()));
    before.put("riskTier", current.riskTier());
    before.put("guardianship", current.guardianship());
    before.put("condition", current.condition());
    before.put("schooling", current.schooling());
    before.put("benefits", current.benefits().isEmpty() ? Set.of() : EnumSet.copyOf(current.benefits()));
    before.put("supervisorId", current.supervisorId());
    before.put("draft", current.draft());
    Map<String, String> changes = new LinkedHashMap<>();
    values.forEach((field, value) -> {
      Object old = before.get(field);
      if (!Objects.equals(normalised(old), normalised(value))) {
        changes.put(field, switch (field) {
          case "causes", "riskTier", "benefits", "supervisorId", "draft" -> old + " -> " + value;
          default -> "changed";
        });
      }
    });
    return changes;
  }

  private static Object normalised(Object value) {
    return value instanceof Set<?> set && set.isEmpty() ? null : value;
  }

  /** The next visit is due one interval of the risk tier after the latest visit (or after opening, if none). */
  LocalDate nextVisitDue(LocalDate lastVisitOn, Instant createdAt, int riskTier) {
    LocalDate from = lastVisitOn != null ? lastVisitOn : LocalDate.ofInstant(createdAt, CityTime.ZONE);
    return from.plusDays(visits.days(riskTier));
  }

  /** Who changed what and when; the history is as sensitive as the file and lives beside it. */
  void history(Caller caller, String fileId, long version, Instant at, Map<String, String> changes) {
    mongo.insert(new Document("fileId", fileId).append("version", version).append("at", Date.from(at))
        .append("actor", caller.subject()).append("actorName", caller.displayName())
        .append("changes", new Document(changes)), HISTORY);
  }

  static Caller caller() {
    return Caller.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
  }
}
