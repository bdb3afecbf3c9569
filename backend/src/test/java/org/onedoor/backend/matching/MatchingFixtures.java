package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.intake.HandlingTask;
import org.onedoor.backend.intake.Intake;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedStatus;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.TestChildren;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Children, published needs and offers for the matching's integration tests, through the API where it has one. */
final class MatchingFixtures {

  final int port;
  final TestTokens tokens;
  final MongoTemplate mongo;

  private final org.onedoor.backend.needs.BoardModel board;

  MatchingFixtures(int port, TestTokens tokens, MongoTemplate mongo, org.onedoor.backend.needs.BoardModel board) {
    this.board = board;
    this.port = port;
    this.tokens = tokens;
    this.mongo = mongo;
  }

  /** Empties what the matching tests write. */
  void clean() {
    for (Class<?> type : List.of(Offer.class, Intake.class, HandlingTask.class, Need.class, CaseFile.class,
        Match.class)) {
      mongo.remove(new Query(), type);
    }
    for (String collection : List.of(Matcher.CONFLICTS, Matches.PLACEMENTS, Matches.AUDIT, "rate_limits")) {
      mongo.remove(new Query(), collection);
    }
    offersChanged();
    board.resync();
  }

  /** Tells the open offers' copies that offers changed behind the API's back (as the API does after its writes). */
  void offersChanged() {
    mongo.upsert(query(where("_id").is("offers")), new org.springframework.data.mongodb.core.query.Update()
        .inc("n", 1L), OpenOffers.STAMP);
  }

  GraphQlHttp civil() {
    return GraphQlHttp.at(port).withToken(tokens.token("civil-match", "民政 李强", List.of(RoleNames.CIVIL_AFFAIRS),
        Map.of()));
  }

  /** A charity: the pledger and offerer of these tests. */
  GraphQlHttp charity() {
    return as("charity-sunshine", "阳光公益", RoleNames.CHARITY);
  }

  /** Anyone with one role and no place. */
  GraphQlHttp as(String subject, String name, String role) {
    return GraphQlHttp.at(port).withToken(tokens.token(subject, name, List.of(role), Map.of()));
  }

  GraphQlHttp township() {
    return GraphQlHttp.at(port).withToken(tokens.token("township-match", "乡镇 赵磊", List.of(RoleNames.TOWNSHIP_STAFF),
        Map.of("township", "hulin-town")));
  }

  /** A child's file in Xinhua village, Hulin town (a girl of eight). */
  String child(String name) {
    Map<String, Object> input = new HashMap<>(TestChildren.fullChild());
    input.put("name", name);
    input.remove("supervisorId");
    var created = township().post(GraphQlHttp.document("createCaseFile"), Map.of("input", input));
    String id = created.data().path("createCaseFile").path("caseFile").path("id").asString();
    assertThat(id).as(created.body()).isNotBlank();
    return id;
  }

  /**
   * A need published for the file, as publication would leave it for a girl of eight (age band 6–11, sex and
   * township generalised away); publication itself is tested with the needs.
   */
  String publishedNeed(String fileId, NeedCategory category, Urgency urgency, boolean placement, Integer amount,
      int daysWaiting) {
    Instant published = Instant.now().minus(Duration.ofDays(daysWaiting));
    Need need = new Need(UUID.randomUUID().toString(), UUID.randomUUID().toString(), fileId, NeedStatus.PUBLISHED,
        category, "帮助孩子", "需要帮助", urgency, urgency.ordinal(), null, amount, List.of(), null, placement,
        new org.onedoor.backend.needs.publication.PublicProfile(
            org.onedoor.backend.needs.publication.AgeBand.AGE_6_11, null, null), null,
        List.of(), published, published.toString().substring(0, 7),
        CityTime.today(java.time.Clock.systemUTC()).plusMonths(6), published, 0);
    mongo.insert(need);
    board.resync(); // written behind the API's back: the public board reloads
    return need.id();
  }

  String offer(GraphQlHttp as, Map<String, Object> fields) {
    Map<String, Object> input = new HashMap<>(fields);
    input.put("idempotencyKey", UUID.randomUUID().toString());
    var submitted = as.post("""
        mutation($input: SubmitOfferInput!) { submitOffer(input: $input) { receipt { code } errors { code } } }""",
        Map.of("input", input));
    String code = submitted.data().path("submitOffer").path("receipt").path("code").asString();
    assertThat(code).as(submitted.body()).isNotBlank();
    return mongo.findOne(query(where("receiptCode").is(code)), Offer.class).id();
  }

  static Map<String, Object> money(int amount, String township, List<String> categories) {
    Map<String, Object> input = new HashMap<>(Map.of("kind", "MONEY", "categories", categories, "offererName",
        "王建国", "phone", "13812345678", "amountYuan", amount));
    if (township != null) {
      input.put("townshipId", township);
    }
    return input;
  }
}
