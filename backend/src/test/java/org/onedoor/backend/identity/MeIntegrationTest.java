package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@IntegrationTest
class MeIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  static Stream<Arguments> everyRole() {
    return Stream.of(
        Arguments.of(RoleNames.VOLUNTEER, Map.of(), null, null, null),
        Arguments.of(RoleNames.FAMILY, Map.of(), null, null, null),
        Arguments.of(RoleNames.CHARITY, Map.of(), null, null, null),
        Arguments.of(RoleNames.SUPERVISOR, Map.of("township", "hulin-town", "village", "hulin-town-xinhua"),
            null, "虎林镇", "新华村"),
        Arguments.of(RoleNames.TOWNSHIP_STAFF, Map.of("township", "yingchun-town"), null, "迎春镇", null),
        Arguments.of(RoleNames.DEPARTMENT_STAFF, Map.of("department", "PUBLIC_SECURITY"), "PUBLIC_SECURITY", null, null),
        Arguments.of(RoleNames.CIVIL_AFFAIRS, Map.of(), null, null, null),
        Arguments.of(RoleNames.ADMIN, Map.of(), null, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRole")
  void every_role_sees_its_own_account_with_role_and_scope(String role, Map<String, String> scope,
      String department, String township, String village) {
    String token = tokens.token("user-" + role.toLowerCase(), "用户 " + role, List.of(role), scope);

    var me = GraphQlHttp.at(port).withToken(token).post(GraphQlHttp.document("me"));

    assertThat(me.errors().isMissingNode()).as(me.body()).isTrue();
    var account = me.data().path("me");
    assertThat(account.path("id").asString()).isEqualTo("user-" + role.toLowerCase());
    assertThat(account.path("displayName").asString()).isEqualTo("用户 " + role);
    assertThat(account.path("roles").get(0).asString()).isEqualTo(role);
    assertThat(account.path("roles").size()).isEqualTo(1);
    assertThat(account.path("department").asString(null)).isEqualTo(department);
    assertThat(account.path("township").path("name").asString(null)).isEqualTo(township);
    assertThat(account.path("village").path("name").asString(null)).isEqualTo(village);
    assertThat(account.path("preferredLanguage").asString()).isEqualTo("ZH_CN");
  }

  @Test
  void anonymous_me_is_unauthorized_without_stack_trace_or_class_name() {
    var me = GraphQlHttp.at(port).post(GraphQlHttp.document("me"));

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
    assertThat(me.body()).doesNotContain("Exception", "java.", "org.springframework", "\tat ");
  }

  @Test
  void a_token_with_a_forged_signature_is_refused_with_401() throws Exception {
    var foreignKey = new RSAKeyGenerator(2048).keyID("forged").generate();
    var forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(foreignKey)));
    var claims = JwtClaimsSet.builder().issuer("http://localhost:8080").subject("admin")
        .expiresAt(Instant.now().plus(Duration.ofMinutes(5))).claim("roles", List.of("ADMIN")).build();
    String forged = forger.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();

    assertThat(GraphQlHttp.at(port).withToken(forged).post(GraphQlHttp.document("me")).status()).isEqualTo(401);
  }

  @Test
  void a_token_from_another_issuer_is_refused_with_401() {
    String token = tokens.token("admin", "admin", List.of("ADMIN"), Map.of(), "https://evil.example",
        Instant.now().plus(Duration.ofMinutes(5)));

    assertThat(GraphQlHttp.at(port).withToken(token).post(GraphQlHttp.document("me")).status()).isEqualTo(401);
  }

  @Test
  void an_expired_token_is_refused_with_401() {
    String token = tokens.token("admin", "admin", List.of("ADMIN"), Map.of(), "http://localhost:8080",
        Instant.now().minus(Duration.ofMinutes(5)));

    assertThat(GraphQlHttp.at(port).withToken(token).post(GraphQlHttp.document("me")).status()).isEqualTo(401);
  }

  @Test
  void a_preferred_language_set_by_the_caller_is_what_me_shows_next() {
    String token = tokens.token("township", "虎林镇 刘强", List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town"));
    var api = GraphQlHttp.at(port).withToken(token);

    var updated = api.post(GraphQlHttp.document("updateMyPreferences"),
        Map.of("input", Map.of("preferredLanguage", "EN")));

    assertThat(updated.data().path("updateMyPreferences").path("errors").size()).as(updated.body()).isZero();
    assertThat(updated.data().path("updateMyPreferences").path("account").path("preferredLanguage").asString())
        .isEqualTo("EN");
    assertThat(api.post(GraphQlHttp.document("me")).data().path("me").path("preferredLanguage").asString())
        .isEqualTo("EN");
  }

  @Test
  void an_empty_preferences_change_is_refused_with_a_localised_message_and_changes_nothing() {
    String token = tokens.token("civil", "民政局 赵伟", List.of(RoleNames.CIVIL_AFFAIRS), Map.of());
    var api = GraphQlHttp.at(port).withToken(token);

    var chinese = api.post(GraphQlHttp.document("updateMyPreferences"), Map.of("input", Map.of()));
    var english = api.inLanguage("en").post(GraphQlHttp.document("updateMyPreferences"), Map.of("input", Map.of()));

    var error = chinese.data().path("updateMyPreferences").path("errors").get(0);
    assertThat(error.path("code").asString()).isEqualTo("NOTHING_TO_CHANGE");
    assertThat(error.path("message").asString()).isEqualTo("没有需要修改的内容。");
    assertThat(english.data().path("updateMyPreferences").path("errors").get(0).path("message").asString())
        .isEqualTo("There is nothing to change.");
    assertThat(api.post(GraphQlHttp.document("me")).data().path("me").path("preferredLanguage").asString())
        .isEqualTo("ZH_CN");
  }

  @Test
  void anonymous_callers_cannot_change_preferences() {
    var response = GraphQlHttp.at(port).post(GraphQlHttp.document("updateMyPreferences"),
        Map.of("input", Map.of("preferredLanguage", "EN")));

    assertThat(response.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("UNAUTHORIZED");
  }
}
