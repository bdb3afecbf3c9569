package org.onedoor.portal.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.onedoor.schema.RoleNames;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The portal's role checks, over the one roles vocabulary {@link RoleNames} (the schema module's, which the backend
 * authorizes with too): {@code @RolesAllowed} names {@code RoleNames} constants, and views ask here. The ID token's
 * roles become {@code ROLE_} authorities ({@link SecurityConfiguration}); only this class spells that prefix.
 */
public final class PortalRoles {

  /** The roles an administrator gives to staff accounts, in the order the form offers them. */
  public static final List<String> STAFF = List.of(RoleNames.TOWNSHIP_STAFF, RoleNames.SUPERVISOR,
      RoleNames.DEPARTMENT_STAFF, RoleNames.CIVIL_AFFAIRS, RoleNames.OVERSIGHT, RoleNames.ADMIN);

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

  /** Whether the signed-in user holds any of these roles. */
  public static boolean has(String... roles) {
    Set<String> mine = current();
    return java.util.Arrays.stream(roles).anyMatch(mine::contains);
  }
}
