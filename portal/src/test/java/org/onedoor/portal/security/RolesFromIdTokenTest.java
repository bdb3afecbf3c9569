package org.onedoor.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.portal.PortalSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class RolesFromIdTokenTest {

  private final PortalSettings settings = new PortalSettings(URI.create("http://localhost:8080"),
      new PortalSettings.Oidc(URI.create("http://localhost:8080"), null, "onedoor-portal", "secret",
          List.of("openid"), "roles"));

  @Test
  void the_roles_claim_of_the_id_token_becomes_role_authorities_views_can_check() {
    OidcIdToken idToken = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
        Map.of("sub", "township", "roles", List.of("TOWNSHIP_STAFF")));

    var mapped = new SecurityConfiguration().rolesFromIdToken(settings)
        .mapAuthorities(List.of(new OidcUserAuthority(idToken)));

    assertThat(mapped).extracting(GrantedAuthority::getAuthority).contains("ROLE_TOWNSHIP_STAFF", "OIDC_USER");
  }

  @Test
  void an_id_token_without_roles_gives_no_role() {
    OidcIdToken idToken = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
        Map.of("sub", "someone"));

    var mapped = new SecurityConfiguration().rolesFromIdToken(settings)
        .mapAuthorities(List.of(new OidcUserAuthority(idToken)));

    assertThat(mapped).extracting(GrantedAuthority::getAuthority).noneMatch(a -> a.startsWith("ROLE_"));
  }
}
