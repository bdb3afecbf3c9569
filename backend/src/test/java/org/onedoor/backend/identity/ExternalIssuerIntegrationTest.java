package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.TestApps;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An external OIDC issuer replaces the embedded one by configuration. The "external" issuer here is a second
 * OneDoor backend (a real, standards-conforming OIDC issuer), whose tokens name roles in a claim of its own choosing.
 */
class ExternalIssuerIntegrationTest {

  private static ConfigurableApplicationContext issuer;
  private static ConfigurableApplicationContext api;
  private static String issuerUri;

  @BeforeAll
  static void start() {
    int issuerPort = TestApps.freePort();
    issuerUri = "http://localhost:" + issuerPort;
    issuer = start(Map.of("server.port", issuerPort, "onedoor.identity.issuer-uri", issuerUri));
    api = start(Map.of("server.port", 0,
        "onedoor.identity.external.issuer-uri", issuerUri,
        "onedoor.identity.external.roles-claim", "onedoor_roles",
        "onedoor.identity.external.audience", "onedoor-api"));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (issuer != null) {
      issuer.close();
    }
  }

  @Test
  void tokens_of_the_external_issuer_are_accepted_with_roles_from_the_configured_claim() {
    String token = externalToken(issuerUri, Map.of("onedoor_roles", List.of("CIVIL_AFFAIRS")));

    var me = GraphQlHttp.at(port(api)).withToken(token).post(GraphQlHttp.document("me"));

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.data().path("me").path("id").asString()).as(me.body()).isEqualTo("sso-user-17");
    assertThat(me.data().path("me").path("roles").get(0).asString()).isEqualTo("CIVIL_AFFAIRS");
  }

  @Test
  void an_external_account_keeps_its_preferences_here() {
    String token = externalToken(issuerUri, Map.of("onedoor_roles", List.of("CHARITY")));
    var caller = GraphQlHttp.at(port(api)).withToken(token);

    caller.post(GraphQlHttp.document("updateMyPreferences"), Map.of("input", Map.of("preferredLanguage", "EN")));

    assertThat(caller.post(GraphQlHttp.document("me")).data().path("me").path("preferredLanguage").asString())
        .isEqualTo("EN");
  }

  @Test
  void tokens_naming_another_issuer_are_refused_and_the_embedded_issuer_is_gone() throws Exception {
    String foreign = externalToken("http://localhost:1", Map.of("onedoor_roles", List.of("ADMIN")));
    var discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port(api) + "/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(GraphQlHttp.at(port(api)).withToken(foreign).post(GraphQlHttp.document("me")).status()).isEqualTo(401);
    assertThat(discovery.statusCode()).isIn(401, 403, 404);
  }

  @SuppressWarnings("unchecked")
  private static String externalToken(String iss, Map<String, Object> claims) {
    var encoder = new NimbusJwtEncoder(issuer.getBean(JWKSource.class));
    var builder = JwtClaimsSet.builder().issuer(iss).subject("sso-user-17").audience(List.of("onedoor-api"))
        .expiresAt(Instant.now().plus(Duration.ofMinutes(5))).claim("name", "统一身份认证用户");
    claims.forEach(builder::claim);
    return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build()))
        .getTokenValue();
  }

  private static ConfigurableApplicationContext start(Map<String, Object> extra) {
    Map<String, Object> properties = TestApps.freshStore();
    properties.putAll(extra);
    return TestApps.start(properties);
  }

  private static int port(ConfigurableApplicationContext context) {
    return TestApps.port(context);
  }
}
