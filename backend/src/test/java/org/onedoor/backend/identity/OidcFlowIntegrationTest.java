package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.OidcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A standard OIDC client's round trip: discovery, authorization code with PKCE, sign-in, token, API call. */
@IntegrationTest
class OidcFlowIntegrationTest {

  private static final String REDIRECT = "http://localhost:8081/login/oauth2/code/onedoor";
  private static final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @org.springframework.beans.factory.annotation.Autowired
  com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> keys;

  private OidcClient browser;

  @org.junit.jupiter.api.BeforeEach
  void browser() {
    browser = new OidcClient(port);
  }

  @Test
  void discovery_names_the_authorization_token_and_jwks_endpoints() throws Exception {
    JsonNode discovery = json.readTree(get("/.well-known/openid-configuration").body());

    assertThat(discovery.path("issuer").asString()).isEqualTo("http://localhost:8080");
    assertThat(discovery.path("authorization_endpoint").asString()).isEqualTo("http://localhost:8080/oauth2/authorize");
    assertThat(discovery.path("token_endpoint").asString()).isEqualTo("http://localhost:8080/oauth2/token");
    assertThat(discovery.path("jwks_uri").asString()).isEqualTo("http://localhost:8080/oauth2/jwks");
    assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
    assertThat(json.readTree(get("/oauth2/jwks").body()).path("keys").size()).isEqualTo(1);
  }

  @Test
  void a_demo_account_signs_in_with_code_and_pkce_and_calls_me_with_its_roles() throws Exception {
    String verifier = randomToken();
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "onedoor-portal",
        "scope", "openid profile", "redirect_uri", REDIRECT, "state", "s-1", "nonce", "n-1",
        "code_challenge", challenge, "code_challenge_method", "S256"));

    var toLogin = get(authorize);
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(location(toLogin)).endsWith("/login");
    var loginPage = get("/login");
    String csrf = match(loginPage.body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    var signedIn = post("/login", form(Map.of("username", "supervisor", "password", "onedoor-demo", "_csrf", csrf)), null);
    assertThat(location(signedIn)).contains("/oauth2/authorize");
    var toClient = get(URI.create(location(signedIn)).getRawPath() + "?" + URI.create(location(signedIn)).getRawQuery());
    String code = match(location(toClient), "[?&]code=([^&]+)");
    assertThat(location(toClient)).startsWith(REDIRECT).contains("state=s-1");

    var tokenResponse = post("/oauth2/token", form(Map.of("grant_type", "authorization_code", "code",
        URLDecode(code), "redirect_uri", REDIRECT, "code_verifier", verifier)),
        "Basic " + Base64.getEncoder().encodeToString("onedoor-portal:onedoor-portal-secret".getBytes()));
    assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
    JsonNode tokens = json.readTree(tokenResponse.body());
    assertThat(tokens.path("id_token").asString()).isNotBlank();
    assertThat(tokens.path("refresh_token").asString()).isNotBlank();

    var me = GraphQlHttp.at(port).withToken(tokens.path("access_token").asString()).post(GraphQlHttp.document("me"));
    assertThat(me.data().path("me").path("displayName").asString()).isEqualTo("督导员 王芳");
    assertThat(me.data().path("me").path("roles").get(0).asString()).isEqualTo("SUPERVISOR");
    assertThat(me.data().path("me").path("village").path("name").asString()).isEqualTo("新华村");

    // The ID token travels in sign-out URLs (id_token_hint): it is no key to the API.
    var withIdToken = GraphQlHttp.at(port).withToken(tokens.path("id_token").asString())
        .post("{ caseFiles { edges { node { name nationalId } } } }");
    assertThat(withIdToken.status()).as(withIdToken.body()).isEqualTo(401);
    assertThat(withIdToken.body()).doesNotContain("nationalId\":\"");
  }

  @Test
  void tokens_that_are_not_access_tokens_for_the_api_are_refused() {
    java.time.Instant in5 = java.time.Instant.now().plus(java.time.Duration.ofMinutes(5));
    var encoder = new org.springframework.security.oauth2.jwt.NimbusJwtEncoder(keys);
    java.util.function.BiFunction<String, List<String>, String> mint = (type, audience) -> encoder.encode(
        org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
            org.springframework.security.oauth2.jwt.JwsHeader.with(
                org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256).type(type).build(),
            org.springframework.security.oauth2.jwt.JwtClaimsSet.builder().issuer("http://localhost:8080")
                .subject("civil").audience(audience).expiresAt(in5).claim("roles", List.of("CIVIL_AFFAIRS"))
                .build())).getTokenValue();

    assertThat(status(mint.apply("at+jwt", List.of("onedoor-portal", "onedoor-api")))).as("an access token")
        .isEqualTo(200);
    assertThat(status(mint.apply("JWT", List.of("onedoor-portal", "onedoor-api")))).as("a plain JWT").isEqualTo(401);
    assertThat(status(mint.apply("at+jwt", List.of("another-service")))).as("another audience").isEqualTo(401);
  }

  private int status(String token) {
    return GraphQlHttp.at(port).withToken(token).post(GraphQlHttp.document("me")).status();
  }

  @Test
  void an_authorization_request_without_pkce_is_refused() throws Exception {
    var response = get("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "onedoor-portal",
        "scope", "openid", "redirect_uri", REDIRECT, "state", "s-2")));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location(response)).startsWith(REDIRECT).contains("error=invalid_request");
  }

  @Test
  void a_wrong_password_does_not_sign_in() throws Exception {
    get("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "onedoor-portal")));
    String csrf = match(get("/login").body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    var response = post("/login", form(Map.of("username", "admin", "password", "wrong", "_csrf", csrf)), null);
    var tooLong = post("/login", form(Map.of("username", "admin", "password", "护".repeat(40), "_csrf", csrf)),
        null);

    assertThat(location(response)).endsWith("/login?error");
    assertThat(tooLong.statusCode()).as("120 bytes, more than bcrypt reads: a failed sign-in, not an error")
        .isEqualTo(302);
    assertThat(location(tooLong)).endsWith("/login?error");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return browser.get(path);
  }

  private HttpResponse<String> post(String path, String form, String authorization) throws Exception {
    return browser.post(path, form, authorization);
  }

  private static String location(HttpResponse<?> response) {
    return OidcClient.location(response);
  }

  private static String form(Map<String, String> values) {
    return OidcClient.form(values);
  }

  private static String URLDecode(String value) {
    return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static String match(String text, String regex) {
    return OidcClient.match(text, regex);
  }

  private static String randomToken() {
    return OidcClient.randomToken();
  }
}
