package org.onedoor.backend.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;

/**
 * Sign-out (OIDC RP-initiated logout) also ends the session's tokens: once the issuer has checked the ID token the
 * portal sends, the authorization it belongs to — with its refresh token — is removed, so the refresh token stops
 * working at once rather than when it expires.
 */
class SignOutRevokes implements AuthenticationProvider {

  private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

  private final AuthenticationProvider checks;
  private final OAuth2AuthorizationService authorizations;

  SignOutRevokes(AuthenticationProvider checks, OAuth2AuthorizationService authorizations) {
    this.checks = checks;
    this.authorizations = authorizations;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    Authentication checked = checks.authenticate(authentication);
    if (checked instanceof OidcLogoutAuthenticationToken logout && logout.getIdToken() != null) {
      OAuth2Authorization session = authorizations.findByToken(logout.getIdToken().getTokenValue(), ID_TOKEN);
      if (session != null) {
        authorizations.remove(session);
      }
    }
    return checked;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return checks.supports(authentication);
  }
}
