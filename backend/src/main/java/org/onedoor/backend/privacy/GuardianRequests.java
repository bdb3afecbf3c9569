package org.onedoor.backend.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.CaseFileId;
import org.onedoor.backend.casefiles.CaseFiles;
import org.onedoor.backend.casefiles.FieldGroup;
import org.onedoor.backend.casefiles.FileRetention;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Roles;
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
 * A guardian's requests about their child's data, handled by staff (guardians have no accounts): township staff and
 * civil affairs record a request for a file in their scope and see their requests with the day each is due; a request
 * to see or to correct is closed by whoever carries it out (a correction is made on the file, whose history keeps
 * it); civil affairs carry out an erasure — the file reduced as the grown-up rule reduces it, audited by whom — or
 * refuse a request with the reason.
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(GuardianRequestSettings.class)
public class GuardianRequests {

  static final int MAX_NAME = 40;
  static final int MAX_RELATIONSHIP = 20;
  static final int MAX_TEXT = 1000;
  /** How long a closing holds a request before another may take it over (one that crashed part-way). */
  static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(10);

  /**
   * A request as staff record it.
   *
   * @param caseFileId the child's file
   * @param kind what is asked
   * @param requesterName who asked
   * @param relationship their relationship to the child
   * @param receivedOn the day it was received (yyyy-MM-dd)
   * @param details what to correct, or why erasure is asked (required for those)
   */
  public record RecordGuardianRequestInput(String caseFileId, GuardianRequestKind kind, String requesterName,
      String relationship, String receivedOn, String details) {
  }

  /**
   * Closing a request.
   *
   * @param requestId the request
   * @param outcome what was done, or why it is refused
   */
  public record CloseGuardianRequestInput(String requestId, String outcome) {
  }

  /** A request after a change; null with the reasons when refused. */
  public record GuardianRequestPayload(GuardianRequest request, List<UserError> errors) {
  }

  private final MongoTemplate mongo;
  private final CaseFiles files;
  private final FileRetention retention;
  private final Messages messages;
  private final GuardianRequestSettings settings;
  private final Clock clock;
  private final org.onedoor.backend.casefiles.FileExport fileExport;
  private final org.onedoor.backend.needs.NeedBoard needs;
  private final org.onedoor.backend.matching.MatchExport matches;
  private final ReducedFiles reducedFiles;
  private final org.onedoor.backend.safety.SafetyErasure chains;

  GuardianRequests(MongoTemplate mongo, CaseFiles files, FileRetention retention, Messages messages,
      GuardianRequestSettings settings, Clock clock, org.onedoor.backend.casefiles.FileExport fileExport,
      org.onedoor.backend.needs.NeedBoard needs, org.onedoor.backend.matching.MatchExport matches,
      ReducedFiles reducedFiles, org.onedoor.backend.safety.SafetyErasure chains) {
    this.chains = chains;
    this.reducedFiles = reducedFiles;
    this.mongo = mongo;
    this.files = files;
    this.retention = retention;
    this.messages = messages;
    this.settings = settings;
    this.clock = clock;
    this.fileExport = fileExport;
    this.needs = needs;
    this.matches = matches;
  }

  /**
   * The export produced for a request to see, or why not.
   *
   * @param text the export; null when refused
   * @param request the request with this disclosure recorded; null when refused
   * @param errors the refusals; empty on success
   */
  public record GuardianExportPayload(String text, GuardianRequest request, List<UserError> errors) {
  }

  /**
   * Civil affairs (who answer for the data's protection): for an open request to see, everything OneDoor holds about
   * the child as a readable text — the file's sections, consents, visits, remit actions, history of changes, its
   * needs, its matches (never who offered the help) and who read the file when. Producing it reads the whole file,
   * which the access log records, and is a disclosure, which the request records (when, by whom). Refused while the
   * child is under protection (a safety chain open, or a guardianship intervention recorded): the guardian asking may
   * be who the child is protected from.
   */
  @PreAuthorize(Roles.DATA_PROTECTION)
  public GuardianExportPayload export(String requestId, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    GuardianRequest request = requestId == null ? null
        : mongo.findOne(query(where("_id").is(requestId)).addCriteria(scope(caller)), GuardianRequest.class);
    if (request == null) {
      throw new AccessDeniedException("no such request in scope");
    }
    String refusal = request.status() != GuardianRequestStatus.OPEN ? "GUARDIAN_REQUEST_CLOSED"
        : request.kind() != GuardianRequestKind.SEE ? "GUARDIAN_REQUEST_WRONG_STEP"
        : chains.protects(request.caseFileId()) ? "GUARDIAN_REQUEST_EXPORT_PROTECTION" : null;
    if (refusal != null) {
      return new GuardianExportPayload(null, null, List.of(messages.userError(refusal, "requestId", locale)));
    }
    List<String> lines = new ArrayList<>();
    lines.add(messages.get("export.title", locale, request.receivedOn(), CityTime.today(clock)));
    lines.addAll(fileExport.linesOf(new CaseFileId(request.caseFileId()), locale));
    lines.add("");
    lines.add("【" + messages.get("export.needs", locale) + "】");
    for (var need : needs.needsOf(List.of(request.caseFileId())).getOrDefault(request.caseFileId(), List.of())) {
      lines.add(String.join(" ", String.valueOf(need.createdAt()), messages.label(need.category(), locale),
          need.title(), messages.label(need.status(), locale)));
    }
    lines.add("");
    lines.add("【" + messages.get("export.matches", locale) + "】");
    lines.addAll(matches.linesOf(request.caseFileId(), locale));
    Instant now = clock.instant();
    GuardianRequest disclosed = mongo.findAndModify(query(where("_id").is(request.id()).and("status")
            .is(GuardianRequestStatus.OPEN)),
        new Update().push("disclosures", new GuardianRequest.Disclosure(now, caller.subject(), caller.displayName()))
            .inc("version", 1), FindAndModifyOptions.options().returnNew(true), GuardianRequest.class);
    if (disclosed == null) {
      // Closed while it was being produced: nothing is handed over that the request does not record.
      return new GuardianExportPayload(null, null, List.of(messages.userError("GUARDIAN_REQUEST_CLOSED", "requestId",
          locale)));
    }
    lines.add("");
    lines.add(messages.get("export.disclosed", locale, now.atZone(CityTime.ZONE).toLocalDateTime().withNano(0),
        caller.displayName()));
    return new GuardianExportPayload(String.join("\n", lines) + "\n", disclosed, List.of());
  }

  /** Township staff (their township's files) and civil affairs: records a request; it is due after the deadline. */
  @PreAuthorize(Roles.CASEWORKERS)
  public GuardianRequestPayload record(RecordGuardianRequestInput input, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    if (input.kind() == null) {
      checks.refuse("GUARDIAN_REQUEST_KIND_REQUIRED", "kind");
    }
    String name = checks.required(input.requesterName(), MAX_NAME, "requesterName");
    String relationship = checks.required(input.relationship(), MAX_RELATIONSHIP, "relationship");
    String details = input.kind() == GuardianRequestKind.SEE ? checks.optional(input.details(), MAX_TEXT, "details")
        : checks.required(input.details(), MAX_TEXT, "details");
    LocalDate today = CityTime.today(clock);
    LocalDate received = null;
    try {
      received = LocalDate.parse(input.receivedOn() == null ? "" : input.receivedOn().strip());
      if (received.isAfter(today)) {
        checks.refuse("DATE_IN_FUTURE", "receivedOn");
      } else if (received.isBefore(today.minusYears(1))) {
        checks.refuse("DATE_TOO_OLD", "receivedOn");
      }
    } catch (DateTimeParseException e) {
      checks.refuse("DATE_INVALID", "receivedOn");
    }
    // Out of the caller's scope: FORBIDDEN, as for the file itself (and the attempt is in the access log).
    CaseFile file = input.caseFileId() == null ? null
        : files.read(new CaseFileId(input.caseFileId()), EnumSet.of(FieldGroup.IDENTITY));
    if (file == null) {
      checks.refuse("FILE_NOT_FOUND", "caseFileId");
    }
    if (!errors.isEmpty()) {
      return new GuardianRequestPayload(null, errors);
    }
    Instant now = clock.instant();
    GuardianRequest request = mongo.insert(new GuardianRequest(UUID.randomUUID().toString(), 0, file.id(),
        file.townshipId(), input.kind(), name, relationship, received, received.plus(settings.deadline()),
        details, GuardianRequestStatus.OPEN, null, caller.subject(), now, null, null, List.of()));
    return new GuardianRequestPayload(request, List.of());
  }

  /**
   * Township staff (their township's) and civil affairs (all): the requests, optionally of one status, the soonest
   * due first; keyset paged.
   */
  @PreAuthorize(Roles.CASEWORKERS)
  public Connection<GuardianRequest> requests(GuardianRequestStatus status, PageSize size, String after) {
    List<Criteria> parts = new ArrayList<>(List.of(scope(Caller.current().orElseThrow())));
    if (status != null) {
      parts.add(where("status").is(status));
    }
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 2);
      parts.add(new Criteria().orOperator(where("dueOn").gt(LocalDate.parse(key[0])),
          where("dueOn").is(LocalDate.parse(key[0])).and("_id").gt(key[1])));
    }
    Query query = org.onedoor.backend.platform.mongo.AllOf.query(parts).with(Sort.by("dueOn", "_id"))
        .limit(size.value() + 1);
    return Connection.of(mongo.find(query, GuardianRequest.class), size,
        r -> Cursors.encode(r.dueOn(), r.id()), r -> r);
  }

  /**
   * Whoever carries out a request to see or to correct: closes it as done, with what was done. A request to see is
   * done once its export was produced (and so recorded) — or, for a child under protection, who gets no export, once
   * it was answered in person.
   */
  @PreAuthorize(Roles.CASEWORKERS)
  public GuardianRequestPayload complete(CloseGuardianRequestInput input, Locale locale) {
    // Under protection there is no export: the request is answered in person, and the outcome says what was told.
    return close(input, locale, EnumSet.of(GuardianRequestKind.SEE, GuardianRequestKind.CORRECT),
        GuardianRequestStatus.DONE, request -> request.kind() == GuardianRequestKind.SEE
            && request.disclosures().isEmpty() && !chains.protects(request.caseFileId())
            ? "GUARDIAN_REQUEST_EXPORT_FIRST" : null, request -> { });
  }

  /** Civil affairs: refuses a request (an erasure the law does not allow, say), with the reason. */
  @PreAuthorize(Roles.DATA_PROTECTION)
  public GuardianRequestPayload refuse(CloseGuardianRequestInput input, Locale locale) {
    return close(input, locale, EnumSet.allOf(GuardianRequestKind.class), GuardianRequestStatus.REFUSED);
  }

  /**
   * Civil affairs: carries out a request to erase — the child's file is reduced to what statistics and audit need
   * (as the grown-up rule reduces it), the erasure audited with who did it — and closes the request.
   */
  @PreAuthorize(Roles.DATA_PROTECTION)
  public GuardianRequestPayload erase(CloseGuardianRequestInput input, Locale locale) {
    // Erase, audit, then close: a failure part-way leaves the request open, to be carried out again.
    return close(input, locale, EnumSet.of(GuardianRequestKind.ERASE), GuardianRequestStatus.DONE, request ->
        // The law keeps what an open protection case or a placement under way needs (PIPL art. 47(2), 13(3)): the
        // request waits, or is refused with that reason.
        chains.openFor(request.caseFileId()) ? "GUARDIAN_REQUEST_ERASE_OPEN_CHAIN"
            : matches.placementStands(request.caseFileId()) ? "GUARDIAN_REQUEST_ERASE_PLACEMENT" : null,
        request -> {
      Instant now = clock.instant();
      // Reduced now, or by an earlier attempt of this erasure that failed while clearing around it.
      boolean reduced = retention.reduceFile(request.caseFileId(), now) || retention.isReduced(request.caseFileId());
      // Its needs leave the public board and matching at once; its intakes and matches lose what they said of it.
      reducedFiles.clearAround(request.caseFileId(), now);
      retention.markCleared(request.caseFileId(), now);
      mongo.insert(new Document("at", Date.from(now)).append("kind", "CHILD_FILE").append("records",
          reduced ? 1 : 0).append("cutoff", null).append("by", Caller.current().orElseThrow().subject())
          .append("request", request.id()), Retention.ERASURES);
    });
  }

  private GuardianRequestPayload close(CloseGuardianRequestInput input, Locale locale,
      EnumSet<GuardianRequestKind> kinds, GuardianRequestStatus to) {
    return close(input, locale, kinds, to, request -> null, request -> { });
  }

  /**
   * Checks the request may be closed so, claims it (one closing at a time: a refusal and an erasure at once cannot
   * both happen), checks it passes {@code check} (which names a refusal or null), carries {@code out} what closing it
   * means, then closes it. A claim left by a crash expires after {@link #CLAIM}.
   */
  private GuardianRequestPayload close(CloseGuardianRequestInput input, Locale locale,
      EnumSet<GuardianRequestKind> kinds, GuardianRequestStatus to,
      java.util.function.Function<GuardianRequest, String> check, java.util.function.Consumer<GuardianRequest> out) {
    Caller caller = Caller.current().orElseThrow();
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String outcome = checks.required(input.outcome(), MAX_TEXT, "outcome");
    GuardianRequest request = input.requestId() == null ? null
        : mongo.findOne(query(where("_id").is(input.requestId())).addCriteria(scope(caller)), GuardianRequest.class);
    if (request == null) {
      throw new AccessDeniedException("no such request in scope");
    }
    if (request.status() != GuardianRequestStatus.OPEN) {
      checks.refuse("GUARDIAN_REQUEST_CLOSED", "requestId");
    } else if (!kinds.contains(request.kind())) {
      checks.refuse("GUARDIAN_REQUEST_WRONG_STEP", "requestId");
    }
    if (!errors.isEmpty()) {
      return new GuardianRequestPayload(null, errors);
    }
    Instant claimedAt = clock.instant();
    GuardianRequest claimed = mongo.findAndModify(query(where("_id").is(request.id()).and("status")
            .is(GuardianRequestStatus.OPEN)).addCriteria(new Criteria().orOperator(where("closingSince").is(null),
            where("closingSince").lt(claimedAt.minus(CLAIM)))),
        new Update().set("closingSince", claimedAt), FindAndModifyOptions.options().returnNew(true),
        GuardianRequest.class);
    if (claimed == null) {
      boolean open = mongo.exists(query(where("_id").is(request.id()).and("status").is(GuardianRequestStatus.OPEN)),
          GuardianRequest.class);
      return new GuardianRequestPayload(null, List.of(messages.userError(open ? "GUARDIAN_REQUEST_BUSY"
          : "GUARDIAN_REQUEST_CLOSED", "requestId", locale)));
    }
    Query mine = query(where("_id").is(request.id()).and("closingSince").is(claimedAt));
    try {
      String refusal = check.apply(claimed);
      if (refusal != null) {
        mongo.updateFirst(mine, new Update().unset("closingSince"), GuardianRequest.class);
        return new GuardianRequestPayload(null, List.of(messages.userError(refusal, "requestId", locale)));
      }
      out.accept(claimed);
    } catch (RuntimeException failed) {
      mongo.updateFirst(mine, new Update().unset("closingSince"), GuardianRequest.class);
      throw failed;
    }
    GuardianRequest closed = mongo.findAndModify(mine.addCriteria(where("status").is(GuardianRequestStatus.OPEN)),
        new Update().set("status", to).set("outcome", outcome).set("closedBy", caller.subject())
            .set("closedAt", clock.instant()).unset("closingSince").inc("version", 1),
        FindAndModifyOptions.options().returnNew(true), GuardianRequest.class);
    return closed == null ? new GuardianRequestPayload(null, List.of(messages.userError("GUARDIAN_REQUEST_CLOSED",
        "requestId", locale))) : new GuardianRequestPayload(closed, List.of());
  }

  /**
   * For the retention rule: deletes the requests closed before {@code closedBefore} (who asked, what, and the answer);
   * an erasure's own audit stays in {@code erasures}. How many.
   */
  long deleteClosedBefore(Instant closedBefore) {
    return mongo.remove(query(where("status").ne(GuardianRequestStatus.OPEN).and("closedAt").lt(closedBefore)),
        GuardianRequest.class).getDeletedCount();
  }

  /** Civil affairs: every request; township staff: their township's. */
  private static Criteria scope(Caller caller) {
    return caller.roles().contains(RoleNames.CIVIL_AFFAIRS) ? new Criteria()
        : where("townshipId").is(caller.townshipId() == null ? "-" : caller.townshipId());
  }

  /** The day a request is due, for the GraphQL answer. */
  boolean overdue(GuardianRequest request) {
    return request.overdue(CityTime.today(clock));
  }
}
