package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.OidcClient;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 账号管理: administrators keep staff accounts; nobody else may; every change audited, never a password. */
@IntegrationTest
class StaffAccountsIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CREATE = """
      mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) {
        account { username displayName roles township { name } village { name } enabled mustChangePassword version
          history { actor action changes } }
        errors { code field message } } }""";
  private static final String UPDATE = """
      mutation($input: UpdateStaffAccountInput!) { updateStaffAccount(input: $input) {
        account { username displayName roles department version history { action changes } }
        errors { code field message } } }""";
  private static final String ENABLE = """
      mutation($input: SetStaffAccountEnabledInput!) { setStaffAccountEnabled(input: $input) {
        account { username enabled } errors { code field message } } }""";
  private static final String RESET = """
      mutation($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input) {
        account { username mustChangePassword history { action changes } } errors { code field message } } }""";
  private static final String LIST = """
      query($role: Role) { staffAccounts(role: $role, first: 50) { edges { node { username roles enabled } } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private GraphQlHttp admin() {
    return GraphQlHttp.at(port).withToken(tokens.token("admin", "系统管理员", List.of(RoleNames.ADMIN), Map.of()));
  }

  private static Map<String, Object> township(String username) {
    Map<String, Object> input = new HashMap<>();
    input.put("username", username);
    input.put("displayName", "虎头镇 李娜");
    input.put("roles", List.of("TOWNSHIP_STAFF"));
    input.put("townshipId", "hutou-town");
    input.put("initialPassword", "Hutou-Initial-2026");
    return input;
  }

  @Test
  void only_administrators_keep_staff_accounts() {
    for (String role : List.of(RoleNames.CIVIL_AFFAIRS, RoleNames.TOWNSHIP_STAFF, RoleNames.SUPERVISOR, RoleNames.DEPARTMENT_STAFF,
        RoleNames.CHARITY, RoleNames.VOLUNTEER, RoleNames.FAMILY)) {
      var caller = GraphQlHttp.at(port).withToken(tokens.token("x-" + role, role, List.of(role),
          Map.of("township", "hutou-town", "village", "hutou-town-hutou", "department", "EDUCATION")));
      for (var answer : List.of(caller.post(LIST, Map.of()), caller.post(CREATE, Map.of("input", township("by-" + role
          .toLowerCase().replace('_', '-')))),
          caller.post(UPDATE, Map.of("input", Map.of("username", "civil", "expectedVersion", 0, "displayName", "x"))),
          caller.post(ENABLE, Map.of("input", Map.of("username", "civil", "enabled", false))),
          caller.post(RESET, Map.of("input", Map.of("username", "civil", "newPassword", "Some-Long-Pass-2026"))))) {
        assertThat(answer.errors().path(0).path("extensions").path("classification").asString()).as(role)
            .isEqualTo("FORBIDDEN");
      }
    }
    for (var anonymous : List.of(GraphQlHttp.at(port).post(LIST, Map.of()),
        GraphQlHttp.at(port).post(ENABLE, Map.of("input", Map.of("username", "civil", "enabled", false))))) {
      assertThat(anonymous.errors().path(0).path("extensions").path("classification").asString())
          .isEqualTo("UNAUTHORIZED");
    }
    var civil = mongo.findById("civil", Document.class, "accounts");
    assertThat(civil.getBoolean("enabled")).as("nothing changed").isTrue();
    assertThat(civil.getString("displayName")).isEqualTo("民政局 赵伟");
    assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("_id").regex("^by-")), "accounts")).isFalse();

    var listed = admin().post(LIST, Map.of("role", "CIVIL_AFFAIRS"));
    assertThat(listed.data().path("staffAccounts").path("edges").findValuesAsString("username")).contains("civil");
  }

  @Test
  void an_administrator_opens_a_township_account_that_must_change_its_password_and_signs_in_to_its_township()
      throws Exception {
    var created = admin().post(CREATE, Map.of("input", township("lina")));
    JsonNode account = created.data().path("createStaffAccount").path("account");
    assertThat(account.path("township").path("name").asString()).as(created.body()).isEqualTo("虎头镇");
    assertThat(account.path("mustChangePassword").asBoolean()).isTrue();
    assertThat(account.path("history").get(0).path("action").asString()).isEqualTo("CREATED");
    assertThat(account.path("history").get(0).path("actor").asString()).isEqualTo("admin");
    assertThat(account.path("history").get(0).path("changes").toString()).contains("townshipId: — → hutou-town")
        .doesNotContain("Hutou-Initial-2026");
    assertThat(mongo.findAll(Document.class, "account_audit").toString()).doesNotContain("Hutou-Initial-2026",
        "passwordHash");

    OidcClient browser = new OidcClient(port);
    assertThat(browser.signIn("lina", "Hutou-Initial-2026")).as("must change the password first").isEmpty();
    String csrf = OidcClient.match(browser.get("/login/password").body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    browser.post("/login/password", OidcClient.form(Map.of("current", "Hutou-Initial-2026", "password",
        "Own-Choice-Hutou-2026", "repeat", "Own-Choice-Hutou-2026", "_csrf", csrf)), null);
    JsonNode token = browser.signIn("lina", "Own-Choice-Hutou-2026").orElseThrow();
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.path("access_token").asString()
        .split("\\.")[1]));
    assertThat(claims.path("roles").get(0).asString()).isEqualTo("TOWNSHIP_STAFF");
    assertThat(claims.path("township").asString()).isEqualTo("hutou-town");

    var reset = admin().post(RESET, Map.of("input", Map.of("username", "lina", "newPassword", "Reset-By-Admin-2026")));
    assertThat(reset.data().path("resetStaffPassword").path("account").path("mustChangePassword").asBoolean())
        .isTrue();
    assertThat(reset.body()).doesNotContain("Reset-By-Admin-2026").contains("password reset");
    assertThat(new OidcClient(port).refresh(token.path("refresh_token").asString()).path("error").asString())
        .as("a reset ends the sessions").isEqualTo("invalid_grant");
    assertThat(new OidcClient(port).signIn("lina", "Own-Choice-Hutou-2026")).isEmpty();
  }

  @Test
  void bad_input_is_a_localised_field_error_and_stores_nothing() {
    admin().post(CREATE, Map.of("input", township("taken")));
    long before = mongo.getCollection("accounts").countDocuments();
    var english = admin().inLanguage("en");

    Map<String, Object> duplicate = township("taken");
    Map<String, Object> unknownTownship = township("nowhere");
    unknownTownship.put("townshipId", "atlantis");
    Map<String, Object> wrongVillage = township("wrongvillage");
    wrongVillage.put("roles", List.of("SUPERVISOR"));
    wrongVillage.put("villageId", "hulin-town-xinhua");
    Map<String, Object> misfit = township("misfit");
    misfit.put("department", "EDUCATION");
    Map<String, Object> weak = township("weak");
    weak.put("initialPassword", "12345");
    Map<String, Object> notStaff = township("notstaff");
    notStaff.put("roles", List.of("VOLUNTEER"));

    Map<Map<String, Object>, List<String>> expected = Map.of(
        duplicate, List.of("USERNAME_TAKEN", "username", "taken"),
        unknownTownship, List.of("TOWNSHIP_UNKNOWN", "townshipId", "township"),
        wrongVillage, List.of("VILLAGE_NOT_IN_TOWNSHIP", "villageId", "village"),
        misfit, List.of("SCOPE_MISMATCH", "department", "scope"),
        weak, List.of("PASSWORD_WEAK", "initialPassword", "at least 12 characters"),
        notStaff, List.of("ROLE_NOT_STAFF", "roles", "staff role"));
    expected.forEach((input, error) -> {
      var answer = english.post(CREATE, Map.of("input", input));
      JsonNode first = answer.data().path("createStaffAccount").path("errors").get(0);
      assertThat(first.path("code").asString()).as(answer.body()).isEqualTo(error.get(0));
      assertThat(first.path("field").asString()).isEqualTo(error.get(1));
      assertThat(first.path("message").asString()).contains(error.get(2));
    });
    var chinese = admin().post(CREATE, Map.of("input", weak));
    assertThat(chinese.data().path("createStaffAccount").path("errors").get(0).path("message").asString())
        .contains("密码至少需要12个字符");
    assertThat(mongo.getCollection("accounts").countDocuments()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void a_stale_edit_is_refused_and_a_change_is_audited_with_what_changed() {
    admin().post(CREATE, Map.of("input", township("wangfang")));
    var changed = admin().post(UPDATE, Map.of("input", Map.of("username", "wangfang", "expectedVersion", 1,
        "displayName", "教育局 王芳", "roles", List.of("DEPARTMENT_STAFF"), "department", "EDUCATION")));
    JsonNode account = changed.data().path("updateStaffAccount").path("account");
    assertThat(account.path("department").asString()).as(changed.body()).isEqualTo("EDUCATION");
    assertThat(account.path("version").asInt()).isEqualTo(2);
    assertThat(account.path("history").get(0).path("changes").toString()).contains(
        "displayName: 虎头镇 李娜 → 教育局 王芳", "roles: [TOWNSHIP_STAFF] → [DEPARTMENT_STAFF]",
        "townshipId: hutou-town → —");

    var own = admin().post(UPDATE, Map.of("input", Map.of("username", "admin", "expectedVersion", 0,
        "roles", List.of("ADMIN", "CIVIL_AFFAIRS"))));
    assertThat(own.data().path("updateStaffAccount").path("errors").get(0).path("code").asString()).as(own.body())
        .isEqualTo("OWN_ROLES");
    assertThat(admin().post(LIST, Map.of("role", "VOLUNTEER")).data().path("staffAccounts").path("edges").size())
        .as("sign-up accounts are not staff accounts").isZero();

    var stale = admin().post(UPDATE, Map.of("input", Map.of("username", "wangfang", "expectedVersion", 1,
        "displayName", "又一个名字")));
    assertThat(stale.data().path("updateStaffAccount").path("errors").get(0).path("code").asString())
        .isEqualTo("ACCOUNT_STALE");
  }

  @Test
  void the_last_enabled_administrator_cannot_be_disabled_or_lose_the_role_and_disabling_ends_sessions()
      throws Exception {
    var onlyAdmin = admin().post(ENABLE, Map.of("input", Map.of("username", "admin", "enabled", false)));
    assertThat(onlyAdmin.data().path("setStaffAccountEnabled").path("errors").get(0).path("code").asString())
        .as(onlyAdmin.body()).isEqualTo("LAST_ADMINISTRATOR");
    assertThat(mongo.findById("admin", Document.class, "accounts").getBoolean("enabled")).isTrue();

    Map<String, Object> second = township("second-admin");
    second.put("roles", List.of("ADMIN"));
    second.remove("townshipId");
    admin().post(CREATE, Map.of("input", second));
    try {
      assertThat(admin().post(ENABLE, Map.of("input", Map.of("username", "admin", "enabled", false))).data()
          .path("setStaffAccountEnabled").path("account").path("enabled").asBoolean()).isFalse();
      int version = mongo.findById("second-admin", Document.class, "accounts").getInteger("version");
      var demoted = admin().post(UPDATE, Map.of("input", Map.of("username", "second-admin", "expectedVersion",
          version, "roles", List.of("CIVIL_AFFAIRS"))));
      assertThat(demoted.data().path("updateStaffAccount").path("errors").get(0).path("code").asString())
          .as(demoted.body()).isEqualTo("LAST_ADMINISTRATOR");
      assertThat(mongo.findById("second-admin", Document.class, "accounts").getList("roles", String.class))
          .containsExactly("ADMIN");
    } finally {
      admin().post(ENABLE, Map.of("input", Map.of("username", "admin", "enabled", true)));
    }

    admin().post(CREATE, Map.of("input", township("zhaolei")));
    mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("_id").is("zhaolei")),
        new org.springframework.data.mongodb.core.query.Update().set("mustChangePassword", false), "accounts");
    OidcClient zhaolei = new OidcClient(port);
    JsonNode token = zhaolei.signIn("zhaolei", "Hutou-Initial-2026").orElseThrow();
    assertThat(zhaolei.authorizeAgain()).as("the issuer session gives tokens while enabled").isPresent();
    admin().post(ENABLE, Map.of("input", Map.of("username", "zhaolei", "enabled", false)));
    assertThat(new OidcClient(port).refresh(token.path("refresh_token").asString()).path("error").asString())
        .as("disabling ends the sessions").isEqualTo("invalid_grant");
    assertThat(zhaolei.authorizeAgain()).as("nor does the issuer session give a token any more").isEmpty();
    assertThat(new OidcClient(port).signIn("zhaolei", "Hutou-Initial-2026")).isEmpty();
    admin().post(ENABLE, Map.of("input", Map.of("username", "zhaolei", "enabled", true)));
    assertThat(zhaolei.authorizeAgain()).as("the issuer session ended with the disable: enabling does not revive it")
        .isEmpty();
    assertThat(new OidcClient(port).signIn("zhaolei", "Hutou-Initial-2026")).as("enabled again").isPresent();
  }
}
