package org.onedoor.backend.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onedoor.backend.identity.IdentitySettings;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Mints access tokens signed with the issuer's own key, as the embedded issuer would after a sign-in: one per role
 * for the authorization tests, without a browser round trip (that round trip has its own test).
 */
@TestComponent
public class TestTokens {

  private final org.springframework.security.oauth2.jwt.JwtEncoder encoder;
  private final String issuer;

  TestTokens(org.springframework.security.oauth2.jwt.JwtEncoder encoder, IdentitySettings settings) {
    this.encoder = encoder;
    this.issuer = settings.issuerUri().toString();
  }

  /** A token for a subject with roles and scope claims. */
  public String token(String subject, String name, List<String> roles, Map<String, String> scope) {
    return token(subject, name, roles, scope, issuer, Instant.now().plus(Duration.ofMinutes(5)));
  }

  /** A token with every part chosen by the test. */
  public String token(String subject, String name, List<String> roles, Map<String, String> scope, String iss,
      Instant expiresAt) {
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer(iss)
        .subject(subject)
        .audience(List.of("onedoor-portal", "onedoor-api"))
        .issuedAt(expiresAt.minus(Duration.ofMinutes(10)))
        .expiresAt(expiresAt)
        .claim("name", name)
        .claim("roles", roles);
    scope.forEach(claims::claim);
    return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt").build(),
        claims.build())).getTokenValue();
  }
}
