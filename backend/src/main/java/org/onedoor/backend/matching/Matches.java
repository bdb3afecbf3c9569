package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.needs.NeedId;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.needs.StaffNeed;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The approval workflow. A match is proposed (by the engine, staff or a pledge) and waits for civil affairs; a
 * placement with a family needs two different approvers and the family assessment they relied on. The final approval
 * takes, each with one conditional single-document update — never a lock in memory, never a multi-document
 * transaction — a unit of the offer's capacity ({@code allocated < capacity}), the need ({@code PUBLISHED →
 * MATCHED}), for a placement the child ({@code placements} keyed by the child's file: a second insert fails), and
 * the match itself ({@code PROPOSED} at the version read). When a later step fails the earlier ones are given back,
 * so under any interleaving an offer is never over-allocated and a child never placed twice; a request that loses a
 * race is refused with the reason. Every action is written to the match audit.
 *
 * <p>Why one class of about 300 lines: proposal, the two approvals and rejection are one state machine over one
 * document, and the compensating steps of final approval must sit beside the steps they give back.
 */
@Service
public class Matches {

  static final String PLACEMENTS = "placements";
  static final String AUDIT = "match_audit";

  private final MongoTemplate mongo;
  private final Needs needs;
  private final org.onedoor.backend.platform.events.DomainEvents events;
  private final Matcher matcher;
  private final Geography geography;
  private final MatchingSettings settings;
  private final Messages messages;
  private final Clock clock;
  private final OpenOffers openOffers;

  Matches(MongoTemplate mongo, Needs needs, Matcher matcher, Geography geography, MatchingSettings settings,
      Messages messages, Clock clock, OpenOffers openOffers,
      org.onedoor.backend.platform.events.DomainEvents events) {
    this.events = events;
    this.openOffers = openOffers;
    this.mongo = mongo;
    this.needs = needs;
    this.matcher = matcher;
    this.geography = geography;
    this.settings = settings;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The result of a change to a match.
   *
   * @param match the match after it; null when refused
   * @param errors why it was refused
   */
  record MatchPayload(Match match, List<UserError> errors) {
  }

  /** Civil affairs: proposes an offer for a need; refused when a hard constraint excludes the pair. */
  @PreAuthorize(Roles.MATCHERS)
  public MatchPayload propose(NeedId needId, OfferId offerId, Locale locale) {
    return propose(needId, offerId, MatchOrigin.STAFF, Caller.current().orElseThrow().subject(), locale);
  }

  /** Proposes a pair after checking every hard constraint (for staff, the engine and pledges). */
  MatchPayload propose(NeedId needId, OfferId offerId, MatchOrigin origin, String proposer, Locale locale) {
    return propose(needId, offerId, origin, proposer, origin == MatchOrigin.PLEDGE ? Matcher.SYSTEM
        : Caller.current().orElseThrow(), locale);
  }

  private MatchPayload propose(NeedId needId, OfferId offerId, MatchOrigin origin, String proposer, Caller reader,
      Locale locale) {
    Need need = needs.byId(needId).orElse(null);
    Offer offer = offerId == null ? null : mongo.findById(offerId.value(), Offer.class);
    if (need == null) {
      return refused("NEED_NOT_FOUND", "needId", locale);
    }
    if (offer == null) {
      return refused("OFFER_NOT_FOUND", "offerId", locale);
    }
    LocalDate today = CityTime.today(clock);
    NeedFacts facts = matcher.facts(List.of(need), today, reader).get(need.id());
    boolean conflict = mongo.exists(query(where("caseFileId").is(need.caseFileId())
        .and("offerer").is(Matcher.offererKey(offer))), Matcher.CONFLICTS);
    Distances distances = new Distances(geography.townships());
    Optional<Exclusion> excluded = facts == null ? Optional.of(Exclusion.NEED_NOT_OPEN)
        : Compatibility.check(facts, offer, today, distances, conflict, settings.placementRadiusKm());
    // A pledger learns nothing from a private exclusion (the child's exact age, sex or place; a conflict staff
    // recorded): the pledge waits like any other, and approval refuses it with the reason, for staff only.
    boolean heldForStaff = excluded.isPresent() && origin == MatchOrigin.PLEDGE
        && Compatibility.PRIVATE.contains(excluded.get());
    if (excluded.isPresent() && !heldForStaff) {
      return new MatchPayload(null, List.of(new UserError("NOT_COMPATIBLE", "offerId",
          messages.get("error.NOT_COMPATIBLE", locale, messages.get("exclusion." + excluded.get().name(), locale)))));
    }
    Double score = new Scoring(settings).score(facts, offer, clock.instant(), distances, FulfilmentRecord.NONE)
        .total();
    Match match = new Match(UUID.randomUUID().toString(), need.id(), offer.id(), need.caseFileId(),
        facts.townshipId(), Matcher.offererKey(offer), offer.kind(), origin, proposer, score, MatchStatus.PROPOSED,
        List.of(), null, null, clock.instant(), null, null, null, null, null, null, null, 0);
    try {
      mongo.insert(match);
    } catch (DuplicateKeyException exists) {
      return refused("MATCH_EXISTS", "offerId", locale);
    }
    audit(match.id(), "PROPOSED", proposer, heldForStaff
        ? Map.of("origin", origin.name(), "blockedBy", excluded.get().name()) : Map.of("origin", origin.name()));
    return new MatchPayload(match, List.of());
  }

  /**
   * Civil affairs: approves a proposed match. A placement's first approval records the family assessment and waits
   * for a second, different approver; the final approval takes the offer's capacity, the need and (a placement) the
   * child, or is refused with the reason (OFFER_FULL, OFFER_WITHDRAWN, NEED_ALREADY_MATCHED, CHILD_ALREADY_PLACED,
   * MATCH_NOT_PENDING, or CONFLICT_OF_INTEREST when staff recorded one after the proposal).
   */
  @PreAuthorize(Roles.MATCHERS)
  public MatchPayload approve(String matchId, String assessment, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    Match match = matchId == null ? null : mongo.findById(matchId, Match.class);
    if (match == null || match.status() != MatchStatus.PROPOSED) {
      return refused("MATCH_NOT_PENDING", "matchId", locale);
    }
    if (match.approvals().stream().anyMatch(a -> a.by().equals(caller.subject()))) {
      return refused("SAME_APPROVER", "matchId", locale);
    }
    if (mongo.exists(query(where("caseFileId").is(match.caseFileId()).and("offerer").is(match.offerer())),
        Matcher.CONFLICTS)) {
      return refusedAndAudited(match, "CONFLICT_OF_INTEREST", caller, locale);
    }
    Optional<Exclusion> ofChild = exclusionOfChild(match, caller);
    if (ofChild.isPresent()) {
      audit(match.id(), "APPROVAL_REFUSED", caller.subject(), Map.of("code", ofChild.get().name()));
      return new MatchPayload(null, List.of(new UserError("NOT_COMPATIBLE", "matchId",
          messages.get("error.NOT_COMPATIBLE", locale, messages.get("exclusion." + ofChild.get().name(), locale)))));
    }
    String relied = assessment == null || assessment.isBlank() ? match.assessment() : assessment.strip();
    if (match.kind() == OfferKind.PLACEMENT && (relied == null || relied.length() > 500)) {
      return refused("ASSESSMENT_REQUIRED", "assessment", locale);
    }
    Instant now = clock.instant();
    Match.Approval approval = new Match.Approval(caller.subject(), now);
    if (match.approvals().size() + 1 < match.approvalsNeeded()) {
      Match waiting = mongo.findAndModify(pending(match), new Update().push("approvals", approval)
              .set("assessment", relied).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
          Match.class);
      if (waiting == null) {
        return refused("MATCH_NOT_PENDING", "matchId", locale);
      }
      audit(match.id(), "FIRST_APPROVAL", caller.subject(), Map.of());
      return new MatchPayload(waiting, List.of());
    }
    return finalApproval(match, approval, relied, caller, locale);
  }

  private MatchPayload finalApproval(Match match, Match.Approval approval, String assessment, Caller caller,
      Locale locale) {
    Offer offer = mongo.findById(match.offerId(), Offer.class);
    if (offer == null || mongo.findAndModify(query(where("_id").is(offer.id()).and("status").is(OfferStatus.OPEN)
            .and("allocated").lt(offer.capacity())), new Update().inc("allocated", 1).inc("version", 1),
        Offer.class) == null) {
      Offer now = offer == null ? null : mongo.findById(offer.id(), Offer.class);
      return refusedAndAudited(match, now != null && now.status() == OfferStatus.WITHDRAWN ? "OFFER_WITHDRAWN"
          : "OFFER_FULL", caller, locale);
    }
    openOffers.changed();
    if (!needs.claimForMatch(new NeedId(match.needId()))) {
      releaseOffer(offer.id());
      return refusedAndAudited(match, "NEED_ALREADY_MATCHED", caller, locale);
    }
    if (match.kind() == OfferKind.PLACEMENT) {
      try {
        mongo.insert(new Document("_id", match.caseFileId()).append("matchId", match.id())
            .append("at", Date.from(clock.instant())), PLACEMENTS);
      } catch (DuplicateKeyException placed) {
        needs.releaseMatch(new NeedId(match.needId()));
        releaseOffer(offer.id());
        return refusedAndAudited(match, "CHILD_ALREADY_PLACED", caller, locale);
      }
    }
    Match approved = mongo.findAndModify(pending(match), new Update().push("approvals", approval)
            .set("assessment", assessment).set("status", MatchStatus.APPROVED).set("decidedAt", clock.instant())
            .inc("version", 1), FindAndModifyOptions.options().returnNew(true), Match.class);
    if (approved == null) {
      if (match.kind() == OfferKind.PLACEMENT) {
        mongo.remove(query(where("_id").is(match.caseFileId()).and("matchId").is(match.id())), PLACEMENTS);
      }
      needs.releaseMatch(new NeedId(match.needId()));
      releaseOffer(offer.id());
      return refusedAndAudited(match, "MATCH_NOT_PENDING", caller, locale);
    }
    audit(match.id(), "APPROVED", caller.subject(), Map.of());
    announce(approved, MatchingEvent.Stage.APPROVED);
    return new MatchPayload(approved, List.of());
  }

  /**
   * Tells a signed-in offerer (through notifications) how far their help has come; anonymous offerers follow their
   * receipt code instead. A failure to tell is the publisher's to count, never the match's to undo.
   */
  void announce(Match match, MatchingEvent.Stage stage) {
    if (match.offerer() == null || !match.offerer().startsWith("account:")) {
      return;
    }
    try {
      Offer offer = mongo.findById(match.offerId(), Offer.class);
      Need need = needs.byId(new NeedId(match.needId())).orElse(null);
      if (offer != null && need != null) {
        events.publish(new MatchingEvent.HelpProgressed(match.offerer().substring("account:".length()),
            offer.receiptCode(), need.category(), stage));
      }
    } catch (RuntimeException unread) {
      // The change is stored; the offerer still sees it in 我的帮扶. Only the notification is lost, and counted.
      org.slf4j.LoggerFactory.getLogger(Matches.class).warn("Help {} not announced for match {}: {}", stage,
          match.id(), unread.getClass().getSimpleName());
    }
  }

  /** Civil affairs: rejects a proposed match with the reason. */
  @PreAuthorize(Roles.MATCHERS)
  public MatchPayload reject(String matchId, String reason, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      return refused("REASON_REQUIRED", "reason", locale);
    }
    Match rejected = mongo.findAndModify(query(where("_id").is(matchId).and("status").is(MatchStatus.PROPOSED)),
        new Update().set("status", MatchStatus.REJECTED).set("reason", why).set("decidedAt", clock.instant())
            .inc("version", 1), FindAndModifyOptions.options().returnNew(true), Match.class);
    if (rejected == null) {
      return refused("MATCH_NOT_PENDING", "matchId", locale);
    }
    // The reason stays with the match, encrypted; the audit says who rejected it and when.
    audit(matchId, "REJECTED", caller.subject(), Map.of());
    return new MatchPayload(rejected, List.of());
  }

  /** Civil affairs: the matches waiting for a decision, oldest first, keyset paged. */
  @PreAuthorize(Roles.MATCHERS)
  public Connection<Match> pending(PageSize size, String after) {
    Query query = Cursors.pageByInstant(new Query(where("status").is(MatchStatus.PROPOSED)), "createdAt", false,
        after, size);
    return Connection.of(mongo.find(query, Match.class), size,
        m -> Cursors.encode(m.createdAt().toEpochMilli(), m.id()), m -> m);
  }

  /** The offers of matches, by id, in one query (for civil affairs and caseworkers reading those matches). */
  @PreAuthorize(Roles.CASEWORKERS)
  public Map<String, Offer> offersOf(List<String> offerIds) {
    Map<String, Offer> found = new HashMap<>();
    mongo.find(query(where("_id").in(offerIds)), Offer.class).forEach(o -> found.put(o.id(), o));
    return found;
  }

  /** The needs of matches as staff see them, by id, in one query (civil affairs and caseworkers reading them). */
  @PreAuthorize(Roles.CASEWORKERS)
  public Map<String, StaffNeed> needsOf(List<String> needIds) {
    LocalDate today = CityTime.today(clock);
    Map<String, StaffNeed> found = new HashMap<>();
    needs.byIds(needIds.stream().map(NeedId::new).toList())
        .forEach((id, need) -> found.put(id.value(), StaffNeed.of(need, today)));
    return found;
  }

  private static Query pending(Match match) {
    return query(where("_id").is(match.id()).and("status").is(MatchStatus.PROPOSED).and("version")
        .is(match.version()));
  }

  private void releaseOffer(String offerId) {
    mongo.updateFirst(query(where("_id").is(offerId).and("allocated").gt(0)),
        new Update().inc("allocated", -1).inc("version", 1), Offer.class);
    openOffers.changed();
  }

  /** A private exclusion of a pending pair (a pledge is held for staff rather than refused to the pledger). */
  private Optional<Exclusion> exclusionOfChild(Match match, Caller reader) {
    Need need = needs.byId(NeedId.of(match.needId())).orElse(null);
    Offer offer = mongo.findById(match.offerId(), Offer.class);
    if (need == null || offer == null) {
      return Optional.empty();
    }
    NeedFacts facts = matcher.facts(List.of(need), CityTime.today(clock), reader)
        .get(need.id());
    return facts == null ? Optional.empty() : Compatibility.ofChild(facts, offer,
        new Distances(geography.townships()), false, settings.placementRadiusKm());
  }

  private MatchPayload refusedAndAudited(Match match, String code, Caller caller, Locale locale) {
    audit(match.id(), "APPROVAL_REFUSED", caller.subject(), Map.of("code", code));
    return refused(code, "matchId", locale);
  }

  private MatchPayload refused(String code, String field, Locale locale) {
    return new MatchPayload(null, List.of(messages.userError(code, field, locale)));
  }

  void audit(String matchId, String action, String by, Map<String, String> detail) {
    mongo.insert(new Document("matchId", matchId).append("action", action).append("by", by)
        .append("at", Date.from(clock.instant())).append("detail", new Document(detail)), AUDIT);
  }

  /** The audit of some matches, oldest first (for the tests and the auditors' views). */
  List<Document> auditOf(String matchId) {
    return new ArrayList<>(mongo.find(query(where("matchId").is(matchId)).with(Sort.by("at")), Document.class,
        AUDIT));
  }
}
