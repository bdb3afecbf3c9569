package org.onedoor.backend.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who issues tokens and who may ask for them.
 *
 * @param issuerUri the embedded issuer's public URL, as browsers reach it; the {@code iss} of every token
 * @param external an external OIDC issuer that replaces the embedded one when its URI is set
 * @param portal the portal's OAuth2 client registration at the embedded issuer
 * @param accessTokenTtl how long an access token is valid
 * @param passwordHashStrength the bcrypt cost factor for account passwords
 * @param signingKeyRotation how long a signing key signs before a new one replaces it (older keys stay published
 *     until the tokens they signed have expired)
 * @param sessionLifetime how long a sign-in lasts at most, however often its refresh tokens are used; then the user
 *     signs in again
 */
@ConfigurationProperties("onedoor.identity")
public record IdentitySettings(
    @DefaultValue("http://localhost:8080") URI issuerUri,
    @DefaultValue External external,
    @DefaultValue Portal portal,
    @DefaultValue("PT15M") Duration accessTokenTtl,
    @DefaultValue("12") int passwordHashStrength,
    @DefaultValue("P30D") Duration signingKeyRotation,
    @DefaultValue("PT12H") Duration sessionLifetime) {

  /** True when the embedded authorization server issues the tokens. */
  public boolean embeddedIssuer() {
    return external.issuerUri() == null || external.issuerUri().isBlank();
  }

  /**
   * An external OIDC issuer (Keycloak, a government SSO, ...).
   *
   * @param issuerUri its issuer URI; blank keeps the embedded issuer
   * @param rolesClaim the claim holding OneDoor role names
   * @param audience the audience its access tokens for this API carry (required with an issuer: a token for
   *     another audience, such as an ID token for the portal, is refused)
   */
  public record External(String issuerUri, @DefaultValue("roles") String rolesClaim, String audience) {
  }

  /**
   * The portal as an OAuth2 client (authorization code with PKCE, refresh tokens).
   *
   * @param clientId its client id
   * @param clientSecret its client secret (plain here, stored hashed by the issuer)
   * @param urls the portal's base URLs; redirect and post-logout URIs derive from them
   */
  public record Portal(
      @DefaultValue("onedoor-portal") String clientId,
      @DefaultValue("onedoor-portal-secret") String clientSecret,
      @DefaultValue("http://localhost:8081") List<URI> urls) {
  }
}
