package org.onedoor.backend.demo;

import java.time.Instant;
import java.util.List;
import org.onedoor.schema.RoleNames;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Runs start-up work (the demo seed) as a named civil-affairs system caller, so that it goes through the same
 * services, rules and audit as a person would. The token never leaves the process.
 */
final class SystemCaller {

  private SystemCaller() {
  }

  static void run(String name, Runnable work) {
    Jwt jwt = Jwt.withTokenValue("in-process").header("alg", "none").subject(name).claim("name", name)
        .claim("roles", List.of(RoleNames.CIVIL_AFFAIRS)).issuedAt(Instant.now()).build();
    var authentication = new JwtAuthenticationToken(jwt,
        List.of(new SimpleGrantedAuthority("ROLE_" + RoleNames.CIVIL_AFFAIRS)));
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    try {
      work.run();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
