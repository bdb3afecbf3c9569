package org.onedoor.backend.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.identity.Account;
import org.onedoor.backend.registry.Volunteer;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.TestIntakes;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.OidcClient;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Sign-up, vetting and approval: an unapproved volunteer cannot get a token; an approved one signs in with the role. */
@IntegrationTest
class SignUpIntegrationTest {

  private static final String SIGN_UP = """
      mutation($input: SubmitSignUpInput!) { submitSignUp(input: $input) {
        receipt { code kind status emergency submittedOn nextStep departments { department status } outcome }
        errors { code field message } } }""";
  private static final String VET = """
      mutation($input: RecordVettingInput!) { recordVetting(input: $input) {
        intake { id status vetting { criminalRecordChecked safeguardingTrained vettedBy } } errors { code } } }""";
  private static final String DECIDE = """
      mutation($input: DecideSignUpInput!) { decideSignUp(input: $input) {
        intake { id status outcome } errors { code message } } }""";
  private static final String STATUS = """
      query($code: String!) { intakeStatus(receiptCode: $code) {
        code kind status emergency submittedOn nextStep departments { department status } outcome } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  /** Anonymous from this class's own client address: its anonymous allowance is no other test class's. */
  private GraphQlHttp anonymous() {
    return GraphQlHttp.at(port).forwardedFor("192.0.2.32");
  }

  private GraphQlHttp civil() {
    return GraphQlHttp.at(port).withToken(tokens.token("civil-signup", "民政", List.of(RoleNames.CIVIL_AFFAIRS), Map.of()));
  }

  private static Map<String, Object> volunteer(String username) {
    return TestIntakes.volunteer(UUID.randomUUID().toString(), username);
  }

  private String intakeId(String username) {
    return mongo.findOne(query(where("content.username").is(username)), Intake.class).id();
  }

  @Test
  void a_volunteer_signs_up_cannot_sign_in_until_vetted_and_approved_then_signs_in_as_volunteer() throws Exception {
    var submitted = anonymous().post(SIGN_UP, Map.of("input", volunteer("zhoumin")));
    String code = submitted.data().path("submitSignUp").path("receipt").path("code").asString();
    assertThat(code).as(submitted.body()).isNotBlank();
    JsonNode receipt = submitted.data().path("submitSignUp").path("receipt");
    assertThat(receipt.path("kind").asString()).isEqualTo("SIGN_UP");
    assertThat(receipt.path("status").asString()).isEqualTo("RECEIVED");
    assertThat(receipt.path("nextStep").asString()).contains("民政");
    assertThat(receipt.path("departments").findValuesAsString("department")).containsExactly("CIVIL_AFFAIRS");
    assertThat(receipt.path("outcome").isNull()).as("selected, and no outcome yet").isTrue();
    assertThat(submitted.body()).as("every field of the receipt and the errors")
        .doesNotContain("a-long-pass-phrase", "230381199001011237", "13604671111");
    assertThat(mongo.findById("zhoumin", Account.class).passwordHash()).startsWith("{bcrypt}");

    assertThat(new OidcClient(port).signIn("zhoumin", "a-long-pass-phrase")).as("not approved: no token").isEmpty();

    String intakeId = intakeId("zhoumin");
    civil().post(VET, Map.of("input", Map.of("intakeId", intakeId, "criminalRecordChecked", true)));
    var early = civil().post(DECIDE, Map.of("input", Map.of("intakeId", intakeId, "approve", true)));
    assertThat(early.data().path("decideSignUp").path("errors").get(0).path("code").asString())
        .isEqualTo("VETTING_INCOMPLETE");
    assertThat(new OidcClient(port).signIn("zhoumin", "a-long-pass-phrase")).isEmpty();

    var vetted = civil().post(VET, Map.of("input", Map.of("intakeId", intakeId, "criminalRecordChecked", true,
        "safeguardingTrained", true, "note", "证明已核验，培训已完成")));
    assertThat(vetted.data().path("recordVetting").path("intake").path("vetting").path("vettedBy").asString())
        .as(vetted.body()).isEqualTo("civil-signup");
    var approved = civil().post(DECIDE, Map.of("input", Map.of("intakeId", intakeId, "approve", true)));
    assertThat(approved.data().path("decideSignUp").path("intake").path("status").asString()).as(approved.body())
        .isEqualTo("CLOSED");

    JsonNode token = new OidcClient(port).signIn("zhoumin", "a-long-pass-phrase").orElseThrow();
    var me = GraphQlHttp.at(port).withToken(token.path("access_token").asString()).post(GraphQlHttp.document("me"));
    assertThat(me.data().path("me").path("roles").get(0).asString()).as(me.body()).isEqualTo("VOLUNTEER");
    // The name is encrypted at random in the register (never looked up): read back, not queried.
    assertThat(mongo.find(query(where("townshipId").is("yingchun-town")), Volunteer.class))
        .extracting(Volunteer::name).as("entered in the register").containsOnlyOnce("志愿者 周敏");
    JsonNode status = anonymous().post(STATUS, Map.of("code", code)).data().path("intakeStatus");
    assertThat(status.path("status").asString()).isEqualTo("CLOSED");
    assertThat(status.path("outcome").asString()).contains("已批准");
    var again = civil().post(DECIDE, Map.of("input", Map.of("intakeId", intakeId, "approve", false,
        "reason", "重复")));
    assertThat(again.data().path("decideSignUp").path("errors").get(0).path("code").asString())
        .isEqualTo("SIGN_UP_NOT_OPEN");
  }

  @Test
  void a_rejected_sign_up_gives_its_reason_and_the_account_never_signs_in() throws Exception {
    anonymous().post(SIGN_UP, Map.of("input", volunteer("lihua")));
    String intakeId = intakeId("lihua");

    var noReason = civil().post(DECIDE, Map.of("input", Map.of("intakeId", intakeId, "approve", false)));
    var rejected = civil().post(DECIDE, Map.of("input", Map.of("intakeId", intakeId, "approve", false,
        "reason", "未能提供无犯罪记录证明")));

    assertThat(noReason.data().path("decideSignUp").path("errors").get(0).path("code").asString())
        .isEqualTo("REASON_REQUIRED");
    assertThat(rejected.data().path("decideSignUp").path("intake").path("outcome").asString())
        .isEqualTo("未予批准。理由：未能提供无犯罪记录证明");
    assertThat(new OidcClient(port).signIn("lihua", "a-long-pass-phrase")).isEmpty();
  }

  @Test
  void a_password_too_long_for_bcrypt_too_common_or_holding_the_username_is_a_field_error_never_a_server_error() {
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("护".repeat(40), "72");          // 120 bytes: bcrypt reads 72
    refused.put("password1234", "常见");
    refused.put("2026woaini1314!", "常见");
    refused.put("xiaoming-2026-pass", "用户名");

    refused.forEach((password, says) -> {
      Map<String, Object> input = volunteer("xiaoming");
      input.put("password", password);
      var answer = anonymous().post(SIGN_UP, Map.of("input", input));
      assertThat(answer.errors()).as(answer.body()).isEmpty();
      JsonNode error = answer.data().path("submitSignUp").path("errors").get(0);
      assertThat(error.path("field").asString()).as(password).isEqualTo("password");
      assertThat(error.path("message").asString()).as(password).contains(says);
    });
    assertThat(mongo.findById("xiaoming", Account.class)).isNull();
  }

  @Test
  void whether_a_username_is_taken_is_told_only_within_the_rate_limit() {
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "rate_limits");
    for (int i = 0; i < 10; i++) {
      anonymous().post(SIGN_UP, Map.of("input", volunteer("supervisor")));
    }

    var eleventh = anonymous().post(SIGN_UP, Map.of("input", volunteer("supervisor")));

    assertThat(eleventh.data().path("submitSignUp").path("errors").get(0).path("code").asString())
        .as("an enumeration is throttled like any submission").isEqualTo("RATE_LIMITED");
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "rate_limits");
  }

  @Test
  void a_taken_username_or_bad_input_is_refused_field_by_field_and_nothing_is_stored() {
    long accounts = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Account.class);
    Map<String, Object> taken = volunteer("supervisor");
    Map<String, Object> bad = volunteer("X");
    bad.put("password", "short");
    bad.put("skills", List.of());
    bad.put("phone", "1");
    bad.put("nationalId", "230381201801011234");

    var refusedTaken = anonymous().post(SIGN_UP, Map.of("input", taken));
    var refusedBad = anonymous().inLanguage("en").post(SIGN_UP, Map.of("input", bad));

    assertThat(refusedTaken.data().path("submitSignUp").path("errors").get(0).path("code").asString())
        .isEqualTo("USERNAME_TAKEN");
    assertThat(refusedBad.data().path("submitSignUp").path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("username", "password", "phone", "skills", "nationalId");
    assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Account.class))
        .isEqualTo(accounts);
    assertThat(mongo.count(query(where("kind").is("SIGN_UP").and("content.username").in("supervisor", "x")),
        Intake.class)).isZero();
  }

  @Test
  void only_civil_affairs_and_administrators_vet_and_decide() {
    anonymous().post(SIGN_UP, Map.of("input", volunteer("wangqiang")));
    String intakeId = intakeId("wangqiang");
    for (String role : List.of(RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF, RoleNames.SUPERVISOR, RoleNames.VOLUNTEER,
        RoleNames.FAMILY, RoleNames.CHARITY)) {
      var answer = GraphQlHttp.at(port).withToken(tokens.token("x-" + role, "x", List.of(role),
          Map.of("township", "hulin-town", "department", "EDUCATION")))
          .post(DECIDE, Map.of("input", Map.of("intakeId", intakeId, "approve", false, "reason", "x")));
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void a_family_signs_up_with_household_home_income_experience_and_preferences_for_civil_affairs_to_assess() {
    Map<String, Object> family = new HashMap<>(Map.of("idempotencyKey", UUID.randomUUID().toString(),
        "kind", "FAMILY", "username", "familyzhang", "password", "a-long-pass-phrase", "displayName", "张家",
        "phone", "13604673333", "townshipId", "hulin-town", "offers", List.of("FOSTER"), "householdMembers", 4,
        "capacity", 1));
    family.putAll(Map.of("nationalId", "230381198512034567", "home", "三室一厅，孩子单独一间，离小学一公里",
        "monthlyIncomeYuan", 6500, "experience", "养育过两个孩子", "childAgeMin", 6, "childAgeMax", 12,
        "childSex", "FEMALE"));
    Map<String, Object> incomplete = new HashMap<>(family);
    incomplete.put("idempotencyKey", UUID.randomUUID().toString());
    incomplete.put("username", "familywang");
    incomplete.remove("home");
    incomplete.remove("monthlyIncomeYuan");
    incomplete.put("childAgeMin", 14);
    incomplete.put("childAgeMax", 3);

    var refused = anonymous().post(SIGN_UP, Map.of("input", incomplete));
    var submitted = anonymous().post(SIGN_UP, Map.of("input", family));

    assertThat(refused.data().path("submitSignUp").path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("home", "monthlyIncomeYuan", "childAgeMax");
    assertThat(submitted.data().path("submitSignUp").path("errors").isArray()).as(submitted.body()).isTrue();
    assertThat(submitted.data().path("submitSignUp").path("errors")).as(submitted.body()).isEmpty();
    var seen = civil().post("""
        { handlingTasks(first: 20) { edges { node { intake { content { ... on SignUp { username nationalId home
          monthlyIncomeYuan experience childAgeMin childAgeMax childSex offers } } } } } } }""");
    JsonNode content = null;
    for (JsonNode edge : seen.data().path("handlingTasks").path("edges")) {
      if ("familyzhang".equals(edge.path("node").path("intake").path("content").path("username").asString())) {
        content = edge.path("node").path("intake").path("content");
      }
    }
    assertThat(content).as(seen.body()).isNotNull();
    assertThat(content.path("nationalId").asString()).isEqualTo("230381198512034567");
    assertThat(content.path("home").asString()).contains("孩子单独一间");
    assertThat(content.path("monthlyIncomeYuan").asInt()).isEqualTo(6500);
    assertThat(content.path("childAgeMin").asInt()).isEqualTo(6);
    assertThat(content.path("childSex").asString()).isEqualTo("FEMALE");
    String code = submitted.data().path("submitSignUp").path("receipt").path("code").asString();
    var lookup = anonymous().post(STATUS, Map.of("code", code));
    JsonNode receipt = lookup.data().path("intakeStatus");
    assertThat(receipt.path("code").asString()).as(lookup.body()).isNotBlank().isEqualTo(code);
    assertThat(receipt.path("kind").asString()).isEqualTo("SIGN_UP");
    assertThat(receipt.path("status").asString()).isEqualTo("RECEIVED");
    assertThat(receipt.path("submittedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(receipt.path("nextStep").asString()).contains("民政");
    assertThat(receipt.path("departments").findValuesAsString("department")).containsExactly("CIVIL_AFFAIRS");
    assertThat(lookup.body()).as("every field of the public receipt")
        .doesNotContain("230381198512034567", "6500", "孩子单独一间", "familyzhang", "张家", "13604673333");
  }
}
