package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** Suggestions through the API: only what passes the hard constraints, best first, with reasons; civil affairs only. */
class SuggestionsIntegrationTest extends MatchingIntegrationTest {

  static final String OFFERS_FOR_NEED = """
      query($id: ID!) { offersForNeed(needId: $id) { score offer { id amountYuan township { name } }
        need { id status } factors { factor value weight reason } } }""";

  @Autowired
  private Geography geography;

  private GraphQlHttp anyone() {
    return GraphQlHttp.at(port);
  }

  private static Map<String, Object> money(int amount, String township, List<String> categories) {
    return MatchingFixtures.money(amount, township, categories);
  }

  @Test
  void the_offers_for_a_need_pass_every_hard_constraint_and_come_best_first_with_reasons() {
    String file = fixtures.child("林小满");
    String need = fixtures.publishedNeed(file, NeedCategory.MEDICAL, Urgency.CRITICAL, false, 10000, 30);
    String near = fixtures.offer(anyone(), money(8000, "hulin-town", List.of("MEDICAL")));
    String far = fixtures.offer(anyone(), money(3000, "hutou-town", List.of("MEDICAL", "EDUCATION")));
    fixtures.offer(anyone(), money(9000, "hulin-town", List.of("EDUCATION")));
    String withdrawn = fixtures.offer(anyone(), money(9000, "hulin-town", List.of("MEDICAL")));
    mongo.updateFirst(query(where("_id").is(withdrawn)), new Update().set("status", OfferStatus.WITHDRAWN),
        Offer.class);
    fixtures.offersChanged();
    String conflicted = fixtures.offer(anyone(), money(9500, "hulin-town", List.of("MEDICAL")));
    var conflict = fixtures.township().post("""
        mutation($input: RecordConflictOfInterestInput!) { recordConflictOfInterest(input: $input) {
          recorded errors { code } } }""", Map.of("input", Map.of("caseFileId", file, "offerId", conflicted,
        "reason", "捐赠人是孩子的亲属")));
    assertThat(conflict.data().path("recordConflictOfInterest").path("recorded").asBoolean()).as(conflict.body())
        .isTrue();

    var answer = fixtures.civil().post(OFFERS_FOR_NEED, Map.of("id", need));

    JsonNode suggestions = answer.data().path("offersForNeed");
    List<String> offers = new java.util.ArrayList<>();
    suggestions.forEach(s -> offers.add(s.path("offer").path("id").asString()));
    assertThat(offers).as(answer.body()).containsExactly(near, far);
    assertThat(suggestions.get(0).path("need").path("id").asString()).isEqualTo(need);
    assertThat(withdrawn).isNotIn(offers);
    assertThat(conflicted).isNotIn(offers);
    JsonNode best = suggestions.get(0);
    assertThat(best.path("score").asDouble()).isGreaterThan(suggestions.get(1).path("score").asDouble());
    assertThat(best.path("factors").findValuesAsString("reason")).contains("紧急程度：非常紧急", "已等待30天",
        "相距0.0公里", "可满足所需金额的80%", "专门支持医疗类需求", "暂无帮扶记录");
    assertThat(suggestions.get(1).path("factors").findValuesAsString("reason")).contains("可满足所需金额的30%",
        "相距61.3公里");
    assertThat(answer.body()).as("no child's identity in the answer").doesNotContain("林小满", "新华村");
    assertThat(mongo.count(query(where("fileId").is(file).and("actor").is("civil-match")), "file_access_log"))
        .as("the child's facts the engine used count as read").isPositive();
  }

  @Test
  void the_needs_for_an_offer_are_the_open_ones_it_can_meet() {
    String file = fixtures.child("林小雨");
    String medical = fixtures.publishedNeed(file, NeedCategory.MEDICAL, Urgency.HIGH, false, 5000, 3);
    String education = fixtures.publishedNeed(fixtures.child("林小雪"), NeedCategory.EDUCATION, Urgency.CRITICAL,
        false, 2000, 3);
    String expired = fixtures.publishedNeed(fixtures.child("林小雷"), NeedCategory.MEDICAL, Urgency.CRITICAL, false,
        2000, 3);
    mongo.updateFirst(query(where("_id").is(expired)), new Update().set("consentValidUntil",
        CityTime.today(java.time.Clock.systemUTC()).minusDays(1)), Need.class);
    board.resync();
    String offer = fixtures.offer(anyone(), money(5000, null, List.of("MEDICAL")));

    var answer = fixtures.civil().post("""
        query($id: ID!) { needsForOffer(offerId: $id) { score need { id } factors { reason } } }""",
        Map.of("id", offer));

    assertThat(answer.data().path("needsForOffer").findValuesAsString("id")).as(answer.body())
        .containsExactly(medical).doesNotContain(education, expired);
    assertThat(answer.data().path("needsForOffer").get(0).path("factors").findValuesAsString("reason"))
        .contains("全市范围均可", "可满足所需金额的100%");
  }

  @Test
  void only_civil_affairs_and_administrators_see_suggestions() {
    String need = fixtures.publishedNeed(fixtures.child("林小风"), NeedCategory.MEDICAL, Urgency.HIGH, false, 5000,
        3);
    for (String role : List.of(RoleNames.TOWNSHIP_STAFF, RoleNames.SUPERVISOR, RoleNames.DEPARTMENT_STAFF, RoleNames.CHARITY,
        RoleNames.VOLUNTEER, RoleNames.FAMILY)) {
      var answer = GraphQlHttp.at(port).withToken(tokens.token("x-" + role, "x", List.of(role),
          Map.of("township", "hulin-town"))).post(OFFERS_FOR_NEED, Map.of("id", need));
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
    assertThat(GraphQlHttp.at(port).post(OFFERS_FOR_NEED, Map.of("id", need)).errors().get(0).path("extensions")
        .path("classification").asString()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void the_open_offers_copy_of_each_instance_follows_every_write_in_the_store() {
    OpenOffers here = new OpenOffers(mongo, geography, java.time.Clock.systemUTC());
    OpenOffers there = new OpenOffers(mongo, geography, java.time.Clock.systemUTC());
    String first = fixtures.offer(anyone(), money(1000, null, List.of("LEGAL_AID")));
    assertThat(here.current().serving(NeedCategory.LEGAL_AID)).extracting(Offer::id).containsExactly(first);
    assertThat(here.current().distances().km("hulin-town", "hulin-town")).isZero();

    // Another instance fills the offer and says so through the store's counter.
    mongo.updateFirst(query(where("_id").is(first)), new Update().inc("allocated", 1), Offer.class);
    there.changed();
    String second = fixtures.offer(anyone(), money(1000, null, List.of("LEGAL_AID")));

    OpenOffers.View now = here.current();
    assertThat(now.serving(NeedCategory.LEGAL_AID)).extracting(Offer::id)
        .as("the full offer left, the new one came").containsExactly(second);
    Offer offer = now.serving(NeedCategory.LEGAL_AID).getFirst();
    assertThat(now.recordOf(offer)).isEqualTo(FulfilmentRecord.NONE);

    // A caseworker's confirmation elsewhere adds to the offerer's record: the copy follows that too.
    mongo.upsert(query(where("_id").is(Matcher.offererKey(offer))), new Update().inc("met", 1), Matcher.RECORDS);
    there.changed();
    assertThat(here.current().recordOf(offer)).isEqualTo(new FulfilmentRecord(1, 0, 0));
  }
}
