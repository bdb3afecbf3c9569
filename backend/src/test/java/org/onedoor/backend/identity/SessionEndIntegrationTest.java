package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.OidcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Sessions end: signing out (OIDC RP-initiated logout, as the portal does) revokes the session's refresh token at
 * once, and a sign-in lasts at most its lifetime (here 3 seconds) however often it is refreshed — the refresh tokens
 * still rotate, each good once.
 */
@IntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "onedoor.identity.session-lifetime=PT3S")
class SessionEndIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void signing_out_revokes_the_refresh_token() throws Exception {
    OidcClient browser = new OidcClient(port);
    JsonNode tokens = browser.signIn("township", "onedoor-demo").orElseThrow();

    var signedOut = browser.get("/connect/logout?" + OidcClient.form(Map.of("id_token_hint",
        tokens.path("id_token").asString(), "post_logout_redirect_uri", "http://localhost:8081/", "client_id",
        "onedoor-portal")));

    assertThat(signedOut.statusCode()).as(signedOut.body()).isIn(302, 303);
    assertThat(OidcClient.location(signedOut)).startsWith("http://localhost:8081/");
    JsonNode afterwards = browser.refresh(tokens.path("refresh_token").asString());
    assertThat(afterwards.path("error").asString()).as(afterwards.toString()).isEqualTo("invalid_grant");
  }

  @Test
  void an_access_token_dies_with_its_sign_in() throws Exception {
    OidcClient browser = new OidcClient(port);
    JsonNode tokens = browser.signIn("civil", "onedoor-demo").orElseThrow();
    var api = org.onedoor.backend.support.GraphQlHttp.at(port).withToken(tokens.path("access_token").asString());
    assertThat(api.post("{ me { id } }").status()).as("signed in").isEqualTo(200);

    browser.get("/connect/logout?" + OidcClient.form(Map.of("id_token_hint", tokens.path("id_token").asString(),
        "post_logout_redirect_uri", "http://localhost:8081/", "client_id", "onedoor-portal")));

    assertThat(api.post("{ caseFiles { edges { node { name } } } }").status())
        .as("the access token of a signed-out session is refused, though it has not expired").isEqualTo(401);
  }

  @Test
  void a_sign_in_ends_after_its_lifetime_however_often_it_is_refreshed_and_each_refresh_token_is_good_once()
      throws Exception {
    OidcClient browser = new OidcClient(port);
    String refresh = browser.signIn("supervisor", "onedoor-demo").orElseThrow().path("refresh_token").asString();

    JsonNode first = browser.refresh(refresh);
    assertThat(first.path("access_token").asString()).as(first.toString()).isNotBlank();
    assertThat(browser.refresh(refresh).path("error").asString()).as("a used refresh token").isEqualTo("invalid_grant");
    Thread.sleep(1200);
    JsonNode second = browser.refresh(first.path("refresh_token").asString());
    assertThat(second.path("access_token").asString()).as("within the lifetime: %s", second).isNotBlank();
    Thread.sleep(2500);

    JsonNode late = browser.refresh(second.path("refresh_token").asString());
    assertThat(late.path("error").asString()).as("past the 3-second lifetime: %s", late).isEqualTo("invalid_grant");
  }
}
