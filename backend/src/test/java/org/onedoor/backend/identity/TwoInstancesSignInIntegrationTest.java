package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.OidcClient;
import org.onedoor.backend.support.SharedStore;
import org.onedoor.backend.support.TestApps;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.JsonNode;

/**
 * Two backend instances on one store, as behind a load balancer: a user signs in at A (the code redeemed at B),
 * refreshes the token at B and calls the API at B; after A restarts, the latest refresh token still works there and the rotated one does not.
 * The store is real MongoDB when Docker answers, else one wire-protocol server both instances reach, as they would a
 * MongoDB.
 */
class TwoInstancesSignInIntegrationTest {

  private SharedStore store;
  private ConfigurableApplicationContext a;
  private ConfigurableApplicationContext b;

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void a_user_signed_in_at_one_instance_refreshes_at_the_other_and_after_a_restart() throws Exception {
    store = new SharedStore();
    a = store.start("demo");
    b = store.start("demo");

    // Signed in at A; the authorization code is redeemed at B.
    JsonNode signedIn = new OidcClient(TestApps.port(a)).signIn("township", "onedoor-demo", TestApps.port(b))
        .orElseThrow();
    String firstRefresh = signedIn.path("refresh_token").asString();
    assertThat(firstRefresh).isNotBlank();

    JsonNode refreshedAtB = new OidcClient(TestApps.port(b)).refresh(firstRefresh);
    assertThat(refreshedAtB.path("access_token").asString()).as(refreshedAtB.toString()).isNotBlank();
    var me = GraphQlHttp.at(TestApps.port(b)).withToken(refreshedAtB.path("access_token").asString())
        .post("{ me { id roles } }");
    assertThat(me.data().path("me").path("id").asString()).as(me.body()).isEqualTo("township");

    a.close();
    a = store.start("demo");
    String latest = refreshedAtB.path("refresh_token").asString();
    JsonNode afterRestart = new OidcClient(TestApps.port(a)).refresh(latest);
    assertThat(afterRestart.path("access_token").asString()).as("the refresh token outlives A's restart: %s",
        afterRestart).isNotBlank();
    assertThat(GraphQlHttp.at(TestApps.port(a)).withToken(afterRestart.path("access_token").asString())
        .post("{ me { id } }").data().path("me").path("id").asString()).isEqualTo("township");

    JsonNode rotated = new OidcClient(TestApps.port(b)).refresh(firstRefresh);
    assertThat(rotated.path("error").asString()).as("a refresh token already used is refused: %s", rotated)
        .isEqualTo("invalid_grant");

    // Two days on, every token of the sign-in has expired: the sweep removes it from the store.
    var later = new MongoAuthorizationService(b.getBean(MongoTemplate.class),
        b.getBean(RegisteredClientRepository.class), Clock.offset(Clock.systemUTC(), Duration.ofDays(2)));
    assertThat(later.sweep()).as("expired authorizations removed").isPositive();
    assertThat(b.getBean(MongoTemplate.class).getCollection(MongoAuthorizationService.COLLECTION).countDocuments())
        .isZero();
  }
}
