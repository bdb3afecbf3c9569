package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onedoor.backend.casefiles.ChildFacts;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.needs.NeedId;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.needs.NeedStatus;
import org.onedoor.backend.needs.StaffNeed;
import org.onedoor.backend.platform.CityTime;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Suggestions: the best offers for one need, the best needs for one offer. A need's candidates are the open offers
 * of its category and fitting kinds ({@link OpenOffers}, a copy kept in step with the store); an offer's are the
 * open needs of its categories from the store; the rest of {@link Compatibility} runs in memory, and only what passes
 * is scored ({@link Scoring}). Civil-affairs staff read the suggestions; the child's facts the
 * engine uses (township, age, sex) are logged as read for them.
 */
@Service
public class Matcher {

  static final String CONFLICTS = "conflicts_of_interest";
  static final String RECORDS = "offerer_records";
  /** Who reads a child's facts when the engine checks a pledge: no person, so no person is logged. */
  static final Caller SYSTEM = new Caller("system:matching", "匹配", List.of(), null, null, null);

  private final MongoTemplate mongo;
  private final Needs needs;
  private final ChildFacts childFacts;
  private final MatchingSettings settings;
  private final Scoring scoring;
  private final Clock clock;
  private final OpenOffers openOffers;

  Matcher(MongoTemplate mongo, Needs needs, ChildFacts childFacts, MatchingSettings settings, Clock clock,
      OpenOffers openOffers) {
    this.openOffers = openOffers;
    this.mongo = mongo;
    this.needs = needs;
    this.childFacts = childFacts;
    this.settings = settings;
    this.scoring = new Scoring(settings);
    this.clock = clock;
  }

  /**
   * A scored candidate.
   *
   * @param need the need
   * @param offer the offer
   * @param score its score with the reasons
   */
  public record Suggestion(StaffNeed need, Offer offer, Score score) {
  }

  /** Civil affairs: the offers that can meet a need, best first. */
  @PreAuthorize(Roles.MATCHERS)
  public List<Suggestion> forNeed(String needId, int first) {
    Need need = needs.byId(NeedId.of(needId)).orElse(null);
    if (need == null) {
      return List.of();
    }
    LocalDate today = today();
    NeedFacts facts = facts(List.of(need), today).get(need.id());
    if (facts == null || !facts.open()) {
      return List.of();
    }
    Set<OfferKind> kinds = Compatibility.kindsFor(facts);
    OpenOffers.View view = openOffers.current();
    List<Offer> candidates = view.serving(need.category()).stream().filter(o -> kinds.contains(o.kind())).toList();
    return rank(List.of(facts), Map.of(need.id(), need), candidates, view, today, first);
  }

  /** Civil affairs: the open needs an offer can meet, best first. */
  @PreAuthorize(Roles.MATCHERS)
  public List<Suggestion> forOffer(String offerId, int first) {
    Offer offer = offerId == null ? null : mongo.findById(offerId, Offer.class);
    if (offer == null) {
      return List.of();
    }
    LocalDate today = today();
    List<Need> onBoard = needs.onBoard(today, offer.categories(), offer.kind() == OfferKind.PLACEMENT);
    Map<String, NeedFacts> facts = facts(onBoard, today);
    Map<String, Need> byId = new HashMap<>();
    onBoard.forEach(n -> byId.put(n.id(), n));
    return rank(List.copyOf(facts.values()), byId, List.of(offer), openOffers.current(), today, first);
  }

  /** A candidate that passed the hard constraints, with its bare total. */
  private record Candidate(NeedFacts need, Offer offer, double total) {
  }

  /**
   * Checks every pair, totals those that pass, and explains only the first few: the reasons are built for what staff
   * will see, not for every candidate.
   */
  private List<Suggestion> rank(List<NeedFacts> needs, Map<String, Need> byId, List<Offer> offers,
      OpenOffers.View view, LocalDate today, int first) {
    Distances distances = view.distances();
    Set<String> files = new HashSet<>();
    needs.forEach(n -> files.add(n.caseFileId()));
    Set<String> conflicts = conflicts(files);
    Instant now = clock.instant();
    List<Candidate> passed = new ArrayList<>();
    for (NeedFacts need : needs) {
      for (Offer offer : offers) {
        boolean conflict = !conflicts.isEmpty() && conflicts.contains(need.caseFileId() + "|" + offererKey(offer));
        if (Compatibility.check(need, offer, today, distances, conflict, settings.placementRadiusKm()).isEmpty()) {
          passed.add(new Candidate(need, offer, scoring.total(need, offer, now, distances, view.recordOf(offer))));
        }
      }
    }
    passed.sort(Comparator.comparingDouble((Candidate c) -> -c.total())
        .thenComparing(c -> c.offer().createdAt()).thenComparing(c -> c.need().needId()));
    List<Suggestion> ranked = new ArrayList<>();
    for (Candidate candidate : passed.subList(0, Math.min(first, passed.size()))) {
      ranked.add(new Suggestion(StaffNeed.of(byId.get(candidate.need().needId()), today), candidate.offer(),
          scoring.score(candidate.need(), candidate.offer(), now, distances, view.recordOf(candidate.offer()))));
    }
    return List.copyOf(ranked);
  }

  /** The matching's view of needs for the caller (one query, logged as their read). */
  Map<String, NeedFacts> facts(Collection<Need> needs, LocalDate today) {
    return facts(needs, today, Caller.current().orElseThrow());
  }

  /** The matching's view of needs: open or not, and the child's township, age and sex (one query, logged). */
  Map<String, NeedFacts> facts(Collection<Need> needs, LocalDate today, Caller reader) {
    Map<String, ChildFacts.Facts> children = childFacts.of(needs.stream().map(Need::caseFileId).distinct().toList(),
        reader);
    Map<String, NeedFacts> facts = new HashMap<>();
    for (Need need : needs) {
      ChildFacts.Facts child = children.get(need.caseFileId());
      if (child == null) {
        continue;
      }
      boolean open = StaffNeed.of(need, today).status() == NeedStatus.PUBLISHED;
      facts.put(need.id(), new NeedFacts(need.id(), need.caseFileId(), open, need.category(), need.urgency(),
          need.placement(), need.amountYuan(), need.goods(), need.serviceHours(), need.publishedAt(),
          child.townshipId(), child.age(), child.sex()));
    }
    return facts;
  }

  /** "fileId|offererKey" for every conflict of interest recorded for these files. */
  private Set<String> conflicts(Collection<String> fileIds) {
    Set<String> pairs = new HashSet<>();
    mongo.find(query(where("caseFileId").in(fileIds)), org.bson.Document.class, CONFLICTS)
        .forEach(d -> pairs.add(d.getString("caseFileId") + "|" + d.getString("offerer")));
    return pairs;
  }

  /** Whom a record and a conflict of interest are about: the offerer's account, or the anonymous offer itself. */
  static String offererKey(Offer offer) {
    return offer.offerer() != null ? "account:" + offer.offerer() : "offer:" + offer.id();
  }

  private LocalDate today() {
    return CityTime.today(clock);
  }
}
