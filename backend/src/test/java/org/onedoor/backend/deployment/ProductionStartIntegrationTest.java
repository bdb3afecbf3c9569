package org.onedoor.backend.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.OidcClient;
import org.onedoor.backend.support.TestApps;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real deployment's first start: {@code prod} alone. The gazetteer is there, no demo login works, the first
 * administrator comes from configuration and signs in only after choosing a new password; what a production start
 * cannot have (no administrator, a weak initial password, the demo profile, the demo client secret) stops it with a
 * message saying what to set.
 */
class ProductionStartIntegrationTest {

  private static final String SECRET = "a-client-secret-of-this-deployment";
  private static final String INITIAL = "Initial-Pass-2026";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void prod_alone_starts_with_the_gazetteer_no_demo_login_and_an_administrator_who_must_choose_a_password()
      throws Exception {
    Map<String, Object> properties = production();
    try (var app = TestApps.start(properties, "prod")) {
      int port = TestApps.port(app);
      JsonNode townships = GraphQlHttp.at(port).post("{ townships { name villages { name } } }").data()
          .path("townships");
      assertThat(townships.size()).isEqualTo(11);
      assertThat(townships.get(3).path("name").asString()).isEqualTo("虎头镇");
      townships.forEach(t -> assertThat(t.path("villages").size()).isEqualTo(3));

      for (String demo : List.of("admin", "civil", "township", "supervisor", "volunteer")) {
        assertThat(new OidcClient(port, SECRET).signIn(demo, "onedoor-demo")).as(demo).isEmpty();
      }

      OidcClient browser = new OidcClient(port, SECRET);
      assertThat(browser.signIn("cityadmin", INITIAL)).as("no token with the initial password").isEmpty();
      var page = browser.get("/login/password");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("设置新密码", "cityadmin");

      var weak = change(browser, INITIAL, "short", "short");
      assertThat(weak.statusCode()).isEqualTo(400);
      assertThat(weak.body()).contains("密码至少需要12个字符");
      var wrongCurrent = change(browser, "not-the-password", "Chosen-By-Me-2026", "Chosen-By-Me-2026");
      assertThat(wrongCurrent.body()).contains("当前密码不正确");
      assertThat(new OidcClient(port, SECRET).signIn("cityadmin", "Chosen-By-Me-2026")).as("nothing changed")
          .isEmpty();

      var changed = change(browser, INITIAL, "Chosen-By-Me-2026", "Chosen-By-Me-2026");
      assertThat(OidcClient.location(changed)).endsWith("/login?changed");
      JsonNode token = browser.signIn("cityadmin", "Chosen-By-Me-2026").orElseThrow();
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(
          token.path("access_token").asString().split("\\.")[1]));
      assertThat(claims.path("roles").get(0).asString()).isEqualTo("ADMIN");
      assertThat(new OidcClient(port, SECRET).signIn("cityadmin", INITIAL)).as("the initial password is gone")
          .isEmpty();
    }
    try (var again = TestApps.start(properties, "prod")) {
      assertThat(new OidcClient(TestApps.port(again), SECRET).signIn("cityadmin", "Chosen-By-Me-2026"))
          .as("a restart with the variables still set creates nothing and resets nothing").isPresent();
    }
  }

  @Test
  void a_production_start_on_a_store_that_ran_the_demo_disables_the_demo_accounts() throws Exception {
    Map<String, Object> properties = production();
    properties.put("onedoor.demo.allow-in-production", "true");
    try (var demonstration = TestApps.start(properties, "demo", "prod")) {
      assertThat(new OidcClient(TestApps.port(demonstration), SECRET).signIn("civil", "onedoor-demo")).isPresent();
    }
    properties.put("onedoor.demo.allow-in-production", "false");
    try (var production = TestApps.start(properties, "prod")) {
      int port = TestApps.port(production);
      for (String demo : List.of("admin", "civil", "township")) {
        assertThat(new OidcClient(port, SECRET).signIn(demo, "onedoor-demo")).as(demo).isEmpty();
      }
      OidcClient browser = new OidcClient(port, SECRET);
      assertThat(browser.signIn("cityadmin", INITIAL)).isEmpty();
      assertThat(browser.get("/login/password").body()).as("the configured administrator was created")
          .contains("cityadmin");
    }
  }

  @Test
  void a_production_start_without_an_administrator_or_with_demo_settings_refuses_saying_what_to_set() {
    Map<String, Object> none = production();
    none.remove("onedoor.admin.username");
    none.remove("onedoor.admin.initial-password");
    assertThat(analysis(none, "prod").getAction()).contains("ONEDOOR_ADMIN_USERNAME",
        "ONEDOOR_ADMIN_INITIAL_PASSWORD");

    Map<String, Object> weak = production();
    weak.put("onedoor.admin.initial-password", "cityadmin123456");
    assertThat(analysis(weak, "prod").getDescription()).contains("ONEDOOR_ADMIN_INITIAL_PASSWORD",
        "must not contain the username");

    assertThat(analysis(production(), "demo", "prod").getAction()).contains("SPRING_PROFILES_ACTIVE=prod",
        "onedoor.demo.allow-in-production=true");

    Map<String, Object> demoSecret = production();
    demoSecret.put("onedoor.identity.portal.client-secret", "onedoor-portal-secret");
    assertThat(analysis(demoSecret, "prod").getAction()).contains("ONEDOOR_PORTAL_CLIENT_SECRET");
  }

  private static Map<String, Object> production() {
    Map<String, Object> properties = TestApps.freshStore();
    properties.put("server.port", "0");
    properties.put("onedoor.admin.username", "cityadmin");
    properties.put("onedoor.admin.initial-password", INITIAL);
    properties.put("onedoor.identity.portal.client-secret", SECRET);
    return properties;
  }

  private static java.net.http.HttpResponse<String> change(OidcClient browser, String current, String password,
      String repeat) throws Exception {
    String csrf = OidcClient.match(browser.get("/login/password").body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    return browser.post("/login/password", OidcClient.form(Map.of("current", current, "password", password,
        "repeat", repeat, "_csrf", csrf)), null);
  }

  /** The report Spring Boot prints for a start that fails, from the project's own failure analyzers. */
  private static FailureAnalysis analysis(Map<String, Object> properties, String... profiles) {
    Throwable failure = catchThrowable(() -> TestApps.start(properties, profiles).close());
    assertThat(failure).as("the start fails").isNotNull();
    // Boot's own analyzers need the application's bean factory; the project's need nothing and are the ones asked.
    return SpringFactoriesLoader.forDefaultResourceLocation()
        .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> { })).stream()
        .filter(analyzer -> analyzer.getClass().getName().startsWith("org.onedoor"))
        .map(analyzer -> analyzer.analyze(failure)).filter(java.util.Objects::nonNull).findFirst()
        .orElseThrow(() -> new AssertionError("no analysis for " + failure));
  }
}
