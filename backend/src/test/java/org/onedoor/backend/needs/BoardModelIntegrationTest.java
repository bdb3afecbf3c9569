package org.onedoor.backend.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.needs.NeedInputs.NeedFilter;
import org.onedoor.backend.needs.publication.AgeBand;
import org.onedoor.backend.needs.publication.PublicProfile;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The public board's in-memory model agrees with the store: random sequences of publications, withdrawals, matches,
 * given-back matches, fulfilments and consent withdrawals — some made here, some "on another instance" (written and
 * recorded in the store without telling this one, which finds them when it polls) — and after each round every filter
 * is walked page by page through the board's keyset cursors and compared with a direct store query, as are the need
 * by id and the counts by township and category.
 */
@IntegrationTest
class BoardModelIntegrationTest {

  private static final String[] TOWNSHIPS = {"hulin-town", "dongfanghong-town", "yingchun-town", null};

  @Autowired
  MongoTemplate mongo;

  @Autowired
  BoardModel model;

  @Autowired
  BoardChanges changes;

  @Autowired
  NeedBoard board;

  @Autowired
  Needs needs;

  private final List<Need> made = new ArrayList<>();

  @BeforeEach
  void empty() {
    mongo.remove(new Query(), Need.class);
    model.resync();
  }

  @Test
  void after_random_changes_every_filter_and_page_and_need_agrees_with_the_store() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 120; i++) {
      publish(random, true);
    }
    for (int round = 0; round < 4; round++) {
      for (int step = 0; step < 120; step++) {
        change(random);
      }
      model.poll(); // what "other instances" recorded
      compare("seed " + seed + ", round " + round);
    }
  }

  @Test
  void after_a_restore_takes_the_counter_back_the_board_reloads_by_itself() throws InterruptedException {
    Random random = new Random(3);
    for (int i = 0; i < 5; i++) {
      publish(random, true);
    }
    model.poll();
    // What restoring an older backup does: the counter and its records go back, and the needs differ.
    mongo.dropCollection(BoardChanges.COUNTER);
    mongo.dropCollection(BoardChanges.LOG);
    mongo.remove(new Query(), Need.class);
    made.clear();
    publish(random, false);
    Need restored = made.getFirst();
    mongo.updateFirst(query(where("_id").is(restored.id())), new Update().set("deadlineMonth", null)
        .set("consentValidUntil", model.today().plusYears(1)), Need.class);

    long started = System.nanoTime();
    while (!List.of(restored.publicId()).equals(walk(null))) {
      assertThat(System.nanoTime() - started).as("the board reloads within 10 s of the restore")
          .isLessThan(10_000_000_000L);
      model.poll(); // sees the counter below what it applied, and reloads beside the requests
      Thread.sleep(50);
    }
  }

  private void change(Random random) {
    Need need = made.get(random.nextInt(made.size()));
    NeedId id = new NeedId(need.id());
    switch (random.nextInt(9)) {
      case 0, 1 -> publish(random, random.nextBoolean());
      case 2 -> {
        mongo.updateFirst(query(where("_id").is(need.id()).and("status").ne(NeedStatus.WITHDRAWN)),
            new Update().set("status", NeedStatus.WITHDRAWN), Need.class);
        model.changed(List.of(need.id()));
      }
      case 3 -> needs.claimForMatch(id);
      case 4 -> needs.releaseMatch(id);
      case 5 -> needs.markFulfilled(id);
      case 6 -> board.withdrawNeedsOf(need.caseFileId());
      case 7 -> {
        // Another instance withdraws it: written and recorded in the store, not applied here.
        mongo.updateFirst(query(where("_id").is(need.id())), new Update().set("status", NeedStatus.WITHDRAWN),
            Need.class);
        changes.record(changes.count(), List.of(need.id()));
      }
      default -> {
        // Another instance matches and fulfils it.
        mongo.updateFirst(query(where("_id").is(need.id()).and("status").is(NeedStatus.PUBLISHED)),
            new Update().set("status", NeedStatus.FULFILLED), Need.class);
        changes.record(changes.count(), List.of(need.id()));
      }
    }
  }

  /** A need published with random public facts; here (applied at once) or on another instance (recorded only). */
  private void publish(Random random, boolean here) {
    LocalDate today = model.today();
    Urgency urgency = Urgency.values()[random.nextInt(Urgency.values().length)];
    YearMonth month = YearMonth.from(today).minusMonths(random.nextInt(4));
    String deadline = switch (random.nextInt(4)) {
      case 0 -> YearMonth.from(today).minusMonths(1).toString();
      case 1 -> YearMonth.from(today).toString();
      case 2 -> YearMonth.from(today).plusMonths(2).toString();
      default -> null;
    };
    LocalDate consent = switch (random.nextInt(5)) {
      case 0 -> today.minusDays(1);
      case 1 -> today;
      default -> today.plusDays(1 + random.nextInt(300));
    };
    Instant at = Instant.now();
    Need need = new Need(UUID.randomUUID().toString(), UUID.randomUUID().toString().substring(0, 12),
        "file-" + random.nextInt(30), NeedStatus.PUBLISHED,
        NeedCategory.values()[random.nextInt(NeedCategory.values().length)], "帮助", "需要帮助", urgency,
        urgency.ordinal(), deadline, 100, List.of(), null, false,
        new PublicProfile(AgeBand.values()[random.nextInt(AgeBand.values().length)], null,
            TOWNSHIPS[random.nextInt(TOWNSHIPS.length)]),
        null, List.of(), at, month.toString(), consent, at, 0);
    mongo.insert(need);
    made.add(need);
    if (here) {
      model.changed(List.of(need.id()));
    } else {
      changes.record(changes.count(), List.of(need.id()));
    }
  }

  private void compare(String context) {
    List<NeedFilter> filters = new ArrayList<>();
    filters.add(null);
    filters.add(new NeedFilter(null, null, null, null, true));
    for (NeedCategory category : NeedCategory.values()) {
      filters.add(new NeedFilter(category, null, null, null, null));
      filters.add(new NeedFilter(category, "hulin-town", null, null, true));
    }
    for (String township : TOWNSHIPS) {
      filters.add(new NeedFilter(null, township, null, null, null));
    }
    for (AgeBand band : AgeBand.values()) {
      filters.add(new NeedFilter(null, null, band, null, null));
    }
    for (Urgency urgency : Urgency.values()) {
      filters.add(new NeedFilter(NeedCategory.MEDICAL, "yingchun-town", null, urgency, null));
      filters.add(new NeedFilter(null, null, AgeBand.AGE_6_11, urgency, false));
    }
    int shown = 0;
    for (NeedFilter filter : filters) {
      List<String> expected = store(filter);
      assertThat(walk(filter)).as("%s, filter %s", context, filter).isEqualTo(expected);
      shown += expected.size();
    }
    assertThat(shown).as("%s: the board is not empty", context).isPositive();
    LocalDate today = model.today();
    for (Need need : made) {
      Need now = mongo.findById(need.id(), Need.class);
      boolean visible = mongo.exists(query(where("_id").is(need.id())).addCriteria(new Criteria().orOperator(
          Needs.onBoardCriteria(today), fulfilled(today))), Need.class);
      PublicNeed byId = board.publicNeed(now.publicId());
      assertThat(byId).as("%s, need %s (%s)", context, now.publicId(), now.status())
          .isEqualTo(visible ? PublicNeed.of(now) : null);
    }
    Map<String, Long> counts = new TreeMap<>();
    mongo.find(new Query(Needs.onBoardCriteria(today)), Need.class).forEach(n -> counts.merge(
        n.profile().townshipId() + "|" + n.category(), 1L, Long::sum));
    Map<String, Long> modelCounts = new TreeMap<>();
    model.index().openOn(today).forEach(e -> modelCounts.merge(e.shown().townshipId() + "|" + e.shown().category(),
        1L, Long::sum));
    assertThat(modelCounts).as(context).isEqualTo(counts);
  }

  /** The board walked page by page (7 a page) through its cursors. */
  private List<String> walk(NeedFilter filter) {
    List<String> ids = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 1000; page++) {
      Connection<PublicNeed> connection = board.board(filter, 7, after);
      connection.edges().forEach(e -> ids.add(e.node().id()));
      if (!connection.pageInfo().hasNextPage()) {
        return ids;
      }
      after = connection.pageInfo().endCursor();
    }
    throw new AssertionError("the walk does not end");
  }

  /** What the store says the board holds, in the board's order (the query the board ran before it had a model). */
  private List<String> store(NeedFilter filter) {
    LocalDate today = model.today();
    Criteria criteria = filter != null && Boolean.TRUE.equals(filter.fulfilled()) ? fulfilled(today)
        : Needs.onBoardCriteria(today);
    if (filter != null) {
      Map<String, Object> fields = new HashMap<>();
      fields.put("category", filter.category());
      fields.put("profile.townshipId", filter.townshipId());
      fields.put("profile.ageBand", filter.ageBand());
      fields.put("urgency", filter.urgency());
      for (var field : fields.entrySet()) {
        if (field.getValue() != null) {
          criteria = criteria.and(field.getKey()).is(field.getValue());
        }
      }
    }
    return mongo.find(new Query(criteria).with(Sort.by("urgencyRank", "publishedMonth", "publicId")), Need.class)
        .stream().map(Need::publicId).toList();
  }

  private static Criteria fulfilled(LocalDate today) {
    return where("status").is(NeedStatus.FULFILLED).and("consentValidUntil").gte(today);
  }
}
