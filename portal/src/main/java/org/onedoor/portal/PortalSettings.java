package org.onedoor.portal;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal finds the backend and the issuer.
 *
 * @param backendUrl the backend as the portal's server reaches it; GraphQL is at {@code /graphql} below it
 * @param oidc the OpenID Connect issuer the portal signs users in with
 */
@ConfigurationProperties("onedoor.portal")
public record PortalSettings(@DefaultValue("http://localhost:8080") URI backendUrl, @DefaultValue Oidc oidc) {

  /** The backend's GraphQL endpoint, keeping any path prefix of the backend URL (e.g. behind a proxy). */
  public String graphQlEndpoint() {
    return backendBase() + "/graphql";
  }

  /** The backend's base URL without a trailing slash. */
  public String backendBase() {
    String base = backendUrl.toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /**
   * The issuer and the portal's client registration there.
   *
   * @param issuerUri the issuer as browsers reach it (the {@code iss} of its tokens)
   * @param backChannelUri the issuer as the portal's server reaches it (in containers, e.g. http://backend:8080);
   *     blank means the same as issuerUri
   * @param clientId the portal's client id
   * @param clientSecret the portal's client secret
   * @param scopes the scopes asked for
   * @param rolesClaim the ID-token claim holding OneDoor role names
   */
  public record Oidc(
      @DefaultValue("http://localhost:8080") URI issuerUri,
      URI backChannelUri,
      @DefaultValue("onedoor-portal") String clientId,
      @DefaultValue("onedoor-portal-secret") String clientSecret,
      @DefaultValue({"openid", "profile"}) List<String> scopes,
      @DefaultValue("roles") String rolesClaim) {

    /** The URI the portal's server uses to reach the issuer. */
    public URI backChannel() {
      return backChannelUri == null || backChannelUri.toString().isBlank() ? issuerUri : backChannelUri;
    }
  }
}
