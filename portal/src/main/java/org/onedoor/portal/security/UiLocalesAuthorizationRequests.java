package org.onedoor.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.onedoor.portal.i18n.PortalLocales;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Asks the issuer to show its sign-in page in the portal's current language (OIDC {@code ui_locales}); PKCE and
 * everything else of the standard request stay as they are.
 */
final class UiLocalesAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

  private final DefaultOAuth2AuthorizationRequestResolver standard;

  UiLocalesAuthorizationRequests(ClientRegistrationRepository registrations) {
    this.standard = new DefaultOAuth2AuthorizationRequestResolver(registrations,
        OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
  }

  @Override
  public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
    return withUiLocales(standard.resolve(request), request);
  }

  @Override
  public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
    return withUiLocales(standard.resolve(request, clientRegistrationId), request);
  }

  private static OAuth2AuthorizationRequest withUiLocales(OAuth2AuthorizationRequest resolved,
      HttpServletRequest request) {
    if (resolved == null) {
      return null;
    }
    String uiLocales = PortalLocales.languageOf(request).locale().toLanguageTag();
    return OAuth2AuthorizationRequest.from(resolved)
        .additionalParameters(parameters -> parameters.put("ui_locales", uiLocales))
        .build();
  }
}
