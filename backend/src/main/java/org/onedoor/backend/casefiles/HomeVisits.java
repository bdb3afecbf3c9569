package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Home visits (定期走访): recorded by staff within their scope; each moves the file's next due day by the interval
 * of its risk tier ({@link VisitSettings}); the files whose visit is overdue are listed per township and supervisor,
 * longest overdue first.
 */
@Service
class HomeVisits {

  private static final int MAX_TEXT = 2000;
  private static final int MAX_DAYS_BACK = 366;
  private static final int MAX_DAYS_AHEAD = 90;

  private final MongoTemplate mongo;
  private final CaseFiles files;
  private final FileAccessLog accessLog;
  private final Messages messages;
  private final VisitSettings settings;
  private final Clock clock;

  HomeVisits(MongoTemplate mongo, CaseFiles files, FileAccessLog accessLog, Messages messages,
      VisitSettings settings, Clock clock) {
    this.mongo = mongo;
    this.files = files;
    this.accessLog = accessLog;
    this.messages = messages;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Records a visit made by the caller and moves the file's visit dates: the latest visit is the later of the
   * recorded one and this one, the next is due one tier interval after it. The file changes with a version
   * precondition (retried), so a concurrent edit is neither lost nor overwritten. The read is logged with the field
   * groups the payload returns ({@code returned}).
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public RecordHomeVisitPayload record(RecordHomeVisitInput input, java.util.Set<FieldGroup> returned,
      Locale locale) {
    Caller caller = CaseFiles.caller();
    files.read(CaseFileId.of(input.caseFileId()), returned);
    List<UserError> errors = new ArrayList<>();
    LocalDate today = files.today();
    LocalDate visitedOn = null;
    try {
      visitedOn = LocalDate.parse(input.visitedOn() == null ? "" : input.visitedOn().strip());
      if (visitedOn.isAfter(today) || visitedOn.isBefore(today.minusDays(MAX_DAYS_BACK))) {
        errors.add(messages.userError("VISIT_DATE_OUT_OF_RANGE", "visitedOn", locale, MAX_DAYS_BACK));
      }
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("DATE_INVALID", "visitedOn", locale));
    }
    String findings = input.findings() == null ? "" : input.findings().strip();
    if (findings.isEmpty() || findings.length() > MAX_TEXT) {
      errors.add(messages.userError("FINDINGS_REQUIRED", "findings", locale, MAX_TEXT));
    }
    String followUp = input.followUp() == null || input.followUp().isBlank() ? null : input.followUp().strip();
    if (followUp != null && followUp.length() > MAX_TEXT) {
      errors.add(messages.userError("TEXT_TOO_LONG", "followUp", locale, MAX_TEXT));
    }
    if (!errors.isEmpty()) {
      return new RecordHomeVisitPayload(null, null, errors);
    }
    Instant now = clock.instant();
    HomeVisit visit = new HomeVisit(UUID.randomUUID().toString(), input.caseFileId(), visitedOn, caller.subject(),
        caller.displayName(), findings, followUp, now);
    mongo.insert(visit);
    for (int attempt = 0; attempt < 10; attempt++) {
      CaseFile file = mongo.findById(input.caseFileId(), CaseFile.class);
      if (file == null) {
        throw new IllegalStateException("file removed while a visit was recorded");
      }
      LocalDate latest = file.lastVisitOn() == null || visitedOn.isAfter(file.lastVisitOn()) ? visitedOn
          : file.lastVisitOn();
      CaseFile updated = mongo.findAndModify(query(where("_id").is(file.id()).and("version").is(file.version())),
          new Update().set("lastVisitOn", latest).set("nextVisitDue", latest.plusDays(settings.days(file.riskTier())))
              .inc("version", 1).set("updatedAt", now),
          FindAndModifyOptions.options().returnNew(true), CaseFile.class);
      if (updated != null) {
        files.history(caller, file.id(), updated.version(), now, Map.of("visitRecorded", visit.id()));
        return new RecordHomeVisitPayload(visit, updated, List.of());
      }
    }
    throw new IllegalStateException("file kept changing while a visit was recorded");
  }

  /** The visits of several files, newest first, in one query (the files were read, and audited, by the caller). */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, List<HomeVisit>> visitsOf(Collection<String> fileIds) {
    Map<String, List<HomeVisit>> visits = new LinkedHashMap<>();
    fileIds.forEach(id -> visits.put(id, new ArrayList<>()));
    mongo.find(query(where("fileId").in(fileIds)).with(Sort.by(Sort.Direction.DESC, "visitedOn", "recordedAt")),
        HomeVisit.class).forEach(v -> visits.get(v.fileId()).add(v));
    return visits;
  }

  /**
   * The files in the caller's scope whose next visit is overdue today, longest overdue first, keyset paged; each
   * listed file counts as read.
   *
   * @param townshipId only this township, or null
   * @param supervisorId only the files of this supervisor, or null
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Connection<CaseFile> overdue(String townshipId, String supervisorId, PageSize size, String after,
      java.util.Set<FieldGroup> groups) {
    return dueBefore(files.today(), townshipId, supervisorId, size, after, groups);
  }

  /**
   * A supervisor's round: the files in the caller's scope whose next visit is due within the coming days (the
   * overdue ones included), soonest due first, keyset paged; each listed file counts as read.
   *
   * @param withinDays how many days ahead (0 … 90): 0 lists what is due today or overdue
   * @param townshipId only this township, or null
   * @param supervisorId only the files of this supervisor, or null
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Connection<CaseFile> due(int withinDays, String townshipId, String supervisorId, PageSize size,
      String after, java.util.Set<FieldGroup> groups) {
    if (withinDays < 0 || withinDays > MAX_DAYS_AHEAD) {
      throw new org.onedoor.backend.platform.graphql.BadArgumentException("DAYS_AHEAD_INVALID", MAX_DAYS_AHEAD);
    }
    return dueBefore(files.today().plusDays(withinDays + 1L), townshipId, supervisorId, size, after, groups);
  }

  private Connection<CaseFile> dueBefore(LocalDate before, String townshipId, String supervisorId, PageSize size,
      String after, java.util.Set<FieldGroup> groups) {
    Caller caller = CaseFiles.caller();
    List<Criteria> parts = new java.util.ArrayList<>(List.of(CaseFiles.scope(caller),
        where("nextVisitDue").lt(before)));
    if (townshipId != null) {
      parts.add(where("townshipId").is(townshipId)); // narrows the scope (see AllOf)
    }
    if (supervisorId != null) {
      parts.add(where("supervisorId").is(supervisorId));
    }
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 2);
      LocalDate due = Cursors.day(key[0]);
      parts.add(new Criteria().orOperator(where("nextVisitDue").gt(due),
          where("nextVisitDue").is(due).and("_id").gt(key[1])));
    }
    Query query = org.onedoor.backend.platform.mongo.AllOf.query(parts);
    query.with(Sort.by("nextVisitDue", "_id")).limit(size.value() + 1);
    Connection<CaseFile> page = Connection.of(mongo.find(query, CaseFile.class), size,
        f -> Cursors.encode(f.nextVisitDue(), f.id()), f -> f);
    accessLog.recordAll(caller, page.edges().stream().map(e -> e.node().id()).toList(), groups);
    return page;
  }

  /** Days a file's visit is overdue today; 0 when it is not. */
  public long daysOverdue(CaseFile file) {
    LocalDate today = files.today();
    return file.nextVisitDue() == null || !file.nextVisitDue().isBefore(today) ? 0
        : java.time.temporal.ChronoUnit.DAYS.between(file.nextVisitDue(), today);
  }
}
