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
import org.onedoor.backend.intake.HandlingTask;
import org.onedoor.backend.intake.Intake;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Offers of help through the one door: who may offer what, validation, receipts, idempotency, "my offers". */
@IntegrationTest
class OffersIntegrationTest {

  private static final String SUBMIT = """
      mutation($input: SubmitOfferInput!) { submitOffer(input: $input) {
        receipt { code kind status nextStep departments { department status } } errors { code field message } } }""";
  private static final String STATUS = """
      query($code: String!) { intakeStatus(receiptCode: $code) { code kind status nextStep outcome } }""";
  private static final String MINE = """
      { myOffers(first: 10) { edges { node { receiptCode offererKind kind categories township { name } capacity
        allocated careKind childAgeMin childAgeMax status validUntil } } } }""";
  private static final String QUEUE = """
      { handlingTasks(first: 10) { edges { node { department township { name } intake { kind township { name }
        content { __typename
        ... on OfferOfHelp { kind offererName phone } } } } } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @BeforeEach
  void clean() {
    mongo.remove(new Query(), Intake.class);
    mongo.remove(new Query(), HandlingTask.class);
    mongo.remove(new Query(), Offer.class);
    mongo.remove(new Query(), "rate_limits");
  }

  private GraphQlHttp as(String subject, String role) {
    return GraphQlHttp.at(port).withToken(tokens.token(subject, "爱心人士" + subject, List.of(role), Map.of()));
  }

  private static Map<String, Object> money(String key) {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", key);
    input.put("kind", "MONEY");
    input.put("categories", List.of("MEDICAL", "EDUCATION"));
    input.put("offererName", "王建国");
    input.put("phone", "13812345678");
    input.put("amountYuan", 5000);
    input.put("capacity", 2);
    return input;
  }

  private static Map<String, Object> placement(String key) {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", key);
    input.put("kind", "PLACEMENT");
    input.put("townshipId", "hulin-town");
    input.put("careKind", "FOSTER");
    input.put("childAgeMin", 3);
    input.put("childAgeMax", 10);
    input.put("capacity", 1);
    return input;
  }

  @Test
  void an_anonymous_donation_gets_a_receipt_and_a_civil_affairs_task_and_the_receipt_reveals_no_donor() {
    var submitted = GraphQlHttp.at(port).post(SUBMIT, Map.of("input", money(UUID.randomUUID().toString())));

    JsonNode receipt = submitted.data().path("submitOffer").path("receipt");
    assertThat(receipt.path("kind").asString()).as(submitted.body()).isEqualTo("OFFER");
    assertThat(receipt.path("departments").get(0).path("department").asString()).isEqualTo("CIVIL_AFFAIRS");
    Offer offer = mongo.findOne(query(where("receiptCode").is(receipt.path("code").asString())), Offer.class);
    assertThat(offer).isNotNull();
    assertThat(offer.offerer()).isNull();
    assertThat(offer.offererKind()).isEqualTo(OffererKind.DONOR);
    assertThat(offer.amountYuan()).isEqualTo(5000);
    assertThat(offer.capacity()).isEqualTo(2);
    assertThat(offer.remaining()).isEqualTo(2);
    assertThat(offer.status()).isEqualTo(OfferStatus.OPEN);

    var lookup = GraphQlHttp.at(port).post(STATUS, Map.of("code", receipt.path("code").asString()));
    assertThat(lookup.body()).contains("OFFER").doesNotContain("王建国", "13812345678", "5000");

    var queue = as("ca-1", RoleNames.CIVIL_AFFAIRS).post(QUEUE);
    JsonNode content = queue.data().path("handlingTasks").path("edges").get(0).path("node").path("intake")
        .path("content");
    assertThat(content.path("__typename").asString()).as(queue.body()).isEqualTo("OfferOfHelp");
    assertThat(content.path("offererName").asString()).isEqualTo("王建国");
    assertThat(content.path("phone").asString()).isEqualTo("13812345678");
    JsonNode task = queue.data().path("handlingTasks").path("edges").get(0).path("node");
    assertThat(task.path("township").isNull()).as("an offer for anywhere in the city has no township").isTrue();
    assertThat(task.path("intake").path("township").isNull()).isTrue();
  }

  @Test
  void bad_input_is_refused_field_by_field_in_the_callers_language_and_stores_nothing() {
    Map<String, Object> input = money(UUID.randomUUID().toString());
    input.put("amountYuan", 0);
    input.put("phone", "12");
    input.put("categories", List.of());
    input.put("validUntil", "2020-01-01");

    var refused = GraphQlHttp.at(port).inLanguage("en").post(SUBMIT, Map.of("input", input));

    JsonNode errors = refused.data().path("submitOffer").path("errors");
    assertThat(errors.findValuesAsString("field")).as(refused.body())
        .containsExactlyInAnyOrder("amountYuan", "phone", "categories", "validUntil");
    assertThat(errors.findValuesAsString("message")).contains("The amount must be a whole number of yuan from 1 to "
        + "10,000,000.");
    assertThat(mongo.count(new Query(), Offer.class)).isZero();
    assertThat(mongo.count(new Query(), Intake.class)).isZero();
    assertThat(mongo.count(new Query(), HandlingTask.class)).isZero();
  }

  @Test
  void a_placement_needs_an_approved_family_and_a_service_a_volunteer_or_an_organisation() {
    var anonymous = GraphQlHttp.at(port).post(SUBMIT, Map.of("input", placement(UUID.randomUUID().toString())));
    assertThat(anonymous.data().path("submitOffer").path("errors").findValuesAsString("code"))
        .contains("OFFER_KIND_NOT_ALLOWED");
    var charity = as("charity-1", RoleNames.CHARITY).post(SUBMIT, Map.of("input",
        placement(UUID.randomUUID().toString())));
    assertThat(charity.data().path("submitOffer").path("errors").findValuesAsString("code"))
        .containsExactly("OFFER_KIND_NOT_ALLOWED");
    Map<String, Object> service = new HashMap<>(Map.of("idempotencyKey", UUID.randomUUID().toString(),
        "kind", "SERVICE", "categories", List.of("EDUCATION"), "townshipId", "hulin-town", "skill", "TUTORING",
        "hoursPerWeek", 4));
    var donorService = as("citizen-1", RoleNames.FAMILY).post(SUBMIT, Map.of("input", service));
    assertThat(donorService.data().path("submitOffer").path("errors").findValuesAsString("code"))
        .containsExactly("OFFER_KIND_NOT_ALLOWED");
    service.put("idempotencyKey", UUID.randomUUID().toString());
    var volunteer = as("volunteer-1", RoleNames.VOLUNTEER).post(SUBMIT, Map.of("input", service));
    assertThat(volunteer.data().path("submitOffer").path("errors").size()).as(volunteer.body()).isZero();
    assertThat(mongo.count(new Query(), Offer.class)).isEqualTo(1);

    var family = as("family-1", RoleNames.FAMILY).post(SUBMIT, Map.of("input", placement(UUID.randomUUID().toString())));

    assertThat(family.data().path("submitOffer").path("errors").size()).as(family.body()).isZero();
    JsonNode mine = as("family-1", RoleNames.FAMILY).post(MINE).data().path("myOffers").path("edges");
    assertThat(mine.size()).isEqualTo(1);
    JsonNode offer = mine.get(0).path("node");
    assertThat(offer.path("offererKind").asString()).isEqualTo("FAMILY");
    assertThat(offer.path("kind").asString()).isEqualTo("PLACEMENT");
    assertThat(offer.path("categories").get(0).asString()).isEqualTo("GUARDIANSHIP_CARE");
    assertThat(offer.path("township").path("name").asString()).isEqualTo("虎林镇");
    assertThat(offer.path("careKind").asString()).isEqualTo("FOSTER");
    assertThat(offer.path("childAgeMin").asInt()).isEqualTo(3);
    assertThat(offer.path("childAgeMax").asInt()).isEqualTo(10);
    assertThat(offer.path("allocated").asInt()).isZero();
    assertThat(offer.path("validUntil").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(as("volunteer-1", RoleNames.VOLUNTEER).post(MINE).data().path("myOffers").path("edges").size())
        .isEqualTo(1);
    assertThat(as("someone-else", RoleNames.FAMILY).post(MINE).data().path("myOffers").path("edges").size()).isZero();
  }

  @Test
  void resubmitting_the_same_offer_creates_nothing_new() {
    String key = UUID.randomUUID().toString();
    var first = GraphQlHttp.at(port).post(SUBMIT, Map.of("input", money(key)));
    var again = GraphQlHttp.at(port).post(SUBMIT, Map.of("input", money(key)));

    assertThat(again.data().path("submitOffer").path("receipt").path("code").asString())
        .isEqualTo(first.data().path("submitOffer").path("receipt").path("code").asString());
    assertThat(mongo.count(new Query(), Offer.class)).isEqualTo(1);
    assertThat(mongo.count(new Query(), Intake.class)).isEqualTo(1);
    assertThat(mongo.count(new Query(), HandlingTask.class)).isEqualTo(1);
  }

  @Test
  void my_offers_are_paged_newest_first_by_keyset() {
    GraphQlHttp family = as("family-pages", RoleNames.FAMILY);
    for (int i = 0; i < 3; i++) {
      family.post(SUBMIT, Map.of("input", placement(UUID.randomUUID().toString())));
    }
    String page = "query($after: String) { myOffers(first: 2, after: $after) { edges { node { id createdAt } } "
        + "pageInfo { hasNextPage endCursor } } }";

    var first = family.post(page, new HashMap<>(Map.of()));
    Map<String, Object> next = new HashMap<>();
    next.put("after", first.data().path("myOffers").path("pageInfo").path("endCursor").asString());
    var second = family.post(page, next);

    List<String> ids = new java.util.ArrayList<>(first.data().path("myOffers").path("edges").findValuesAsString("id"));
    assertThat(first.data().path("myOffers").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
    ids.addAll(second.data().path("myOffers").path("edges").findValuesAsString("id"));
    assertThat(second.data().path("myOffers").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    List<String> times = new java.util.ArrayList<>(first.data().path("myOffers").path("edges")
        .findValuesAsString("createdAt"));
    times.addAll(second.data().path("myOffers").path("edges").findValuesAsString("createdAt"));
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void civil_affairs_list_the_open_offers_by_kind_and_page_without_any_offerer_name_or_phone() {
    GraphQlHttp.at(port).post(SUBMIT, Map.of("input", money(UUID.randomUUID().toString())));
    GraphQlHttp family = as("family-open", RoleNames.FAMILY);
    family.post(SUBMIT, Map.of("input", placement(UUID.randomUUID().toString())));
    family.post(SUBMIT, Map.of("input", placement(UUID.randomUUID().toString())));
    Offer withdrawn = mongo.findAll(Offer.class).stream().filter(o -> o.kind() == OfferKind.PLACEMENT).findFirst()
        .orElseThrow();
    family.post("mutation($id: ID!) { withdrawOffer(input: {offerId: $id}) { errors { code } } }",
        Map.of("id", withdrawn.id()));
    String open = """
        query($kind: OfferKind, $after: String) { openOffers(kind: $kind, first: 1, after: $after) {
          edges { node { id kind offererKind amountYuan status township { name } } }
          pageInfo { hasNextPage endCursor } } }""";
    GraphQlHttp civil = as("civil-open", RoleNames.CIVIL_AFFAIRS);

    var first = civil.post(open, new HashMap<>(Map.of()));
    Map<String, Object> next = new HashMap<>();
    next.put("after", first.data().path("openOffers").path("pageInfo").path("endCursor").asString());
    var second = civil.post(open, next);
    var placements = civil.post(open, new HashMap<>(Map.of("kind", "PLACEMENT")));

    List<String> seen = new java.util.ArrayList<>(first.data().path("openOffers").path("edges")
        .findValuesAsString("kind"));
    seen.addAll(second.data().path("openOffers").path("edges").findValuesAsString("kind"));
    assertThat(seen).as(first.body() + second.body()).containsExactly("PLACEMENT", "MONEY");
    assertThat(second.data().path("openOffers").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    assertThat(placements.data().path("openOffers").path("edges").findValuesAsString("id"))
        .as("the withdrawn one is not open").hasSize(1).doesNotContain(withdrawn.id());
    assertThat(first.body() + second.body()).doesNotContain("王建国", "13812345678");
    for (String role : List.of(RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF, RoleNames.CHARITY, RoleNames.VOLUNTEER,
        RoleNames.FAMILY, RoleNames.SUPERVISOR)) {
      assertThat(as("x-" + role, role).post(open, new HashMap<>(Map.of())).errors().get(0).path("extensions")
          .path("classification").asString()).as(role).isEqualTo("FORBIDDEN");
    }
  }
}
