package org.onedoor.portal.security;

import java.net.URI;
import java.util.Map;
import org.onedoor.portal.PortalSettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * The portal's registration at the issuer, discovered from the issuer's OpenID configuration on first use, so
 * that the portal starts before the issuer does. Browser-facing endpoints (authorization, end session) keep the
 * issuer's public address; server-to-server ones (token, keys, user info) are reached through the back channel.
 */
final class IssuerClientRegistrations implements ClientRegistrationRepository {

  private final PortalSettings.Oidc settings;
  private final RestClient http;
  private volatile ClientRegistration registration;

  IssuerClientRegistrations(PortalSettings.Oidc settings, RestClient.Builder http) {
    this.settings = settings;
    this.http = http.clone().build();
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!SignIn.REGISTRATION_ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration current = registration;
    if (current == null) {
      synchronized (this) {
        if (registration == null) {
          registration = discover();
        }
        current = registration;
      }
    }
    return current;
  }

  private ClientRegistration discover() {
    URI backChannel = settings.backChannel();
    Map<String, Object> metadata = http.get()
        .uri(trimmed(backChannel) + "/.well-known/openid-configuration")
        .retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() { });
    if (metadata == null || metadata.get("issuer") == null) {
      throw new IllegalStateException("The issuer published no OpenID configuration");
    }
    return ClientRegistration.withRegistrationId(SignIn.REGISTRATION_ID)
        .clientId(settings.clientId())
        .clientSecret(settings.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope(settings.scopes())
        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
        .issuerUri((String) metadata.get("issuer"))
        .authorizationUri((String) metadata.get("authorization_endpoint"))
        .tokenUri(viaBackChannel((String) metadata.get("token_endpoint")))
        .jwkSetUri(viaBackChannel((String) metadata.get("jwks_uri")))
        .userInfoUri(viaBackChannel((String) metadata.get("userinfo_endpoint")))
        .userNameAttributeName("sub")
        .providerConfigurationMetadata(metadata)
        .clientName("OneDoor")
        .build();
  }

  private String viaBackChannel(String endpoint) {
    if (endpoint == null) {
      return null;
    }
    String issuer = trimmed(settings.issuerUri());
    String backChannel = trimmed(settings.backChannel());
    return endpoint.startsWith(issuer) ? backChannel + endpoint.substring(issuer.length()) : endpoint;
  }

  private static String trimmed(URI uri) {
    String value = uri.toString();
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
