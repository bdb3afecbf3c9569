package org.onedoor.backend.needs;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.casefiles.CaseFileId;
import org.onedoor.backend.casefiles.CaseFiles;
import org.onedoor.backend.casefiles.GuardianConsents;
import org.onedoor.backend.casefiles.FieldGroup;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.needs.NeedInputs.CreateNeedInput;
import org.onedoor.backend.needs.NeedInputs.NeedFilter;
import org.onedoor.backend.needs.NeedPayloads.NeedPayload;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
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
 * Needs: drafted by staff from a file (published by {@link Publication}), withdrawn with the file's consent, and
 * listed to the public board without anything that points to the child. See docs/decisions/003-anonymised-needs.md.
 */
@Service
public class NeedBoard {

  private static final int MAX_TITLE = 60;
  private static final int MAX_DESCRIPTION = 2000;
  private static final int MAX_GOODS = 20;
  private static final int MAX_GOOD = 30;
  private static final char[] PUBLIC_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

  private final MongoTemplate mongo;
  private final CaseFiles files;
  private final GuardianConsents consents;
  private final Messages messages;
  private final GraphQlLimits limits;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final BoardModel model;

  NeedBoard(MongoTemplate mongo, CaseFiles files, GuardianConsents consents, Messages messages, GraphQlLimits limits,
      Clock clock, BoardModel model) {
    this.model = model;
    this.consents = consents;
    this.mongo = mongo;
    this.files = files;
    this.messages = messages;
    this.limits = limits;
    this.clock = clock;
  }

  /** Drafts a need from a file in the caller's scope. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayload create(CreateNeedInput input, Locale locale) {
    files.read(CaseFileId.of(input.caseFileId()), EnumSet.of(FieldGroup.RECORD));
    List<UserError> errors = new ArrayList<>();
    Content content = content(input.category(), input.title(), input.description(), input.urgency(),
        input.deadlineMonth(), input.amountYuan(), input.goods(), input.serviceHours(), input.placement(), errors,
        locale);
    if (!errors.isEmpty()) {
      return new NeedPayload(null, errors);
    }
    Need need = new Need(java.util.UUID.randomUUID().toString(), newPublicId(), input.caseFileId(), NeedStatus.DRAFT,
        content.category(), content.title(), content.description(), content.urgency(), content.urgency().ordinal(),
        content.deadlineMonth(), content.amountYuan(), content.goods(), content.serviceHours(), content.placement(),
        null, null, List.of(), null, null, null, clock.instant(), 0);
    mongo.insert(need);
    return new NeedPayload(StaffNeed.of(need, files.today()), List.of());
  }

  /**
   * For other features (safety: an assessment names the needs to open): drafts a need of a file with a title and
   * a description staff complete before it can be published (it asks for nothing yet). The caller authorizes.
   */
  public StaffNeed draftForFile(String caseFileId, NeedCategory category, String title, String description) {
    Need need = new Need(java.util.UUID.randomUUID().toString(), newPublicId(), caseFileId, NeedStatus.DRAFT,
        category, title, description, Urgency.HIGH, Urgency.HIGH.ordinal(), null, null, List.of(), null,
        false, null, null, List.of(), null, null, null, clock.instant(), 0);
    mongo.insert(need);
    return StaffNeed.of(need, files.today());
  }

  /**
   * Changes a draft need of a file in the caller's scope, whole, against the revision the caller read: one
   * conditional update, so of two editors of the same draft exactly one succeeds and the other is told to look
   * again. Only drafts change; a need once published keeps what it showed (see {@link Publication}).
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayload update(NeedInputs.UpdateNeedInput input, Locale locale) {
    Need need = input.needId() == null ? null : mongo.findById(input.needId(), Need.class);
    if (need == null) {
      return new NeedPayload(null, List.of(messages.userError("NEED_NOT_FOUND", "needId", locale)));
    }
    files.read(new CaseFileId(need.caseFileId()), EnumSet.of(FieldGroup.RECORD));
    if (need.status() != NeedStatus.DRAFT) {
      return new NeedPayload(null, List.of(messages.userError("NOT_A_DRAFT_TO_CHANGE", "needId", locale)));
    }
    List<UserError> errors = new ArrayList<>();
    Content content = content(input.category(), input.title(), input.description(), input.urgency(),
        input.deadlineMonth(), input.amountYuan(), input.goods(), input.serviceHours(), input.placement(), errors,
        locale);
    if (!errors.isEmpty()) {
      return new NeedPayload(null, errors);
    }
    if (input.expectedRevision() == null || input.expectedRevision().intValue() != need.revision().intValue()) {
      return new NeedPayload(null, List.of(messages.userError("STALE_NEED", "expectedRevision", locale)));
    }
    // A need stored before revisions were kept has none: it is at revision 0.
    Criteria atRevision = need.revision() == 0
        ? new Criteria().orOperator(where("revision").is(0), where("revision").exists(false))
        : where("revision").is(need.revision());
    Need updated = mongo.findAndModify(
        query(where("_id").is(need.id()).and("status").is(NeedStatus.DRAFT)).addCriteria(atRevision),
        new Update().set("category", content.category()).set("title", content.title())
            .set("description", content.description()).set("urgency", content.urgency())
            .set("urgencyRank", content.urgency().ordinal()).set("deadlineMonth", content.deadlineMonth())
            .set("amountYuan", content.amountYuan()).set("goods", content.goods())
            .set("serviceHours", content.serviceHours()).set("placement", content.placement()).inc("revision", 1),
        FindAndModifyOptions.options().returnNew(true), Need.class);
    if (updated == null) {
      return new NeedPayload(null, List.of(messages.userError("STALE_NEED", "expectedRevision", locale)));
    }
    return new NeedPayload(StaffNeed.of(updated, files.today()), List.of());
  }

  /** A need's content as staff write it, checked field by field. */
  private record Content(NeedCategory category, String title, String description, Urgency urgency,
      String deadlineMonth, Integer amountYuan, List<String> goods, Integer serviceHours, boolean placement) {
  }

  private Content content(NeedCategory category, String rawTitle, String rawDescription, Urgency urgency,
      String deadlineMonth, Integer amountYuan, List<String> rawGoods, Integer serviceHours, Boolean rawPlacement,
      List<UserError> errors, Locale locale) {
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String title = checks.required(rawTitle, MAX_TITLE, "title", "TITLE_REQUIRED");
    String description = checks.required(rawDescription, MAX_DESCRIPTION, "description", "DESCRIPTION_REQUIRED");
    String deadline = deadlineMonth == null || deadlineMonth.isBlank() ? null : deadlineMonth.strip();
    if (deadline != null) {
      try {
        if (YearMonth.parse(deadline).isBefore(YearMonth.from(files.today()))) {
          errors.add(messages.userError("DEADLINE_PASSED", "deadlineMonth", locale));
        }
      } catch (DateTimeParseException invalid) {
        errors.add(messages.userError("MONTH_INVALID", "deadlineMonth", locale));
      }
    }
    if (amountYuan != null && amountYuan <= 0) {
      errors.add(messages.userError("NEED_AMOUNT_INVALID", "amountYuan", locale));
    }
    if (serviceHours != null && serviceHours <= 0) {
      errors.add(messages.userError("NEED_HOURS_INVALID", "serviceHours", locale));
    }
    boolean placement = Boolean.TRUE.equals(rawPlacement);
    List<String> goods = rawGoods == null ? List.of()
        : rawGoods.stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    if (goods.size() > MAX_GOODS || goods.stream().anyMatch(g -> g.length() > MAX_GOOD)) {
      errors.add(messages.userError("GOODS_TOO_MANY", "goods", locale, MAX_GOODS, MAX_GOOD));
    }
    if (amountYuan == null && goods.isEmpty() && serviceHours == null && !placement) {
      errors.add(messages.userError("NOTHING_ASKED", null, locale));
    }
    return new Content(category, title, description, urgency, deadline, amountYuan, goods, serviceHours, placement);
  }

  /** Withdraws a need of a file in the caller's scope. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayload withdraw(String needId, Locale locale) {
    Need need = mongo.findById(needId, Need.class);
    if (need == null) {
      return new NeedPayload(null, List.of(messages.userError("NEED_NOT_FOUND", "needId", locale)));
    }
    files.read(new CaseFileId(need.caseFileId()), EnumSet.of(FieldGroup.RECORD));
    if (need.status() == NeedStatus.MATCHED || need.status() == NeedStatus.FULFILLED) {
      return new NeedPayload(null, List.of(messages.userError("NEED_HELP_UNDER_WAY", "needId", locale)));
    }
    // Only a draft or a published need: one matched meanwhile keeps its match.
    Need withdrawn = mongo.findAndModify(query(where("_id").is(needId)
        .and("status").in(NeedStatus.DRAFT, NeedStatus.PUBLISHED)),
        new Update().set("status", NeedStatus.WITHDRAWN), FindAndModifyOptions.options().returnNew(true), Need.class);
    if (withdrawn == null) {
      Need now = mongo.findById(needId, Need.class);
      return new NeedPayload(null, List.of(messages.userError(now != null && now.status() != NeedStatus.WITHDRAWN
          ? "NEED_HELP_UNDER_WAY" : "ALREADY_WITHDRAWN", "needId", locale)));
    }
    model.changed(List.of(needId));
    return new NeedPayload(StaffNeed.of(withdrawn, files.today()), List.of());
  }

  /** Records a guardian's consent on a file. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayloads.RecordConsentPayload recordConsent(NeedInputs.RecordConsentInput input, Locale locale) {
    var result = consents.recordConsent(CaseFileId.of(input.caseFileId()), input.givenBy(), input.relationship(), input.validUntil(),
        locale);
    return new NeedPayloads.RecordConsentPayload(result.consentId(), result.errors());
  }

  /**
   * Withdraws a consent and, at once, every published need of the child; the child's matched and fulfilled needs,
   * which held the consent too, are no longer shown (nor shown again if a match is given back). Asked again for a
   * consent already withdrawn, it does the needs' side again (so a withdrawal cut short by a failure can be
   * completed). A publication racing it re-checks the consent after its write and withdraws its need itself.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayloads.WithdrawConsentPayload withdrawConsent(NeedInputs.WithdrawConsentInput input, Locale locale) {
    CaseFileId file = CaseFileId.of(input.caseFileId());
    if (!consents.withdrawConsent(file, input.consentId()) && !withdrawnBefore(file, input.consentId())) {
      return new NeedPayloads.WithdrawConsentPayload(0,
          List.of(messages.userError("CONSENT_NOT_FOUND", "consentId", locale)));
    }
    return new NeedPayloads.WithdrawConsentPayload(withdrawNeedsOf(input.caseFileId()), List.of());
  }

  /** Whether the file has this consent, withdrawn already (a file that does not exist has none). */
  private boolean withdrawnBefore(CaseFileId file, String consentId) {
    var read = files.read(file, EnumSet.of(FieldGroup.RECORD));
    return read != null && read.consents().stream()
        .anyMatch(c -> c.consentId().equals(consentId) && c.withdrawnAt() != null);
  }

  /**
   * The needs' side of a consent's withdrawal: the file's published needs are withdrawn, and none of its needs is
   * shown from now on (their consent ends yesterday); every instance's board hears of each. Returns how many were
   * withdrawn.
   */
  /**
   * For the retention rules and a guardian's erasure (the caller authorizes and audits): a reduced file's needs leave
   * the board and matching at once, as on a consent's withdrawal. Returns how many published needs were withdrawn.
   */
  public int withdrawNeedsOfReducedFile(String caseFileId) {
    return withdrawNeedsOf(caseFileId);
  }

  int withdrawNeedsOf(String caseFileId) {
    LocalDate today = files.today();
    Query ofFile = query(where("caseFileId").is(caseFileId));
    ofFile.fields().include("_id");
    List<String> needIds = mongo.find(ofFile, org.bson.Document.class, "needs").stream()
        .map(d -> d.getString("_id")).toList();
    try {
      mongo.updateMulti(query(where("caseFileId").is(caseFileId).and("consentValidUntil").gte(today)),
          new Update().set("consentValidUntil", today.minusDays(1)), Need.class);
      return (int) mongo.updateMulti(
          query(where("caseFileId").is(caseFileId).and("status").is(NeedStatus.PUBLISHED)),
          new Update().set("status", NeedStatus.WITHDRAWN), Need.class).getModifiedCount();
    } finally {
      // Whatever was written, every instance re-reads the child's needs (a need drafted meanwhile is no draft of
      // the board's: drafts are never shown).
      model.changed(needIds);
    }
  }

  /**
   * Staff: the needs of files the caller has read (and so may keep), newest first, in one query; the reads
   * themselves were audited when the files were read.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, List<StaffNeed>> needsOf(java.util.Collection<String> fileIds) {
    Map<String, List<StaffNeed>> needs = new LinkedHashMap<>();
    fileIds.forEach(id -> needs.put(id, new ArrayList<>()));
    LocalDate today = files.today();
    mongo.find(query(where("caseFileId").in(fileIds)).with(Sort.by(Sort.Direction.DESC, "createdAt")), Need.class)
        .forEach(n -> needs.get(n.caseFileId()).add(StaffNeed.of(n, today)));
    return needs;
  }

  /** Public: one published (or fulfilled) need by its public id, while its consent holds (from {@link BoardModel}). */
  @PreAuthorize(Roles.PUBLIC)
  public PublicNeed publicNeed(String publicId) {
    BoardEntry entry = model.index().byPublicId(publicId, model.today());
    return entry == null ? null : entry.shown();
  }

  /**
   * Public: a page of the board, most urgent first, then by month of publication (the earliest first), then by the
   * random public id; keyset paging with sealed cursors that hold nothing finer than the month. Answered from this
   * instance's {@link BoardModel}, whose indexes make a page cost the same whatever the board's size.
   */
  @PreAuthorize(Roles.PUBLIC)
  public Connection<PublicNeed> board(NeedFilter filter, Integer first, String after) {
    PageSize size = limits.pageSize(first);
    BoardIndex.Key key = null;
    if (after != null && !after.isBlank()) {
      String[] parts = Cursors.decode(after, 3);
      key = new BoardIndex.Key((int) Cursors.number(parts[0]), Cursors.month(parts[1]), parts[2]);
    }
    // Within a month, by the random public id: needs published for one child in one sitting are not neighbours.
    return Connection.of(model.index().page(filter, key, size.value() + 1, model.today()), size,
        e -> Cursors.encode(e.urgencyRank(), e.shown().publishedMonth(), e.shown().id()), BoardEntry::shown);
  }

  private String newPublicId() {
    char[] id = new char[12];
    for (int i = 0; i < id.length; i++) {
      id[i] = PUBLIC_ID_ALPHABET[random.nextInt(PUBLIC_ID_ALPHABET.length)];
    }
    return new String(id);
  }
}
