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
import java.util.Optional;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.CaseFiles;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Condition;
import org.onedoor.backend.casefiles.Consent;
import org.onedoor.backend.casefiles.FieldGroup;
import org.onedoor.backend.casefiles.FileCensus;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.needs.NeedInputs.CreateNeedInput;
import org.onedoor.backend.needs.NeedInputs.NeedFilter;
import org.onedoor.backend.needs.NeedPayloads.NeedPayload;
import org.onedoor.backend.needs.NeedPayloads.PublishNeedPayload;
import org.onedoor.backend.needs.NeedPayloads.TextFinding;
import org.onedoor.backend.needs.publication.AgeBand;
import org.onedoor.backend.needs.publication.AnonymityDecision;
import org.onedoor.backend.needs.publication.AnonymitySettings;
import org.onedoor.backend.needs.publication.ConditionDisclosure;
import org.onedoor.backend.needs.publication.ConditionDisclosure.PublicCondition;
import org.onedoor.backend.needs.publication.Generalisation;
import org.onedoor.backend.needs.publication.IdentifyingFacts;
import org.onedoor.backend.needs.publication.KAnonymity;
import org.onedoor.backend.needs.publication.PublicProfile;
import org.onedoor.backend.needs.publication.TextGuard;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.platform.lease.Leases;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Needs: drafted by staff from a file, published only when the guardian's consent is current, the profile is
 * k-anonymous (generalised if need be) and the text guard finds nothing; listed to the public without anything
 * that points to the child. See docs/decisions/003-anonymised-needs.md.
 */
@Service
public class NeedBoard {

  private static final int MAX_TITLE = 60;
  /** Longer than any publication takes; released at once when it ends. */
  private static final java.time.Duration PUBLICATION_LEASE = java.time.Duration.ofMinutes(2);
  private static final int MAX_DESCRIPTION = 2000;
  private static final char[] PUBLIC_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

  private final MongoTemplate mongo;
  private final CaseFiles files;
  private final FileCensus census;
  private final Geography geography;
  private final Messages messages;
  private final GraphQlLimits limits;
  private final KAnonymity kAnonymity;
  private final ConditionDisclosure conditionDisclosure;
  private final TextGuard textGuard = new TextGuard();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Leases leases;

  NeedBoard(MongoTemplate mongo, CaseFiles files, FileCensus census, Geography geography, Messages messages, GraphQlLimits limits,
      AnonymitySettings anonymity, Clock clock, Leases leases) {
    this.leases = leases;
    this.mongo = mongo;
    this.files = files;
    this.census = census;
    this.geography = geography;
    this.messages = messages;
    this.limits = limits;
    this.kAnonymity = new KAnonymity(anonymity);
    this.conditionDisclosure = new ConditionDisclosure(anonymity);
    this.clock = clock;
  }

  /** Drafts a need from a file in the caller's scope. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayload create(CreateNeedInput input, Locale locale) {
    files.read(input.caseFileId(), EnumSet.of(FieldGroup.RECORD));
    List<UserError> errors = new ArrayList<>();
    String title = input.title() == null ? "" : input.title().strip();
    String description = input.description() == null ? "" : input.description().strip();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      errors.add(messages.userError("TITLE_REQUIRED", "title", locale, MAX_TITLE));
    }
    if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
      errors.add(messages.userError("DESCRIPTION_REQUIRED", "description", locale, MAX_DESCRIPTION));
    }
    if (input.deadlineMonth() != null && !input.deadlineMonth().isBlank()) {
      try {
        if (YearMonth.parse(input.deadlineMonth().strip()).isBefore(YearMonth.from(files.today()))) {
          errors.add(messages.userError("DEADLINE_PASSED", "deadlineMonth", locale));
        }
      } catch (DateTimeParseException invalid) {
        errors.add(messages.userError("MONTH_INVALID", "deadlineMonth", locale));
      }
    }
    if (input.amountYuan() != null && input.amountYuan() <= 0) {
      errors.add(messages.userError("AMOUNT_INVALID", "amountYuan", locale));
    }
    if (input.serviceHours() != null && input.serviceHours() <= 0) {
      errors.add(messages.userError("HOURS_INVALID", "serviceHours", locale));
    }
    boolean placement = Boolean.TRUE.equals(input.placement());
    List<String> goods = input.goods() == null ? List.of()
        : input.goods().stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    if (input.amountYuan() == null && goods.isEmpty() && input.serviceHours() == null && !placement) {
      errors.add(messages.userError("NOTHING_ASKED", null, locale));
    }
    if (!errors.isEmpty()) {
      return new NeedPayload(null, errors);
    }
    Need need = new Need(java.util.UUID.randomUUID().toString(), newPublicId(), input.caseFileId(), NeedStatus.DRAFT,
        input.category(), title, description, input.urgency(), input.urgency().ordinal(),
        input.deadlineMonth() == null || input.deadlineMonth().isBlank() ? null : input.deadlineMonth().strip(),
        input.amountYuan(), goods, input.serviceHours(), placement, null, null, List.of(), null, null, null,
        clock.instant());
    mongo.insert(need);
    return new NeedPayload(StaffNeed.of(need, files.today()), List.of());
  }

  /**
   * Publishes a draft when every rule holds; otherwise reports every reason at once (consent, anonymity, text),
   * with the exact text that triggered the guard.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public PublishNeedPayload publish(String needId, Locale locale) {
    Need draft = needId == null ? null : mongo.findById(needId, Need.class);
    if (draft == null) {
      return new PublishNeedPayload(null, null, List.of(messages.userError("NEED_NOT_FOUND", "needId", locale)),
          List.of());
    }
    // One publication per child at a time (on every instance): the linked-needs check of one must see the other.
    String lease = "publish-needs:" + draft.caseFileId();
    String holder = java.util.UUID.randomUUID().toString();
    if (!leases.acquire(lease, holder, clock.instant(), PUBLICATION_LEASE)) {
      return new PublishNeedPayload(null, null, List.of(messages.userError("PUBLICATION_BUSY", "needId", locale)),
          List.of());
    }
    try {
      return publishAlone(needId, locale);
    } finally {
      try {
        leases.release(lease, holder);
      } catch (RuntimeException releaseFailed) {
        // The publication's outcome stands; the lease lapses by itself.
        org.slf4j.LoggerFactory.getLogger(NeedBoard.class).warn("Releasing a publication lease failed: {}",
            releaseFailed.getClass().getSimpleName());
      }
    }
  }

  private PublishNeedPayload publishAlone(String needId, Locale locale) {
    Evaluation evaluation = evaluate(needId, locale);
    if (!evaluation.errors().isEmpty()) {
      return new PublishNeedPayload(null, null, evaluation.errors(), evaluation.findings());
    }
    LocalDate today = files.today();
    Need published = mongo.findAndModify(query(where("_id").is(needId).and("status").is(NeedStatus.DRAFT)),
        new Update().set("status", NeedStatus.PUBLISHED).set("profile", evaluation.shown())
            .set("condition", evaluation.condition().orElse(null))
            .set("generalisations", evaluation.steps()).set("publishedAt", clock.instant())
            .set("publishedMonth", YearMonth.from(today).toString())
            .set("consentValidUntil", evaluation.consent().validUntil()),
        FindAndModifyOptions.options().returnNew(true), Need.class);
    if (published == null) {
      return new PublishNeedPayload(null, null, List.of(messages.userError("NOT_A_DRAFT", "needId", locale)),
          List.of());
    }
    return new PublishNeedPayload(StaffNeed.of(published, files.today()), PublicNeed.of(published), List.of(), List.of());
  }

  /** Runs every publication rule on a draft and says what publishing would do; changes nothing. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayloads.CheckNeedPublicationPayload check(String needId, Locale locale) {
    Evaluation evaluation = evaluate(needId, locale);
    PublicNeed preview = null;
    if (evaluation.errors().isEmpty()) {
      Need need = evaluation.need();
      preview = new PublicNeed(need.publicId(), need.category(), need.title(), need.description(), need.urgency(),
          need.deadlineMonth(), evaluation.shown().ageBand(), evaluation.shown().sex(),
          evaluation.shown().townshipId(), evaluation.condition().orElse(null), need.amountYuan(), need.goods(), need.serviceHours(),
          YearMonth.from(files.today()).toString(), false);
    }
    return new NeedPayloads.CheckNeedPublicationPayload(preview, evaluation.steps(), evaluation.errors(),
        evaluation.findings());
  }

  /** What the publication rules say about a need today. */
  private record Evaluation(Need need, Consent consent, PublicProfile shown, Optional<PublicCondition> condition,
      List<Generalisation> steps, List<UserError> errors, List<TextFinding> findings) {
  }

  private Evaluation evaluate(String needId, Locale locale) {
    Need need = mongo.findById(needId, Need.class);
    if (need == null) {
      return new Evaluation(null, null, null, Optional.empty(), List.of(),
          List.of(messages.userError("NEED_NOT_FOUND", "needId", locale)), List.of());
    }
    CaseFile file = files.read(need.caseFileId(), EnumSet.allOf(FieldGroup.class));
    if (need.status() != NeedStatus.DRAFT) {
      return new Evaluation(need, null, null, Optional.empty(), List.of(),
          List.of(messages.userError("NOT_A_DRAFT", "needId", locale)), List.of());
    }
    LocalDate today = files.today();
    List<UserError> errors = new ArrayList<>();
    if (file.draft()) {
      // An unconfirmed file from the one door may be made up; nothing of it goes public until staff confirm it.
      errors.add(messages.userError("FILE_NOT_CONFIRMED", "needId", locale));
    }
    Consent consent = file.currentConsent(today).orElse(null);
    if (consent == null) {
      errors.add(messages.userError("CONSENT_MISSING", null, locale));
    }
    PublicProfile exact = new PublicProfile(AgeBand.fineBandOf(file.birthDate(), today), file.sex(),
        file.townshipId());
    Cause revealed = need.category().revealedCause(need.placement());
    RegisterCounts register = new RegisterCounts(census, today);
    // Whoever links the child's needs knows what all of them show: the class is counted over all of it.
    List<Need> others = mongo.find(query(where("caseFileId").is(need.caseFileId()).and("publishedAt").ne(null)
        .and("_id").ne(need.id())), Need.class);
    Revealed prior = Revealed.nothing();
    for (Need other : others) {
      prior = prior.and(other);
    }
    Revealed known = prior;
    AnonymityDecision decision = kAnonymity.decide(exact, revealed,
        (profile, cause) -> register.size(known.and(profile, today, cause)));
    List<Generalisation> steps = List.of();
    PublicProfile shown;
    switch (decision) {
      case AnonymityDecision.Publishable publishable -> {
        shown = publishable.profile();
        steps = publishable.steps();
      }
      case AnonymityDecision.Withheld withheld -> {
        boolean aloneItWouldPass = !others.isEmpty() && kAnonymity.decide(exact, revealed, register)
            instanceof AnonymityDecision.Publishable;
        errors.add(messages.userError(aloneItWouldPass ? "LINKED_CLASS_TOO_SMALL" : "CLASS_TOO_SMALL", null, locale,
            withheld.k(), withheld.classSize(), others.size()));
        shown = withheld.coarsest();
      }
    }
    Optional<PublicCondition> condition = Optional.empty();
    Condition fileCondition = file.condition();
    if (revealed == Cause.DISABILITY_ILLNESS && fileCondition != null) {
      Revealed withShown = known.and(shown, today, revealed);
      condition = conditionDisclosure.disclosed(fileCondition,
          fileCondition.type() == null ? 0
              : register.size(withShown.withCondition(fileCondition.category(), fileCondition.type())),
          register.size(withShown.withCondition(fileCondition.category(), null)));
    }
    List<TextGuard.Token> tokens = new ArrayList<>(facts(file, shown).tokens());
    tokens.addAll(conditionDisclosure.hiddenTokens(fileCondition, condition));
    List<TextGuard.Finding> found = textGuard.check(publicText(need), tokens);
    if (!found.isEmpty()) {
      errors.add(messages.userError("TEXT_IDENTIFIES_CHILD", "description", locale));
    }
    List<TextFinding> findings = found.stream().map(TextFinding::of)
        .toList();
    return new Evaluation(need, consent, shown, condition, steps, errors, findings);
  }

  /**
   * Staff keeping the child's file: what the text guard finds in text about the child meant for someone outside —
   * a thank-you note to a donor — with the file's names, places and numbers, the condition's name, and the shapes of
   * ID numbers, phones and dates. The file read is audited; nothing found means the text may go out.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public List<TextFinding> guardText(String caseFileId, Map<String, String> texts) {
    CaseFile file = files.read(caseFileId, EnumSet.allOf(FieldGroup.class));
    PublicProfile cityWide = new PublicProfile(AgeBand.fineBandOf(file.birthDate(), files.today()), file.sex(), null);
    List<TextGuard.Token> tokens = new ArrayList<>(facts(file, cityWide).tokens());
    tokens.addAll(conditionDisclosure.hiddenTokens(file.condition(), Optional.empty()));
    return textGuard.check(texts, tokens).stream().map(TextFinding::of)
        .toList();
  }

  /** Withdraws a need of a file in the caller's scope. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayload withdraw(String needId, Locale locale) {
    Need need = mongo.findById(needId, Need.class);
    if (need == null) {
      return new NeedPayload(null, List.of(messages.userError("NEED_NOT_FOUND", "needId", locale)));
    }
    files.read(need.caseFileId(), EnumSet.of(FieldGroup.RECORD));
    Need withdrawn = mongo.findAndModify(query(where("_id").is(needId).and("status").ne(NeedStatus.WITHDRAWN)),
        new Update().set("status", NeedStatus.WITHDRAWN), FindAndModifyOptions.options().returnNew(true), Need.class);
    if (withdrawn == null) {
      return new NeedPayload(null, List.of(messages.userError("ALREADY_WITHDRAWN", "needId", locale)));
    }
    return new NeedPayload(StaffNeed.of(withdrawn, files.today()), List.of());
  }

  /** Records a guardian's consent on a file. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayloads.RecordConsentPayload recordConsent(NeedInputs.RecordConsentInput input, Locale locale) {
    var result = files.recordConsent(input.caseFileId(), input.givenBy(), input.relationship(), input.validUntil(),
        locale);
    return new NeedPayloads.RecordConsentPayload(result.consentId(), result.errors());
  }

  /** Withdraws a consent and, at once, every published need of the child. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public NeedPayloads.WithdrawConsentPayload withdrawConsent(NeedInputs.WithdrawConsentInput input, Locale locale) {
    if (!files.withdrawConsent(input.caseFileId(), input.consentId())) {
      return new NeedPayloads.WithdrawConsentPayload(0,
          List.of(messages.userError("CONSENT_NOT_FOUND", "consentId", locale)));
    }
    long withdrawn = mongo.updateMulti(
        query(where("caseFileId").is(input.caseFileId()).and("status").is(NeedStatus.PUBLISHED)),
        new Update().set("status", NeedStatus.WITHDRAWN), Need.class).getModifiedCount();
    return new NeedPayloads.WithdrawConsentPayload((int) withdrawn, List.of());
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

  /** Public: one published (or fulfilled) need by its public id, while its consent holds. */
  @PreAuthorize(Roles.PUBLIC)
  public PublicNeed publicNeed(String publicId) {
    Need need = mongo.findOne(new Query(new Criteria().orOperator(visible(), fulfilled())).addCriteria(
        where("publicId").is(publicId)), Need.class);
    return need == null ? null : PublicNeed.of(need);
  }

  /**
   * Public: a page of the board, most urgent first, then by month of publication (the earliest first), then by the
   * random public id; keyset paging with sealed cursors that hold nothing finer than the month.
   */
  @PreAuthorize(Roles.PUBLIC)
  public Connection<PublicNeed> board(NeedFilter filter, Integer first, String after) {
    PageSize size = limits.pageSize(first);
    Criteria criteria = filter != null && Boolean.TRUE.equals(filter.fulfilled()) ? fulfilled() : visible();
    if (filter != null) {
      if (filter.category() != null) {
        criteria = criteria.and("category").is(filter.category());
      }
      if (filter.townshipId() != null) {
        criteria = criteria.and("profile.townshipId").is(filter.townshipId());
      }
      if (filter.ageBand() != null) {
        criteria = criteria.and("profile.ageBand").is(filter.ageBand());
      }
      if (filter.urgency() != null) {
        criteria = criteria.and("urgency").is(filter.urgency());
      }
    }
    Query page = new Query(criteria);
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 3);
      long rank = Cursors.number(key[0]);
      String month = Cursors.month(key[1]);
      page.addCriteria(new Criteria().orOperator(
          where("urgencyRank").gt(rank),
          where("urgencyRank").is(rank).and("publishedMonth").gt(month),
          where("urgencyRank").is(rank).and("publishedMonth").is(month).and("publicId").gt(key[2])));
    }
    // Within a month, by the random public id: needs published for one child in one sitting are not neighbours.
    page.with(Sort.by("urgencyRank", "publishedMonth", "publicId")).limit(size.value() + 1);
    return Connection.of(mongo.find(page, Need.class), size,
        n -> Cursors.encode(n.urgencyRank(), n.publishedMonth(), n.publicId()), PublicNeed::of);
  }

  private Criteria visible() {
    return Needs.onBoardCriteria(files.today());
  }

  /** Needs whose help was confirmed, shown (still anonymous) while their consent holds. */
  private Criteria fulfilled() {
    return where("status").is(NeedStatus.FULFILLED).and("consentValidUntil").gte(files.today());
  }

  private static Map<String, String> publicText(Need need) {
    Map<String, String> text = new LinkedHashMap<>();
    text.put("title", need.title());
    text.put("description", need.description());
    need.goods().forEach(g -> text.merge("goods", g, (a, b) -> a + "\n" + b));
    return text;
  }

  private IdentifyingFacts facts(CaseFile file, PublicProfile shown) {
    Village village = file.villageId() == null ? null
        : geography.villagesById(List.of(file.villageId())).get(file.villageId());
    List<String> guardians = new ArrayList<>(file.consents().stream().map(Consent::givenBy).toList());
    List<String> phones = new ArrayList<>();
    if (file.guardianship() != null) {
      file.guardianship().guardians().forEach(g -> {
        guardians.add(g.name());
        phones.add(g.phone());
      });
    }
    String address = (file.householdRegistration() == null ? "" : file.householdRegistration() + " ")
        + (file.address() == null ? "" : file.address());
    if (shown.townshipId() == null) {
      // The location was raised to the city: the township's name must not give it back.
      Township township = geography.townshipsById(List.of(file.townshipId())).get(file.townshipId());
      address = (township == null ? "" : township.name()) + " " + address;
    }
    List<String> publicPlaces = new ArrayList<>();
    if (shown.townshipId() != null) {
      // The need shows its township: its name in the household registration gives nothing away.
      Township township = geography.townshipsById(List.of(shown.townshipId())).get(shown.townshipId());
      if (township != null) {
        publicPlaces.add(township.name());
      }
    }
    return new IdentifyingFacts(file.name(), guardians.stream().distinct().toList(),
        village == null ? null : village.name(), address,
        file.schooling() == null ? null : file.schooling().school(), file.nationalId(),
        phones.stream().filter(java.util.Objects::nonNull).distinct().toList(), file.birthDate(), publicPlaces);
  }

  private String newPublicId() {
    char[] id = new char[12];
    for (int i = 0; i < id.length; i++) {
      id[i] = PUBLIC_ID_ALPHABET[random.nextInt(PUBLIC_ID_ALPHABET.length)];
    }
    return new String(id);
  }
}
