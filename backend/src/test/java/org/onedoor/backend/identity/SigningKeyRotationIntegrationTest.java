package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing keys rotate (issue 14): here every 4 seconds. A token signed before a rotation stays valid while it lives;
 * both keys are published; a key is dropped once no token it signed can still be presented.
 */
@IntegrationTest
@TestPropertySource(properties = "onedoor.identity.signing-key-rotation=PT4S")
class SigningKeyRotationIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @Test
  void a_new_key_signs_after_the_rotation_and_tokens_of_the_old_one_stay_valid() throws Exception {
    String before = tokens.token("family-rotation", "x", List.of(RoleNames.FAMILY), Map.of());
    Thread.sleep(5000);
    String after = tokens.token("family-rotation", "x", List.of(RoleNames.FAMILY), Map.of());

    assertThat(kid(after)).as("a new key signs").isNotEqualTo(kid(before));
    for (String token : List.of(before, after)) {
      assertThat(GraphQlHttp.at(port).withToken(token).post("{ me { id } }").status()).isEqualTo(200);
    }
    String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/oauth2/jwks")).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(jwks).as("both keys published").contains(kid(before), kid(after));
  }

  @Test
  void a_retired_key_is_dropped_once_every_token_it_signed_has_expired() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    String collection = "signing_keys_retirement_test";
    mongo.dropCollection(collection);
    SigningKeys keys = new SigningKeys(mongo, collection, clock, Duration.ofDays(30), Duration.ofMinutes(30));
    String first = keys.signingKey().getKeyID();

    clock.now = clock.now.plus(Duration.ofDays(30).plusMinutes(1));
    keys.refresh();
    String second = keys.signingKey().getKeyID();
    assertThat(second).isNotEqualTo(first);
    assertThat(published(keys)).containsExactly(second, first);

    clock.now = clock.now.plus(Duration.ofMinutes(36));
    keys.refresh();
    assertThat(published(keys)).as("35 minutes after it stopped signing, no token of the first key lives")
        .containsExactly(second);
    assertThat(mongo.getCollection(collection).countDocuments()).isEqualTo(1);
  }

  private static List<String> published(SigningKeys keys) {
    return keys.get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()),
        null).stream().map(com.nimbusds.jose.jwk.JWK::getKeyID).toList();
  }

  private static String kid(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
