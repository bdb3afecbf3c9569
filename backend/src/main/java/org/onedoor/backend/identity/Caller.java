package org.onedoor.backend.identity;

import java.util.List;
import java.util.Optional;
import org.onedoor.backend.platform.Roles;
import org.onedoor.schema.RoleNames;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the validated access token says.
 *
 * @param subject the token's subject
 * @param displayName the {@code name} claim, else {@code preferred_username}, else the subject
 * @param roles role names (see {@link Roles}) from the configured roles claim
 * @param department the {@code department} claim, if any
 * @param townshipId the {@code township} claim, if any
 * @param villageId the {@code village} claim, if any
 */
public record Caller(String subject, String displayName, List<String> roles, Department department,
    String townshipId, String villageId) {

  /** The caller of the current request, if signed in with a token. */
  public static Optional<Caller> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return Optional.empty();
    }
    var jwt = token.getToken();
    String name = firstNonBlank(jwt.getClaimAsString(TokenClaims.NAME),
        jwt.getClaimAsString("preferred_username"), jwt.getSubject());
    List<String> roles = token.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()))
        .filter(RoleNames.ALL::contains)
        .sorted()
        .toList();
    String department = jwt.getClaimAsString(TokenClaims.DEPARTMENT);
    return Optional.of(new Caller(jwt.getSubject(), name, roles,
        department == null ? null : parseDepartment(department),
        jwt.getClaimAsString(TokenClaims.TOWNSHIP), jwt.getClaimAsString(TokenClaims.VILLAGE)));
  }

  private static Department parseDepartment(String value) {
    try {
      return Department.valueOf(value);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "";
  }
}
