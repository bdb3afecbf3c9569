package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
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
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
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
  private static final int MAX_NAME = 50;

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
  public CaseFile read(String id, Set<FieldGroup> groups) {
    Caller caller = caller();
    CaseFile file = mongo.findById(id, CaseFile.class);
    boolean granted = file != null ? FileScope.covers(caller, file.townshipId(), file.villageId())
        : FileScope.cityWide(caller);
    accessLog.record(caller, id, groups, granted && file != null);
    if (!granted) {
      throw new AccessDeniedException("file out of scope");
    }
    return file;
  }

  /**
   * The ledger: files in the caller's scope (narrowed by the filter), highest risk first, then by name, keyset
   * paged. Every file listed is logged as read.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Connection<CaseFile> ledger(LedgerFilter filter, PageSize size, String after, Set<FieldGroup> groups) {
    Caller caller = caller();
    var parts = ledgerCriteria(caller, filter);
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 3);
      long riskTier = Cursors.number(key[0]);
      parts.add(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
          where("riskTier").gt(riskTier),
          where("riskTier").is(riskTier).and("name").gt(key[1]),
          where("riskTier").is(riskTier).and("name").is(key[1]).and("_id").gt(key[2])));
    }
    var query = org.onedoor.backend.platform.mongo.AllOf.query(parts);
    query.with(org.springframework.data.domain.Sort.by("riskTier", "name", "_id")).limit(size.value() + 1);
    Connection<CaseFile> page = Connection.of(mongo.find(query, CaseFile.class), size,
        f -> Cursors.encode(f.riskTier(), f.name(), f.id()), f -> f);
    accessLog.recordAll(caller, page.edges().stream().map(e -> e.node().id()).toList(), groups);
    return page;
  }

  /**
   * The whole ledger in the caller's scope (narrowed by the filter), in ledger order, one file at a time, for an
   * export; every file handed out is logged as read, in batches. {@code start} runs once the caller is known to be
   * allowed, before the first file.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public void exportLedger(LedgerFilter filter, Set<FieldGroup> groups, Runnable start,
      java.util.function.Consumer<CaseFile> sink) {
    Caller caller = caller();
    start.run();
    var query = org.onedoor.backend.platform.mongo.AllOf.query(ledgerCriteria(caller, filter))
        .with(org.springframework.data.domain.Sort.by("riskTier", "name", "_id"));
    List<String> exported = new ArrayList<>();
    try (var stream = mongo.stream(query, CaseFile.class)) {
      stream.forEach(file -> {
        exported.add(file.id());
        if (exported.size() == 500) {
          accessLog.recordAll(caller, List.copyOf(exported), groups);
          exported.clear();
        }
        sink.accept(file);
      });
    } finally {
      accessLog.recordAll(caller, exported, groups);
    }
  }

  /** The caller's scope and the filter: a filter on the scope's own field narrows it (see AllOf). */
  private static List<org.springframework.data.mongodb.core.query.Criteria> ledgerCriteria(Caller caller,
      LedgerFilter filter) {
    List<org.springframework.data.mongodb.core.query.Criteria> parts = new ArrayList<>(List.of(scope(caller)));
    if (filter != null) {
      if (filter.townshipId() != null) {
        parts.add(where("townshipId").is(filter.townshipId()));
      }
      if (filter.villageId() != null) {
        parts.add(where("villageId").is(filter.villageId()));
      }
      if (filter.cause() != null) {
        parts.add(where("causes").is(filter.cause()));
      }
      if (filter.riskTier() != null) {
        parts.add(where("riskTier").is(filter.riskTier()));
      }
    }
    return parts;
  }

  /** The files a caller may keep, as a query criterion (see {@link FileScope}). */
  static org.springframework.data.mongodb.core.query.Criteria scope(Caller caller) {
    if (FileScope.cityWide(caller)) {
      return new org.springframework.data.mongodb.core.query.Criteria();
    }
    return caller.roles().contains(Roles.TOWNSHIP_STAFF) && caller.townshipId() != null
        ? where("townshipId").is(caller.townshipId())
        : where("villageId").is(caller.villageId() == null ? "-" : caller.villageId());
  }

  /**
   * The history of several files, newest first, in one query (the files were read, and audited, by the caller).
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, List<FileChange>> historyOf(java.util.Collection<String> fileIds) {
    Map<String, List<FileChange>> history = new LinkedHashMap<>();
    fileIds.forEach(id -> history.put(id, new ArrayList<>()));
    var query = query(where("fileId").in(fileIds)).with(org.springframework.data.domain.Sort.by(
        org.springframework.data.domain.Sort.Direction.DESC, "version", "at"));
    for (Document entry : mongo.find(query, Document.class, HISTORY)) {
      Document changes = entry.get("changes", Document.class);
      history.get(entry.getString("fileId")).add(new FileChange(((Number) entry.get("version")).longValue(),
          entry.getDate("at").toInstant(), entry.getString("actor"),
          changes.entrySet().stream().map(c -> new FileChange.FieldChange(c.getKey(), String.valueOf(c.getValue())))
              .toList()));
    }
    return history;
  }

  /** Supervisors by account id, in one query: only their id and display name. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, Supervisor> supervisorsById(java.util.Collection<String> ids) {
    Map<String, Supervisor> supervisors = new LinkedHashMap<>();
    accounts.displayNames(ids).forEach((id, name) -> supervisors.put(id, new Supervisor(id, name)));
    return supervisors;
  }

  /**
   * The ledger's filter.
   *
   * @param townshipId township
   * @param villageId village
   * @param cause cause
   * @param riskTier risk tier
   */
  public record LedgerFilter(String townshipId, String villageId, Cause cause, Integer riskTier) {
  }

  /**
   * How many children each township has per cause: raw counts for public statistics, which must suppress small
   * ones before showing them (see needs.PublicStatistics). Draft files opened by the one door are not counted until
   * township staff confirm them, so an anonymous application moves no public number.
   */
  @PreAuthorize(Roles.PUBLIC)
  public Map<String, Map<Cause, Long>> childrenByTownshipAndCause() {
    Map<String, Map<Cause, Long>> counts = new java.util.HashMap<>();
    var aggregation = org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation(
        org.springframework.data.mongodb.core.aggregation.Aggregation.match(where("draft").ne(true)),
        org.springframework.data.mongodb.core.aggregation.Aggregation.unwind("causes"),
        org.springframework.data.mongodb.core.aggregation.Aggregation.group("townshipId", "causes").count().as("n"));
    for (Document row : mongo.aggregate(aggregation, "case_files", Document.class)) {
      Document id = row.get("_id", Document.class);
      counts.computeIfAbsent(id.getString("townshipId"), t -> new java.util.EnumMap<>(Cause.class))
          .put(Cause.valueOf(id.getString("causes")), ((Number) row.get("n")).longValue());
    }
    return counts;
  }

  /** The file access log for auditors, newest first, keyset paged. */
  @PreAuthorize(Roles.AUDITORS)
  public Connection<FileAccessLog.Entry> accessLog(String fileId, String actor, PageSize size, String after) {
    return Connection.of(accessLog.page(fileId, actor, size.value() + 1, after), size, FileAccessLog.Entry::id,
        e -> e);
  }

  /** Opens a file; every invalid field is reported, and nothing is stored unless all are valid. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public CaseFilePayload create(CreateCaseFileInput input, Locale locale) {
    Caller caller = caller();
    List<UserError> errors = new ArrayList<>();
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty()) {
      errors.add(messages.userError("NAME_REQUIRED", "name", locale));
    } else if (name.length() > MAX_NAME) {
      errors.add(messages.userError("NAME_TOO_LONG", "name", locale, MAX_NAME));
    }
    LocalDate birthDate = parseBirthDate(input.birthDate(), errors, locale);
    String nationalId = validNationalId(input.nationalId(), birthDate, errors, locale);
    if (input.townshipId() == null || input.villageId() == null
        || !geography.villageInTownship(input.villageId(), input.townshipId())) {
      errors.add(messages.userError("VILLAGE_NOT_IN_TOWNSHIP", "villageId", locale));
    } else if (!FileScope.covers(caller, input.townshipId(), input.villageId())) {
      errors.add(messages.userError("OUT_OF_SCOPE", "villageId", locale));
    }
    checkCauses(input.causes(), errors, locale);
    checkRiskTier(input.riskTier(), errors, locale);
    FileChecks checks = new FileChecks(messages, locale, errors);
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
    CaseFile current = read(input.id(), returned);
    if (current == null) {
      return CaseFilePayload.refused(List.of(messages.userError("NOT_FOUND", "id", locale)));
    }
    List<UserError> errors = new ArrayList<>();
    if (input.causes() != null) {
      checkCauses(input.causes(), errors, locale);
    }
    if (input.riskTier() != null) {
      checkRiskTier(input.riskTier(), errors, locale);
    }
    FileChecks checks = new FileChecks(messages, locale, errors);
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
    if (input.expectedVersion() == null || input.expectedVersion() != current.version()) {
      errors.add(messages.userError("STALE_VERSION", "expectedVersion", locale));
    }
    if (!errors.isEmpty()) {
      return CaseFilePayload.refused(errors);
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
      return CaseFilePayload.refused(List.of(messages.userError("STALE_VERSION", "expectedVersion", locale)));
    }
    history(caller, updated.id(), updated.version(), now, changes);
    return CaseFilePayload.success(updated);
  }

  /** Records a guardian's consent to publishing the child's anonymised needs. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public ConsentResult recordConsent(String fileId, String givenBy, String relationship, String validUntil,
      Locale locale) {
    Caller caller = caller();
    read(fileId, EnumSet.of(FieldGroup.RECORD));
    List<UserError> errors = new ArrayList<>();
    if (givenBy == null || givenBy.isBlank()) {
      errors.add(messages.userError("CONSENT_GIVER_REQUIRED", "givenBy", locale));
    }
    LocalDate until = null;
    try {
      until = LocalDate.parse(validUntil == null ? "" : validUntil.strip());
      if (until.isBefore(today())) {
        errors.add(messages.userError("CONSENT_ALREADY_EXPIRED", "validUntil", locale));
      }
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("DATE_INVALID", "validUntil", locale));
    }
    if (!errors.isEmpty()) {
      return new ConsentResult(null, errors);
    }
    Instant now = clock.instant();
    Consent consent = new Consent(UUID.randomUUID().toString(), givenBy.strip(),
        relationship == null ? "" : relationship.strip(), now, until, null);
    CaseFile after = mongo.findAndModify(query(where("_id").is(fileId)),
        new Update().push("consents", consent).inc("version", 1).set("updatedAt", now),
        FindAndModifyOptions.options().returnNew(true), CaseFile.class);
    history(caller, fileId, after == null ? -1 : after.version(), now, Map.of("consentRecorded", consent.consentId()));
    return new ConsentResult(consent.consentId(), List.of());
  }

  /**
   * Withdraws a consent; returns false when the file has no such consent in force. The consents are rewritten with a
   * version precondition (retried if another change slipped in), so no concurrent change is lost.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public boolean withdrawConsent(String fileId, String consentId) {
    Caller caller = caller();
    read(fileId, EnumSet.of(FieldGroup.RECORD));
    for (int attempt = 0; attempt < 5; attempt++) {
      CaseFile file = mongo.findById(fileId, CaseFile.class);
      if (file == null || file.consents().stream()
          .noneMatch(c -> c.consentId().equals(consentId) && c.withdrawnAt() == null)) {
        return false;
      }
      Instant now = clock.instant();
      List<Consent> consents = file.consents().stream()
          .map(c -> c.consentId().equals(consentId) && c.withdrawnAt() == null
              ? new Consent(c.consentId(), c.givenBy(), c.relationship(), c.givenAt(), c.validUntil(), now) : c)
          .toList();
      var result = mongo.updateFirst(query(where("_id").is(fileId).and("version").is(file.version())),
          new Update().set("consents", consents).inc("version", 1).set("updatedAt", now), CaseFile.class);
      if (result.getModifiedCount() == 1) {
        history(caller, fileId, file.version() + 1, now, Map.of("consentWithdrawn", consentId));
        return true;
      }
    }
    throw new IllegalStateException("file kept changing while a consent was withdrawn");
  }

  /**
   * The outcome of recording a consent.
   *
   * @param consentId the new consent's id, or null when refused
   * @param errors the refusals
   */
  public record ConsentResult(String consentId, List<UserError> errors) {
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
        .append("actor", caller.subject()).append("changes", new Document(changes)), HISTORY);
  }

  private LocalDate parseBirthDate(String text, List<UserError> errors, Locale locale) {
    try {
      LocalDate date = LocalDate.parse(text == null ? "" : text.strip());
      LocalDate today = today();
      if (date.isAfter(today) || Period.between(date, today).getYears() >= 18) {
        errors.add(messages.userError("NOT_A_CHILD", "birthDate", locale));
        return null;
      }
      return date;
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("BIRTH_DATE_INVALID", "birthDate", locale));
      return null;
    }
  }

  private String validNationalId(String text, LocalDate birthDate, List<UserError> errors, Locale locale) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String normalised = NationalId.normalise(text);
    if (!NationalId.isValid(normalised)) {
      errors.add(messages.userError("NATIONAL_ID_INVALID", "nationalId", locale));
      return null;
    }
    NationalId id = new NationalId(normalised);
    if (birthDate != null && !id.birthDate().equals(birthDate)) {
      errors.add(messages.userError("NATIONAL_ID_BIRTH_DATE_MISMATCH", "nationalId", locale));
    }
    return id.value();
  }

  private void checkCauses(List<Cause> causes, List<UserError> errors, Locale locale) {
    if (causes == null || causes.isEmpty()) {
      errors.add(messages.userError("CAUSES_REQUIRED", "causes", locale));
    }
  }

  private void checkRiskTier(Integer tier, List<UserError> errors, Locale locale) {
    if (tier == null || tier < 1 || tier > 4) {
      errors.add(messages.userError("RISK_TIER_INVALID", "riskTier", locale));
    }
  }

  static Caller caller() {
    return Caller.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
  }
}
