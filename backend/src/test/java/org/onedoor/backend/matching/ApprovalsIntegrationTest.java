package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedStatus;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.support.AtOnce;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.schema.RoleNames;
import tools.jackson.databind.JsonNode;

/** The approval workflow under concurrency: capacity never over-allocated, a child never placed twice, four eyes. */
class ApprovalsIntegrationTest extends MatchingIntegrationTest {

  private static final String PROPOSE = """
      mutation($need: ID!, $offer: ID!) { proposeMatch(input: {needId: $need, offerId: $offer}) {
        match { id status approvalsNeeded } errors { code message } } }""";
  private static final String APPROVE = """
      mutation($id: ID!, $assessment: String) { approveMatch(input: {matchId: $id, assessment: $assessment}) {
        match { id status approvals { by } assessment } errors { code message } } }""";
  private static final String REJECT = """
      mutation($id: ID!, $reason: String!) { rejectMatch(input: {matchId: $id, reason: $reason}) {
        match { id status reason } errors { code } } }""";


  private GraphQlHttp approver(String subject) {
    return GraphQlHttp.at(port).withToken(tokens.token(subject, "民政 " + subject, List.of(RoleNames.CIVIL_AFFAIRS),
        Map.of()));
  }

  private String propose(String need, String offer) {
    var proposed = fixtures.civil().post(PROPOSE, Map.of("need", need, "offer", offer));
    String id = proposed.data().path("proposeMatch").path("match").path("id").asString();
    assertThat(id).as(proposed.body()).isNotBlank();
    return id;
  }

  private String familyOffer(int capacity) {
    GraphQlHttp family = GraphQlHttp.at(port).withToken(tokens.token("family-zhang", "张家", List.of(RoleNames.FAMILY),
        Map.of()));
    return fixtures.offer(family, Map.of("kind", "PLACEMENT", "townshipId", "hulin-town", "careKind", "FOSTER",
        "childAgeMin", 0, "childAgeMax", 17, "capacity", capacity));
  }

  @Test
  void a_conflict_of_interest_recorded_after_the_proposal_by_the_need_blocks_the_approval() {
    String offer = fixtures.offer(fixtures.charity(), MatchingFixtures.money(2000, null, List.of("MEDICAL")));
    String need = fixtures.publishedNeed(fixtures.child("欧阳小河"), NeedCategory.MEDICAL, Urgency.HIGH, false, 2000,
        5);
    String match = propose(need, offer);
    String record = """
        mutation($input: RecordConflictOfInterestInput!) { recordConflictOfInterest(input: $input) {
          recorded errors { code field } } }""";

    GraphQlHttp otherTownship = GraphQlHttp.at(port).withToken(tokens.token("township-hutou", "乡镇",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hutou-town")));
    var outside = otherTownship.post(record, Map.of("input", Map.of("needId", need, "offerId", offer, "reason",
        "捐赠人是孩子的舅舅")));
    assertThat(outside.data().path("recordConflictOfInterest").path("errors").get(0).path("code").asString())
        .as("not their child: as if there were none").isEqualTo("FILE_NOT_FOUND");
    var recorded = fixtures.civil().post(record, Map.of("input", Map.of("needId", need, "offerId", offer, "reason",
        "捐赠人是孩子的舅舅")));
    assertThat(recorded.data().path("recordConflictOfInterest").path("recorded").asBoolean()).as(recorded.body())
        .isTrue();
    assertThat(mongo.findAll(org.bson.Document.class, Matcher.CONFLICTS).toString()).as("encrypted at rest")
        .doesNotContain("舅舅");

    var approval = fixtures.civil().post(APPROVE, Map.of("id", match));

    assertThat(approval.data().path("approveMatch").path("errors").get(0).path("code").asString())
        .as(approval.body()).isEqualTo("CONFLICT_OF_INTEREST");
    assertThat(mongo.findById(match, Match.class).status()).isEqualTo(MatchStatus.PROPOSED);
    assertThat(mongo.findById(offer, Offer.class).allocated()).isZero();
    assertThat(fixtures.civil().post(SuggestionsIntegrationTest.OFFERS_FOR_NEED, Map.of("id", need)).data()
        .path("offersForNeed")).as("nor is the offer suggested for the child").isEmpty();
  }

  @Test
  void a_withdrawn_offer_is_suggested_no_more_and_its_waiting_proposal_is_withdrawn_with_it() {
    GraphQlHttp charity = fixtures.charity();
    String offer = fixtures.offer(charity, MatchingFixtures.money(2000, null, List.of("MEDICAL")));
    String need = fixtures.publishedNeed(fixtures.child("上官小云"), NeedCategory.MEDICAL, Urgency.HIGH, false, 2000,
        5);
    String match = propose(need, offer);
    String withdraw = """
        mutation($id: ID!) { withdrawOffer(input: {offerId: $id}) { offer { status } errors { code message } } }""";

    GraphQlHttp stranger = fixtures.as("charity-other", "别的公益", RoleNames.CHARITY);
    assertThat(stranger.post(withdraw, Map.of("id", offer)).data().path("withdrawOffer").path("errors").get(0)
        .path("code").asString()).as("someone else's offer").isEqualTo("OFFER_NOT_FOUND");
    var withdrawn = charity.post(withdraw, Map.of("id", offer));
    assertThat(withdrawn.data().path("withdrawOffer").path("offer").path("status").asString()).as(withdrawn.body())
        .isEqualTo("WITHDRAWN");
    assertThat(charity.post(withdraw, Map.of("id", offer)).data().path("withdrawOffer").path("errors").get(0)
        .path("code").asString()).as("twice").isEqualTo("OFFER_NOT_OPEN");
    var tracked = GraphQlHttp.at(port).post(
        "query($c: String!) { intakeStatus(receiptCode: $c) { status outcome } }",
        Map.of("c", mongo.findById(offer, Offer.class).receiptCode())).data().path("intakeStatus");
    assertThat(tracked.path("status").asString()).as("following it says withdrawn, not in handling")
        .isEqualTo("CLOSED");
    assertThat(tracked.path("outcome").asString()).contains("已撤回");

    var suggestions = fixtures.civil().post(SuggestionsIntegrationTest.OFFERS_FOR_NEED, Map.of("id", need));
    assertThat(suggestions.data().path("offersForNeed")).as(suggestions.body()).isEmpty();
    assertThat(mongo.findById(match, Match.class).status()).as("its waiting proposal closed with it")
        .isEqualTo(MatchStatus.WITHDRAWN);
    var approval = fixtures.civil().post(APPROVE, Map.of("id", match));
    JsonNode refused = approval.data().path("approveMatch").path("errors").get(0);
    assertThat(refused.path("code").asString()).as(approval.body()).isEqualTo("MATCH_NOT_PENDING");
    assertThat(mongo.findById(offer, Offer.class).allocated()).isZero();
  }

  @Test
  void of_fifty_concurrent_approvals_on_an_offer_of_capacity_three_exactly_three_win() throws Exception {
    Map<String, Object> money = MatchingFixtures.money(2000, null, List.of("MEDICAL"));
    money.put("capacity", 3);
    String offer = fixtures.offer(GraphQlHttp.at(port), money);
    List<String> matches = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String need = fixtures.publishedNeed(fixtures.child("孩子" + i), NeedCategory.MEDICAL, Urgency.HIGH, false,
          2000, i);
      matches.add(propose(need, offer));
    }

    List<Callable<JsonNode>> approvals = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      String match = matches.get(i);
      GraphQlHttp caller = approver("approver-" + i);
      approvals.add(() -> caller.post(APPROVE, Map.of("id", match)).data().path("approveMatch"));
    }
    List<JsonNode> answers = AtOnce.call(approvals);

    long approved = answers.stream().filter(a -> "APPROVED".equals(a.path("match").path("status").asString()))
        .count();
    List<String> refusals = answers.stream().filter(a -> a.path("match").isNull())
        .map(a -> a.path("errors").get(0).path("code").asString()).toList();
    assertThat(approved).isEqualTo(3);
    assertThat(refusals).hasSize(47).containsOnly("OFFER_FULL");
    assertThat(answers.stream().filter(a -> a.path("match").isNull()).findFirst().orElseThrow().path("errors")
        .get(0).path("message").asString()).isEqualTo("该帮扶提供的名额已用完，不能再批准。");
    assertThat(mongo.findById(offer, Offer.class).allocated()).isEqualTo(3);
    assertThat(mongo.count(query(where("status").is(NeedStatus.MATCHED)), Need.class)).isEqualTo(3);
    assertThat(mongo.count(query(where("status").is(MatchStatus.APPROVED)), Match.class)).isEqualTo(3);
  }

  @Test
  void a_placement_with_one_approver_is_not_final_and_needs_the_assessment_and_a_second_person() {
    String need = fixtures.publishedNeed(fixtures.child("周小北"), NeedCategory.GUARDIANSHIP_CARE, Urgency.CRITICAL,
        true, null, 5);
    String offer = familyOffer(1);
    String match = propose(need, offer);

    var withoutAssessment = approver("approver-a").post(APPROVE, Map.of("id", match));
    var first = approver("approver-a").post(APPROVE, Map.of("id", match, "assessment",
        "2026-11-20入户评估：住房、收入、监护能力合格"));
    var again = approver("approver-a").post(APPROVE, Map.of("id", match));

    assertThat(withoutAssessment.data().path("approveMatch").path("errors").get(0).path("code").asString())
        .isEqualTo("ASSESSMENT_REQUIRED");
    assertThat(first.data().path("approveMatch").path("match").path("status").asString()).as(first.body())
        .isEqualTo("PROPOSED");
    assertThat(again.data().path("approveMatch").path("errors").get(0).path("code").asString())
        .isEqualTo("SAME_APPROVER");
    assertThat(mongo.findById(offer, Offer.class).allocated()).as("not final: nothing taken").isZero();
    assertThat(mongo.findById(need, Need.class).status()).isEqualTo(NeedStatus.PUBLISHED);

    var second = approver("approver-b").post(APPROVE, Map.of("id", match));

    JsonNode approved = second.data().path("approveMatch").path("match");
    assertThat(approved.path("status").asString()).as(second.body()).isEqualTo("APPROVED");
    assertThat(approved.path("approvals").findValuesAsString("by")).containsExactly("approver-a", "approver-b");
    assertThat(approved.path("assessment").asString()).contains("入户评估");
    assertThat(mongo.findById(offer, Offer.class).allocated()).isEqualTo(1);
    assertThat(mongo.findById(need, Need.class).status()).isEqualTo(NeedStatus.MATCHED);
  }

  @Test
  void a_child_is_never_placed_twice_and_the_refused_approval_gives_back_what_it_took() {
    String child = fixtures.child("吴小冬");
    String firstNeed = fixtures.publishedNeed(child, NeedCategory.GUARDIANSHIP_CARE, Urgency.CRITICAL, true, null, 5);
    String secondNeed = fixtures.publishedNeed(child, NeedCategory.GUARDIANSHIP_CARE, Urgency.HIGH, true, null, 2);
    String offer = familyOffer(2);
    String first = propose(firstNeed, offer);
    String second = propose(secondNeed, offer);
    for (String match : List.of(first, second)) {
      approver("approver-a").post(APPROVE, Map.of("id", match, "assessment", "入户评估合格"));
    }

    var placed = approver("approver-b").post(APPROVE, Map.of("id", first));
    var twice = approver("approver-b").post(APPROVE, Map.of("id", second));

    assertThat(placed.data().path("approveMatch").path("match").path("status").asString()).isEqualTo("APPROVED");
    assertThat(twice.data().path("approveMatch").path("errors").get(0).path("code").asString())
        .isEqualTo("CHILD_ALREADY_PLACED");
    assertThat(mongo.findById(offer, Offer.class).allocated()).as("the refused one gave its place back")
        .isEqualTo(1);
    assertThat(mongo.findById(secondNeed, Need.class).status()).isEqualTo(NeedStatus.PUBLISHED);
    assertThat(mongo.findById(second, Match.class).status()).isEqualTo(MatchStatus.PROPOSED);
  }

  @Test
  void an_incompatible_pair_is_refused_with_the_reason_and_a_rejection_needs_one() {
    String need = fixtures.publishedNeed(fixtures.child("郑小秋"), NeedCategory.EDUCATION, Urgency.NORMAL, false, 800, 5);
    String medicalOnly = fixtures.offer(GraphQlHttp.at(port), MatchingFixtures.money(800, null, List.of("MEDICAL")));
    String education = fixtures.offer(GraphQlHttp.at(port), MatchingFixtures.money(800, null, List.of("EDUCATION")));

    var refused = fixtures.civil().inLanguage("en").post(PROPOSE, Map.of("need", need, "offer", medicalOnly));
    String match = propose(need, education);
    var duplicate = fixtures.civil().post(PROPOSE, Map.of("need", need, "offer", education));
    var noReason = fixtures.civil().post(REJECT, Map.of("id", match, "reason", " "));
    var rejected = fixtures.civil().post(REJECT, Map.of("id", match, "reason", "捐赠人已另行资助"));

    JsonNode error = refused.data().path("proposeMatch").path("errors").get(0);
    assertThat(error.path("code").asString()).isEqualTo("NOT_COMPATIBLE");
    assertThat(error.path("message").asString()).isEqualTo(
        "These cannot be matched: the offer does not serve this kind of need.");
    assertThat(duplicate.data().path("proposeMatch").path("errors").get(0).path("code").asString())
        .isEqualTo("MATCH_EXISTS");
    assertThat(noReason.data().path("rejectMatch").path("errors").get(0).path("code").asString())
        .isEqualTo("REASON_REQUIRED");
    assertThat(rejected.data().path("rejectMatch").path("match").path("status").asString()).isEqualTo("REJECTED");
    assertThat(mongo.find(query(where("matchId").is(match)), org.bson.Document.class, Matches.AUDIT))
        .extracting(d -> d.getString("action")).containsExactly("PROPOSED", "REJECTED");
    assertThat(mongo.find(query(where("_id").is(match)), org.bson.Document.class, "matches").toString()
        + mongo.find(query(where("matchId").is(match)), org.bson.Document.class, Matches.AUDIT))
        .as("the reason is encrypted with the match and not copied into the audit").doesNotContain("另行资助");
  }

  @Test
  void only_civil_affairs_propose_approve_and_reject_an_administrator_too_when_also_civil_affairs() {
    String need = fixtures.publishedNeed(fixtures.child("冯小夏"), NeedCategory.MEDICAL, Urgency.NORMAL, false, 800, 5);
    String offer = fixtures.offer(GraphQlHttp.at(port), MatchingFixtures.money(800, null, List.of("MEDICAL")));
    String match = propose(need, offer);
    for (String role : List.of(RoleNames.ADMIN, RoleNames.TOWNSHIP_STAFF, RoleNames.SUPERVISOR, RoleNames.DEPARTMENT_STAFF,
        RoleNames.CHARITY, RoleNames.VOLUNTEER, RoleNames.FAMILY)) {
      GraphQlHttp caller = GraphQlHttp.at(port).withToken(tokens.token("x-" + role, "x", List.of(role),
          Map.of("township", "hulin-town")));
      for (var answer : List.of(caller.post(APPROVE, Map.of("id", match)),
          caller.post(PROPOSE, Map.of("need", need, "offer", offer)),
          caller.post(REJECT, Map.of("id", match, "reason", "x")))) {
        assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
            .isEqualTo("FORBIDDEN");
      }
    }
    assertThat(mongo.findById(match, Match.class).status()).isEqualTo(MatchStatus.PROPOSED);
    var pending = fixtures.civil().post("{ pendingMatches { edges { node { id status need { id } offer { id } } } } }");
    assertThat(pending.data().path("pendingMatches").path("edges").findValuesAsString("id")).contains(match);
    var admin = GraphQlHttp.at(port).withToken(tokens.token("admin-x", "admin",
        List.of(RoleNames.ADMIN, RoleNames.CIVIL_AFFAIRS), Map.of()));
    assertThat(admin.post(APPROVE, Map.of("id", match)).data().path("approveMatch").path("match").path("status")
        .asString()).isEqualTo("APPROVED");
  }
}
