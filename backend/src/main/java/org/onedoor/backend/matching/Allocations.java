package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.lease.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Global allocation runs: civil affairs start one; it runs in the background on the instance that took the
 * allocation lease in MongoDB (one run at a time across instances), records its progress in the store for the portal
 * to show, and proposes its pairs as matches from the engine — each still waits for civil affairs' approval.
 */
@Service
class Allocations implements DisposableBean {

  static final String LEASE = "allocation";
  private static final Logger log = LoggerFactory.getLogger(Allocations.class);
  private static final Duration LEASE_TTL = Duration.ofMinutes(10);

  private final MongoTemplate mongo;
  private final Needs needs;
  private final Matcher matcher;
  private final Geography geography;
  private final Leases leases;
  private final MatchingSettings settings;
  private final OpenOffers openOffers;
  private final Clock clock;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(
      Thread.ofVirtual().name("allocation").factory());

  Allocations(MongoTemplate mongo, Needs needs, Matcher matcher, Geography geography, Leases leases,
      MatchingSettings settings, OpenOffers openOffers, Clock clock) {
    this.openOffers = openOffers;
    this.mongo = mongo;
    this.needs = needs;
    this.matcher = matcher;
    this.geography = geography;
    this.leases = leases;
    this.settings = settings;
    this.clock = clock;
  }

  /** Civil affairs: starts a run, or gives the one already running (anywhere). */
  @PreAuthorize(Roles.MATCHERS)
  public AllocationRun start() {
    Caller caller = Caller.current().orElseThrow();
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    if (!leases.acquire(LEASE, id, now, LEASE_TTL)) {
      AllocationRun running = latest();
      if (running != null) {
        return running;
      }
    }
    AllocationRun run = new AllocationRun(id, "RUNNING", caller.subject(), now, null, "LOADING", 0, 0, 0, 0, 0, 0, 0);
    mongo.insert(run);
    executor.submit(() -> execute(id));
    return run;
  }

  /** Civil affairs: the latest run, or null. */
  @PreAuthorize(Roles.MATCHERS)
  public AllocationRun latest() {
    return mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(1), AllocationRun.class);
  }

  void execute(String id) {
    try {
      LocalDate today = CityTime.today(clock);
      List<NeedFacts> facts = new ArrayList<>(matcher.facts(needs.onBoard(today), today, Matcher.SYSTEM).values());
      List<Offer> offers = mongo.find(query(where("status").is(OfferStatus.OPEN).and("validUntil").gte(today)),
          Offer.class).stream().filter(o -> o.remaining() > 0).toList();
      Set<String> files = new HashSet<>();
      facts.forEach(f -> files.add(f.caseFileId()));
      Set<String> conflicts = new HashSet<>();
      mongo.find(query(where("caseFileId").in(files)), org.bson.Document.class, Matcher.CONFLICTS)
          .forEach(d -> conflicts.add(d.getString("caseFileId") + "|" + d.getString("offerer")));
      Map<String, FulfilmentRecord> records = openOffers.records();
      update(id, new Update().set("phase", "ALLOCATING").set("needs", facts.size()).set("offers", offers.size())
          .set("progress", 5));
      int[] shown = {5};
      Allocator.Result result = new Allocator(settings).allocate(facts, offers, records, conflicts,
          new Distances(geography.townships()), clock.instant(), today, percent -> {
            int overall = 5 + percent * 85 / 100;
            if (overall >= shown[0] + 5) {
              shown[0] = overall;
              update(id, new Update().set("progress", overall));
              leases.acquire(LEASE, id, clock.instant(), LEASE_TTL);
            }
          });
      update(id, new Update().set("phase", "PROPOSING").set("progress", 90));
      int proposed = propose(result.pairs(), facts);
      mongo.insert(new org.bson.Document("matchId", null).append("action", "ENGINE_PROPOSED").append("by", "engine")
          .append("at", java.util.Date.from(clock.instant()))
          .append("detail", new org.bson.Document("run", id).append("proposed", proposed)), Matches.AUDIT);
      update(id, new Update().set("status", "DONE").set("phase", "DONE").set("progress", 100)
          .set("candidates", result.candidates()).set("proposed", proposed)
          .set("coveredUrgency", result.coveredUrgency()).set("totalUrgency", result.totalUrgency())
          .set("finishedAt", clock.instant()));
    } catch (RuntimeException failure) {
      log.error("Allocation run {} failed: {}", id, failure.getClass().getSimpleName());
      update(id, new Update().set("status", "FAILED").set("finishedAt", clock.instant()));
    } finally {
      leases.release(LEASE, id);
    }
  }

  /** Proposes the pairs as matches from the engine; a pair already proposed (or decided) is left as it is. */
  private int propose(List<Allocator.Pair> pairs, List<NeedFacts> facts) {
    if (pairs.isEmpty()) {
      return 0;
    }
    Map<String, NeedFacts> byNeed = new HashMap<>();
    facts.forEach(f -> byNeed.put(f.needId(), f));
    Map<String, Offer> offers = new HashMap<>();
    mongo.find(query(where("_id").in(pairs.stream().map(Allocator.Pair::offerId).distinct().toList())), Offer.class)
        .forEach(o -> offers.put(o.id(), o));
    Set<String> existing = new HashSet<>();
    Query already = query(where("needId").in(pairs.stream().map(Allocator.Pair::needId).toList()));
    already.fields().include("needId", "offerId");
    mongo.find(already, org.bson.Document.class, "matches")
        .forEach(d -> existing.add(d.getString("needId") + "|" + d.getString("offerId")));
    Instant now = clock.instant();
    BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Match.class);
    int fresh = 0;
    for (Allocator.Pair pair : pairs) {
      if (existing.contains(pair.needId() + "|" + pair.offerId())) {
        continue;
      }
      fresh++;
      NeedFacts need = byNeed.get(pair.needId());
      Offer offer = offers.get(pair.offerId());
      bulk.insert(new Match(UUID.randomUUID().toString(), pair.needId(), pair.offerId(), need.caseFileId(),
          need.townshipId(), Matcher.offererKey(offer), offer.kind(), MatchOrigin.ENGINE, "engine", pair.score(),
          MatchStatus.PROPOSED, List.of(), null, null, now, null, null, null, null, null, null, null, 0));
    }
    if (fresh == 0) {
      return 0;
    }
    try {
      return bulk.execute().getInsertedCount();
    } catch (org.springframework.data.mongodb.BulkOperationException partly) {
      // proposed meanwhile by someone else: the unique pair index kept the first
      return partly.getResult().getInsertedCount();
    }
  }

  private void update(String id, Update update) {
    mongo.updateFirst(query(where("_id").is(id)), update, AllocationRun.class);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
