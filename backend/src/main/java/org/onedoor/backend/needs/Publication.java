package org.onedoor.backend.needs;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.CaseFileId;
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
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.platform.lease.Leases;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Publication of needs: a draft goes public only when the guardian's consent is current, the profile is k-anonymous
 * over everything the child's needs ever showed (generalised if need be) and the text guard finds nothing in it; the
 * same guard checks text about the child meant for someone outside (a thank-you note). One publication per child at
 * a time. See docs/decisions/003-anonymised-needs.md and 006-linked-needs.md.
 */
@Service
public class Publication {

  /** Longer than any publication takes; released at once when it ends. */
  private static final java.time.Duration PUBLICATION_LEASE = java.time.Duration.ofMinutes(2);

  private final MongoTemplate mongo;
  private final CaseFiles files;
  private final FileCensus census;
  private final Geography geography;
  private final Messages messages;
  private final KAnonymity kAnonymity;
  private final ConditionDisclosure conditionDisclosure;
  private final TextGuard textGuard = new TextGuard();
  private final Clock clock;
  private final Leases leases;
  private final BoardModel board;

  Publication(MongoTemplate mongo, CaseFiles files, FileCensus census, Geography geography, Messages messages,
      AnonymitySettings anonymity, Clock clock, Leases leases, BoardModel board) {
    this.board = board;
    this.mongo = mongo;
    this.files = files;
    this.census = census;
    this.geography = geography;
    this.messages = messages;
    this.kAnonymity = new KAnonymity(anonymity);
    this.conditionDisclosure = new ConditionDisclosure(anonymity);
    this.clock = clock;
    this.leases = leases;
  }

  /**
   * Publishes a draft when every rule holds; otherwise reports every reason at once (consent, anonymity, text),
   * with the exact text that triggered the guard.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public PublishNeedPayload publish(String needId, Locale locale) {
    return publish(needId, null, locale);
  }

  /**
   * Publishes a draft as it stood at the revision the caller checked ({@code expectedRevision}, or as it stands
   * when null): a draft changed since is refused as STALE_NEED, and so is one changed while this publication ran —
   * what goes public is exactly what the rules were run on.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public PublishNeedPayload publish(String needId, Integer expectedRevision, Locale locale) {
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
      return publishAlone(needId, expectedRevision, locale);
    } finally {
      try {
        leases.release(lease, holder);
      } catch (RuntimeException releaseFailed) {
        // The publication's outcome stands; the lease lapses by itself.
        org.slf4j.LoggerFactory.getLogger(Publication.class).warn("Releasing a publication lease failed: {}",
            releaseFailed.getClass().getSimpleName());
      }
    }
  }

  private PublishNeedPayload publishAlone(String needId, Integer expectedRevision, Locale locale) {
    Evaluation evaluation = evaluate(needId, locale);
    if (evaluation.need() != null && expectedRevision != null
        && evaluation.need().revision().intValue() != expectedRevision) {
      return new PublishNeedPayload(null, null, List.of(messages.userError("STALE_NEED", "needId", locale)),
          List.of());
    }
    if (!evaluation.errors().isEmpty()) {
      return new PublishNeedPayload(null, null, evaluation.errors(), evaluation.findings());
    }
    LocalDate today = files.today();
    int evaluated = evaluation.need().revision();
    // Only the revision the rules ran on goes public: a change that slipped in meanwhile is refused below.
    org.springframework.data.mongodb.core.query.Criteria atRevision = evaluated == 0
        ? new org.springframework.data.mongodb.core.query.Criteria().orOperator(where("revision").is(0),
            where("revision").exists(false))
        : where("revision").is(evaluated);
    Need published = mongo.findAndModify(query(where("_id").is(needId).and("status").is(NeedStatus.DRAFT))
            .addCriteria(atRevision),
        new Update().set("status", NeedStatus.PUBLISHED).set("profile", evaluation.shown())
            .set("condition", evaluation.condition().orElse(null))
            .set("generalisations", evaluation.steps()).set("publishedAt", clock.instant())
            .set("publishedMonth", YearMonth.from(today).toString())
            .set("consentValidUntil", evaluation.consent().validUntil()),
        FindAndModifyOptions.options().returnNew(true), Need.class);
    if (published == null) {
      Need now = mongo.findById(needId, Need.class);
      return new PublishNeedPayload(null, null, List.of(messages.userError(
          now != null && now.status() == NeedStatus.DRAFT ? "STALE_NEED" : "NOT_A_DRAFT", "needId", locale)),
          List.of());
    }
    boolean consentHolds;
    try {
      consentHolds = files.read(new CaseFileId(published.caseFileId()), EnumSet.of(FieldGroup.RECORD))
          .currentConsent(today).isPresent();
      if (!consentHolds) {
        // The consent was withdrawn while this publication ran: the need goes back off the board at once.
        mongo.updateFirst(query(where("_id").is(needId).and("status").is(NeedStatus.PUBLISHED)),
            new Update().set("status", NeedStatus.WITHDRAWN).set("consentValidUntil", today.minusDays(1)),
            Need.class);
      }
    } finally {
      board.changed(List.of(needId)); // whatever happened after the write, every instance re-reads the need
    }
    if (!consentHolds) {
      return new PublishNeedPayload(null, null, List.of(messages.userError("CONSENT_MISSING", null, locale)),
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
    CaseFile file = files.read(new CaseFileId(need.caseFileId()), EnumSet.allOf(FieldGroup.class));
    if (need.status() != NeedStatus.DRAFT) {
      return new Evaluation(need, null, null, Optional.empty(), List.of(),
          List.of(messages.userError("NOT_A_DRAFT", "needId", locale)), List.of());
    }
    LocalDate today = files.today();
    List<UserError> errors = new ArrayList<>();
    if (need.amountYuan() == null && need.goods().isEmpty() && need.serviceHours() == null && !need.placement()) {
      // A draft opened by an assessment asks for nothing until staff say what.
      errors.add(messages.userError("NOTHING_ASKED", null, locale));
    }
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
    CaseFile file = files.read(CaseFileId.of(caseFileId), EnumSet.allOf(FieldGroup.class));
    PublicProfile cityWide = new PublicProfile(AgeBand.fineBandOf(file.birthDate(), files.today()), file.sex(), null);
    List<TextGuard.Token> tokens = new ArrayList<>(facts(file, cityWide).tokens());
    tokens.addAll(conditionDisclosure.hiddenTokens(file.condition(), Optional.empty()));
    return textGuard.check(texts, tokens).stream().map(TextFinding::of)
        .toList();
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
}
