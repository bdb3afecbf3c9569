package org.onedoor.portal.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The portal's one roles vocabulary: the names of the schema's {@code Role} enum (checked by PortalRolesTest), for
 * {@code @RolesAllowed} and for every check a view makes. The ID token's roles become {@code ROLE_} authorities
 * ({@link SecurityConfiguration}); only this class spells that prefix.
 */
public final class PortalRoles {

  public static final String VOLUNTEER = "VOLUNTEER";
  public static final String FAMILY = "FAMILY";
  public static final String CHARITY = "CHARITY";
  public static final String SUPERVISOR = "SUPERVISOR";
  public static final String TOWNSHIP_STAFF = "TOWNSHIP_STAFF";
  public static final String DEPARTMENT_STAFF = "DEPARTMENT_STAFF";
  public static final String CIVIL_AFFAIRS = "CIVIL_AFFAIRS";
  public static final String ADMIN = "ADMIN";

  /** Every role, as the schema lists them. */
  public static final List<String> ALL = List.of(VOLUNTEER, FAMILY, CHARITY, SUPERVISOR, TOWNSHIP_STAFF,
      DEPARTMENT_STAFF, CIVIL_AFFAIRS, ADMIN);
  /** The roles an administrator gives to staff accounts, in the order the form offers them. */
  public static final List<String> STAFF = List.of(TOWNSHIP_STAFF, SUPERVISOR, DEPARTMENT_STAFF, CIVIL_AFFAIRS,
      ADMIN);

  private static final String PREFIX = "ROLE_";

  private PortalRoles() {
  }

  /** The authority Spring Security gives a role. */
  static String authority(String role) {
    return PREFIX + role;
  }

  /** Whether someone is signed in (a signed-in citizen may hold no role at all). */
  public static boolean signedIn() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
  }

  /** The signed-in user's roles; empty for a visitor. */
  public static Set<String> current() {
    if (!signedIn()) {
      return Set.of();
    }
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user.getAuthorities().stream().map(a -> a.getAuthority()).filter(a -> a.startsWith(PREFIX))
        .map(a -> a.substring(PREFIX.length())).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the signed-in user holds this role. */
  public static boolean has(String role) {
    return current().contains(role);
  }
}
