package org.onedoor.backend.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.TestApps;
import org.onedoor.backend.support.TestStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Write, stop, start again on the same data, read back: data and the signing key survive a restart. */
class StoreRestartTest {

  @Test
  void a_preference_and_the_signing_key_survive_a_restart_on_the_same_data() {
    Map<String, Object> store = TestApps.freshStore();
    store.put("server.port", "0");
    if (!TestStore.real()) {
      assertThat(Path.of(store.get("onedoor.mongodb.data-dir").toString())).isEmptyDirectory();
    }
    String token;
    try (ConfigurableApplicationContext first = start(store)) {
      token = mint(first);
      var updated = GraphQlHttp.at(port(first)).withToken(token).post(GraphQlHttp.document("updateMyPreferences"),
          Map.of("input", Map.of("preferredLanguage", "EN")));
      assertThat(updated.data().path("updateMyPreferences").path("errors").size()).as(updated.body()).isZero();
    }

    if (!TestStore.real()) {
      assertThat(Path.of(store.get("onedoor.mongodb.data-dir").toString()).resolve("onedoor.mv")).isNotEmptyFile();
    }
    try (ConfigurableApplicationContext second = start(store)) {
      var me = GraphQlHttp.at(port(second)).withToken(token).post(GraphQlHttp.document("me"));

      assertThat(me.status()).as("a token signed before the restart is still valid").isEqualTo(200);
      assertThat(me.data().path("me").path("preferredLanguage").asString()).as(me.body()).isEqualTo("EN");
      assertThat(GraphQlHttp.at(port(second)).post("{ townships { id } }").data().path("townships").size())
          .isEqualTo(11);
    }
  }

  private static ConfigurableApplicationContext start(Map<String, Object> properties) {
    return TestApps.start(properties, "demo");
  }

  private static int port(ConfigurableApplicationContext context) {
    return TestApps.port(context);
  }

  @SuppressWarnings("unchecked")
  private static String mint(ConfigurableApplicationContext context) {
    var encoder = new NimbusJwtEncoder(context.getBean(JWKSource.class));
    var claims = JwtClaimsSet.builder().issuer("http://localhost:8080").subject("family")
        .audience(List.of("onedoor-portal", "onedoor-api"))
        .expiresAt(Instant.now().plus(Duration.ofMinutes(10))).claim("roles", List.of("FAMILY")).build();
    return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt").build(),
        claims)).getTokenValue();
  }
}
