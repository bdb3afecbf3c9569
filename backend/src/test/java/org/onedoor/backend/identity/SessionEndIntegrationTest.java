package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.OidcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Signing out (OIDC RP-initiated logout, as the portal does) revokes the session's refresh token at once. */
@IntegrationTest
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
}
