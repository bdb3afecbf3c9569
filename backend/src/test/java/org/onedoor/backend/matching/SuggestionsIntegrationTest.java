package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.identity.Roles;
import org.onedoor.backend.intake.HandlingTask;
import org.onedoor.backend.intake.Intake;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedStatus;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestChildren;
import org.onedoor.backend.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** Suggestions through the API: only what passes the hard constraints, best first, with reasons; civil affairs only. */
@IntegrationTest
class SuggestionsIntegrationTest {

  static final String OFFERS_FOR_NEED = """
      query($id: ID!) { offersForNeed(needId: $id) { score offer { id amountYuan township { name } }
        need { id status } factors { factor value weight reason } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @BeforeEach
  void clean() {
    for (Class<?> type : List.of(Offer.class, Intake.class, HandlingTask.class, Need.class, CaseFile.class)) {
      mongo.remove(new Query(), type);
    }
    mongo.remove(new Query(), Matcher.CONFLICTS);
    mongo.remove(new Query(), "rate_limits");
  }

  GraphQlHttp civil() {
    return GraphQlHttp.at(port).withToken(tokens.token("civil-match", "民政 李强", List.of(Roles.CIVIL_AFFAIRS),
        Map.of()));
  }

  GraphQlHttp township() {
    return GraphQlHttp.at(port).withToken(tokens.token("township-match", "乡镇 赵磊", List.of(Roles.TOWNSHIP_STAFF),
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

  /** A need published for the file (publication itself is tested with the needs). */
  String publishedNeed(String fileId, NeedCategory category, Urgency urgency, boolean placement, Integer amount,
      int daysWaiting) {
    Instant published = Instant.now().minus(Duration.ofDays(daysWaiting));
    Need need = new Need(UUID.randomUUID().toString(), UUID.randomUUID().toString(), fileId, NeedStatus.PUBLISHED,
        category, "帮助孩子", "需要帮助", urgency, urgency.ordinal(), null, amount, List.of(), null, placement, null, null,
        List.of(), published, published.toString().substring(0, 7),
        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6), published);
    mongo.insert(need);
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

  @Test
  void the_offers_for_a_need_pass_every_hard_constraint_and_come_best_first_with_reasons() {
    String file = child("林小满");
    String need = publishedNeed(file, NeedCategory.MEDICAL, Urgency.CRITICAL, false, 10000, 30);
    String near = offer(GraphQlHttp.at(port), money(8000, "hulin-town", List.of("MEDICAL")));
    String far = offer(GraphQlHttp.at(port), money(3000, "hutou-town", List.of("MEDICAL", "EDUCATION")));
    offer(GraphQlHttp.at(port), money(9000, "hulin-town", List.of("EDUCATION")));
    String withdrawn = offer(GraphQlHttp.at(port), money(9000, "hulin-town", List.of("MEDICAL")));
    mongo.updateFirst(query(where("_id").is(withdrawn)), new Update().set("status", OfferStatus.WITHDRAWN),
        Offer.class);
    String conflicted = offer(GraphQlHttp.at(port), money(9500, "hulin-town", List.of("MEDICAL")));
    var conflict = township().post("""
        mutation($input: RecordConflictOfInterestInput!) { recordConflictOfInterest(input: $input) {
          recorded errors { code } } }""", Map.of("input", Map.of("caseFileId", file, "offerId", conflicted,
        "reason", "捐赠人是孩子的亲属")));
    assertThat(conflict.data().path("recordConflictOfInterest").path("recorded").asBoolean()).as(conflict.body())
        .isTrue();

    var answer = civil().post(OFFERS_FOR_NEED, Map.of("id", need));

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
    String file = child("林小雨");
    String medical = publishedNeed(file, NeedCategory.MEDICAL, Urgency.HIGH, false, 5000, 3);
    String education = publishedNeed(child("林小雪"), NeedCategory.EDUCATION, Urgency.CRITICAL, false, 2000, 3);
    String expired = publishedNeed(child("林小雷"), NeedCategory.MEDICAL, Urgency.CRITICAL, false, 2000, 3);
    mongo.updateFirst(query(where("_id").is(expired)), new Update().set("consentValidUntil",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1)), Need.class);
    String offer = offer(GraphQlHttp.at(port), money(5000, null, List.of("MEDICAL")));

    var answer = civil().post("""
        query($id: ID!) { needsForOffer(offerId: $id) { score need { id } factors { reason } } }""",
        Map.of("id", offer));

    assertThat(answer.data().path("needsForOffer").findValuesAsString("id")).as(answer.body())
        .containsExactly(medical).doesNotContain(education, expired);
    assertThat(answer.data().path("needsForOffer").get(0).path("factors").findValuesAsString("reason"))
        .contains("全市范围均可", "可满足所需金额的100%");
  }

  @Test
  void only_civil_affairs_and_administrators_see_suggestions() {
    String need = publishedNeed(child("林小风"), NeedCategory.MEDICAL, Urgency.HIGH, false, 5000, 3);
    for (String role : List.of(Roles.TOWNSHIP_STAFF, Roles.SUPERVISOR, Roles.DEPARTMENT_STAFF, Roles.CHARITY,
        Roles.VOLUNTEER, Roles.FAMILY)) {
      var answer = GraphQlHttp.at(port).withToken(tokens.token("x-" + role, "x", List.of(role),
          Map.of("township", "hulin-town"))).post(OFFERS_FOR_NEED, Map.of("id", need));
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
    assertThat(GraphQlHttp.at(port).post(OFFERS_FOR_NEED, Map.of("id", need)).errors().get(0).path("extensions")
        .path("classification").asString()).isEqualTo("UNAUTHORIZED");
  }
}
