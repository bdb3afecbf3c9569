package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedStatus;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** A pledge through approval, delivery and confirmation, double-blind: the pledger never sees the child. */
class FulfilmentIntegrationTest extends MatchingIntegrationTest {

  private static final String PLEDGE = """
      mutation($input: PledgeOnNeedInput!) { pledgeOnNeed(input: $input) {
        pledge { id status origin need { publicId title status } } errors { code field message } } }""";
  private static final String MY_MATCHES = """
      { myMatches { edges { node { id status outcome thankYou need { publicId title category status } } } } }""";
  private static final String DELIVER = """
      mutation($id: ID!) { recordDelivery(input: {matchId: $id}) { match { status } errors { code } } }""";
  private static final String CONFIRM = """
      mutation($input: ConfirmFulfilmentInput!) { confirmFulfilment(input: $input) {
        match { status outcome thankYou } findings { rule text } errors { code message } } }""";


  @BeforeEach
  void clean() {
    mongo.remove(new Query(), Matcher.RECORDS);
  }

  private GraphQlHttp charity() {
    return fixtures.charity();
  }

  private Map<String, Object> pledge(String publicId, String key) {
    return Map.of("idempotencyKey", key, "needId", publicId, "kind", "MONEY", "amountYuan", 3000,
        "description", "愿孩子早日康复");
  }

  @Test
  void a_charitys_pledge_is_approved_delivered_and_confirmed_and_the_need_shows_fulfilled_without_the_child() {
    String file = fixtures.child("欧阳小雨");
    String needId = fixtures.publishedNeed(file, NeedCategory.MEDICAL, Urgency.HIGH, false, 3000, 10);
    String publicId = mongo.findById(needId, Need.class).publicId();
    String key = UUID.randomUUID().toString();

    var pledged = charity().post(PLEDGE, Map.of("input", pledge(publicId, key)));
    var again = charity().post(PLEDGE, Map.of("input", pledge(publicId, key)));

    JsonNode pledge = pledged.data().path("pledgeOnNeed").path("pledge");
    String match = pledge.path("id").asString();
    assertThat(pledge.path("status").asString()).as(pledged.body()).isEqualTo("PROPOSED");
    assertThat(pledge.path("origin").asString()).isEqualTo("PLEDGE");
    assertThat(again.data().path("pledgeOnNeed").path("pledge").path("id").asString()).isEqualTo(match);
    assertThat(mongo.count(new Query(), Offer.class)).as("one offer for the repeated pledge").isEqualTo(1);
    assertThat(mongo.count(query(where("actor").is("charity-sunshine")), "file_access_log"))
        .as("the pledger read nothing of the child").isZero();

    fixtures.civil().post("""
        mutation($id: ID!) { approveMatch(input: {matchId: $id}) { match { status } } }""", Map.of("id", match));
    GraphQlHttp otherTownship = GraphQlHttp.at(port).withToken(tokens.token("township-hutou", "乡镇",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hutou-town")));
    String casework = "{ caseworkMatches { edges { node { id status need { title } offer { amountYuan }"
        + " child { caseFileId name } } } } }";
    var ownList = fixtures.township().post(casework);
    assertThat(ownList.errors()).as(ownList.body()).isNullOrEmpty();
    assertThat(ownList.data().path("caseworkMatches").path("edges").findValuesAsString("id")).as(ownList.body())
        .containsExactly(match);
    assertThat(ownList.data().path("caseworkMatches").path("edges").get(0).path("node").path("child")
        .path("name").asString()).as("the caseworker sees which child the help is for").isNotBlank();
    assertThat(otherTownship.post(casework).data().path("caseworkMatches").path("edges")).isEmpty();
    assertThat(otherTownship.post(DELIVER, Map.of("id", match)).errors().get(0).path("extensions")
        .path("classification").asString()).isEqualTo("FORBIDDEN");
    var delivered = fixtures.township().post(DELIVER, Map.of("id", match));
    assertThat(delivered.data().path("recordDelivery").path("match").path("status").asString())
        .as(delivered.body()).isEqualTo("DELIVERED");
    String receipt = mongo.findOne(new Query(), Offer.class).receiptCode();
    List<String> told = new java.util.ArrayList<>();
    charity().post("{ myNotifications { edges { node { kind reference detail } } } }").data()
        .path("myNotifications").path("edges").forEach(edge -> {
          if (edge.path("node").path("reference").asString().equals(receipt)) {
            told.add(edge.path("node").path("kind").asString() + " " + edge.path("node").path("detail").asString());
          }
        });
    assertThat(told).as("the pledger hears of approval and delivery, by the offer's code and the need's category")
        .containsExactlyInAnyOrder("HELP_APPROVED MEDICAL", "HELP_DELIVERED MEDICAL");

    var naming = fixtures.township().post(CONFIRM, Map.of("input", Map.of("matchId", match, "outcome", "MET",
        "note", "已用于手术费", "thankYou", "欧阳小雨和家人感谢您的帮助！")));
    assertThat(naming.data().path("confirmFulfilment").path("errors").get(0).path("code").asString())
        .isEqualTo("THANK_YOU_IDENTIFIES_CHILD");
    assertThat(naming.data().path("confirmFulfilment").path("findings").findValuesAsString("rule"))
        .contains("CHILD_NAME");
    assertThat(mongo.findById(match, Match.class).status()).as("nothing changed").isEqualTo(MatchStatus.DELIVERED);

    var confirmed = fixtures.township().post(CONFIRM, Map.of("input", Map.of("matchId", match, "outcome", "MET",
        "note", "已用于手术费", "thankYou", "孩子的手术很成功，全家感谢您的帮助！")));
    assertThat(confirmed.data().path("confirmFulfilment").path("match").path("status").asString())
        .as(confirmed.body()).isEqualTo("CONFIRMED");
    assertThat(mongo.findById(needId, Need.class).status()).isEqualTo(NeedStatus.FULFILLED);

    var board = GraphQlHttp.at(port).post("""
        query($id: ID!) { need(id: $id) { id fulfilled }
          needs(filter: {fulfilled: true}) { edges { node { id fulfilled } } } }""", Map.of("id", publicId));
    assertThat(board.data().path("need").path("fulfilled").asBoolean()).as(board.body()).isTrue();
    assertThat(board.data().path("needs").path("edges").findValuesAsString("id")).containsExactly(publicId);

    var mine = charity().post(MY_MATCHES);
    JsonNode seen = mine.data().path("myMatches").path("edges").get(0).path("node");
    assertThat(seen.path("status").asString()).as(mine.body()).isEqualTo("CONFIRMED");
    assertThat(seen.path("outcome").asString()).isEqualTo("MET");
    assertThat(seen.path("thankYou").asString()).isEqualTo("孩子的手术很成功，全家感谢您的帮助！");
    assertThat(seen.path("need").path("status").asString()).isEqualTo("FULFILLED");
    assertThat(mine.body() + pledged.body()).as("the pledger never sees the child")
        .doesNotContain("欧阳小雨", "新华村", "李桂兰", file, "已用于手术费");
  }

  @Test
  void a_confirmed_outcome_enters_the_offerers_record_which_the_next_suggestions_weigh() {
    String first = fixtures.publishedNeed(fixtures.child("司马小溪"), NeedCategory.MEDICAL, Urgency.HIGH, false, 3000,
        10);
    var pledged = charity().post(PLEDGE, Map.of("input", pledge(mongo.findById(first, Need.class).publicId(),
        UUID.randomUUID().toString())));
    String match = pledged.data().path("pledgeOnNeed").path("pledge").path("id").asString();
    fixtures.civil().post("""
        mutation($id: ID!) { approveMatch(input: {matchId: $id}) { match { status } } }""", Map.of("id", match));
    fixtures.township().post(DELIVER, Map.of("id", match));
    fixtures.township().post(CONFIRM, Map.of("input", Map.of("matchId", match, "outcome", "PARTLY_MET")));
    String second = fixtures.publishedNeed(fixtures.child("司马小河"), NeedCategory.MEDICAL, Urgency.HIGH, false,
        3000, 10);
    fixtures.offer(charity(), MatchingFixtures.money(3000, null, List.of("MEDICAL")));

    var suggestions = fixtures.civil().post(SuggestionsIntegrationTest.OFFERS_FOR_NEED, Map.of("id", second));

    assertThat(suggestions.data().path("offersForNeed").get(0).path("factors").findValuesAsString("reason"))
        .as(suggestions.body()).contains("以往帮扶：完成0次，部分完成1次，未完成0次");
    assertThat(mongo.findById(first, Need.class).status()).as("partly met: not fulfilled")
        .isEqualTo(NeedStatus.MATCHED);
  }

  @Test
  void a_relative_whose_conflict_staff_recorded_sees_the_pledge_wait_like_any_other_and_staff_see_the_conflict() {
    String need = fixtures.publishedNeed(fixtures.child("上官小川"), NeedCategory.MEDICAL, Urgency.HIGH, false, 3000,
        10);
    String publicId = mongo.findById(need, Need.class).publicId();
    String earlier = charity().post(PLEDGE, Map.of("input", pledge(publicId, UUID.randomUUID().toString()))).data()
        .path("pledgeOnNeed").path("pledge").path("id").asString();
    var recorded = fixtures.civil().post("""
        mutation($input: RecordConflictOfInterestInput!) { recordConflictOfInterest(input: $input) {
          recorded errors { code } } }""", Map.of("input", Map.of("needId", need, "offerId",
        mongo.findById(earlier, Match.class).offerId(), "reason", "捐赠人是孩子的姑姑")));
    assertThat(recorded.data().path("recordConflictOfInterest").path("recorded").asBoolean()).as(recorded.body())
        .isTrue();
    fixtures.civil().post("""
        mutation($id: ID!) { rejectMatch(input: {matchId: $id, reason: "利益冲突"}) { errors { code } } }""",
        Map.of("id", earlier));

    var again = charity().post(PLEDGE, Map.of("input", pledge(publicId, UUID.randomUUID().toString())));

    assertThat(again.body()).as("the pledger cannot tell a held pledge from any other")
        .doesNotContain("冲突", "conflict", "CONFLICT", "NOT_COMPATIBLE");
    JsonNode pledge = again.data().path("pledgeOnNeed").path("pledge");
    assertThat(pledge.path("status").asString()).isEqualTo("PROPOSED");
    var approval = fixtures.civil().post("""
        mutation($id: ID!) { approveMatch(input: {matchId: $id}) { match { status } errors { code message } } }""",
        Map.of("id", pledge.path("id").asString()));
    assertThat(approval.data().path("approveMatch").path("errors").get(0).path("code").asString())
        .as("staff see the conflict").isEqualTo("CONFLICT_OF_INTEREST");
  }

  @Test
  void another_account_reusing_a_pledges_key_makes_its_own_pledge_and_never_receives_the_first() {
    String need = fixtures.publishedNeed(fixtures.child("诸葛小山"), NeedCategory.MEDICAL, Urgency.HIGH, false, 3000,
        10);
    String publicId = mongo.findById(need, Need.class).publicId();
    String key = UUID.randomUUID().toString();
    String first = charity().post(PLEDGE, Map.of("input", pledge(publicId, key))).data().path("pledgeOnNeed")
        .path("pledge").path("id").asString();

    var reused = fixtures.as("donor-curious", "好奇的人", RoleNames.CHARITY).post(PLEDGE,
        Map.of("input", pledge(publicId, key)));

    String second = reused.data().path("pledgeOnNeed").path("pledge").path("id").asString();
    assertThat(second).as(reused.body()).isNotBlank().isNotEqualTo(first);
    assertThat(mongo.findById(second, Match.class).offerer()).isEqualTo("account:donor-curious");
    assertThat(mongo.findById(first, Match.class).status()).as("the first pledge untouched")
        .isEqualTo(MatchStatus.PROPOSED);

    String otherNeed = fixtures.publishedNeed(fixtures.child("诸葛小水"), NeedCategory.MEDICAL, Urgency.HIGH, false,
        3000, 10);
    var sameKeyOtherNeed = charity().post(PLEDGE, Map.of("input",
        pledge(mongo.findById(otherNeed, Need.class).publicId(), key)));
    String third = sameKeyOtherNeed.data().path("pledgeOnNeed").path("pledge").path("id").asString();
    assertThat(third).as(sameKeyOtherNeed.body()).isNotBlank().isNotEqualTo(first);
    assertThat(mongo.findById(third, Match.class).needId()).isEqualTo(otherNeed);
    assertThat(mongo.findById(mongo.findById(first, Match.class).offerId(), Offer.class).status())
        .as("the first pledge's offer is not withdrawn by a pledge on another need").isEqualTo(OfferStatus.OPEN);
  }

  @Test
  void a_volunteer_pledges_tutoring_hours_on_an_education_need_in_the_township_the_need_shows() {
    String needId = fixtures.publishedNeed(fixtures.child("慕容小月"), NeedCategory.EDUCATION, Urgency.HIGH, false,
        null, 2);
    mongo.updateFirst(query(where("_id").is(needId)), new org.springframework.data.mongodb.core.query.Update()
        .set("serviceHours", 2).set("profile.townshipId", "hulin-town"), Need.class);
    String cityWide = fixtures.publishedNeed(fixtures.child("慕容小星"), NeedCategory.EDUCATION, Urgency.HIGH, false,
        null, 2);
    mongo.updateFirst(query(where("_id").is(cityWide)), new org.springframework.data.mongodb.core.query.Update()
        .set("serviceHours", 2), Need.class);
    board.resync();
    GraphQlHttp volunteer = fixtures.as("volunteer-tutor", "志愿者 李明", RoleNames.VOLUNTEER);
    Map<String, Object> tutoring = new HashMap<>(Map.of("kind", "SERVICE", "skill", "TUTORING", "hoursPerWeek", 2,
        "description", "每周六上午辅导数学"));

    tutoring.put("idempotencyKey", UUID.randomUUID().toString());
    tutoring.put("needId", mongo.findById(needId, Need.class).publicId());
    var pledged = volunteer.post(PLEDGE, Map.of("input", tutoring));

    assertThat(pledged.data().path("pledgeOnNeed").path("errors").size()).as(pledged.body()).isZero();
    assertThat(pledged.data().path("pledgeOnNeed").path("pledge").path("status").asString()).isEqualTo("PROPOSED");
    Offer offer = mongo.findOne(query(where("offerer").is("volunteer-tutor")), Offer.class);
    assertThat(offer.kind()).isEqualTo(OfferKind.SERVICE);
    assertThat(offer.townshipId()).as("where the need is shown").isEqualTo("hulin-town");
    assertThat(offer.hoursPerWeek()).isEqualTo(2);

    tutoring.put("idempotencyKey", UUID.randomUUID().toString());
    tutoring.put("needId", mongo.findById(cityWide, Need.class).publicId());
    var refused = volunteer.post(PLEDGE, Map.of("input", tutoring));
    assertThat(refused.data().path("pledgeOnNeed").path("errors").get(0).path("field").asString())
        .as("a need shown city-wide: the volunteer says where they serve").isEqualTo("townshipId");
    tutoring.put("townshipId", "hutou-town");
    var placed = volunteer.post(PLEDGE, Map.of("input", tutoring));
    assertThat(placed.data().path("pledgeOnNeed").path("errors").size()).as(placed.body()).isZero();
  }
}
