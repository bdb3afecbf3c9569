package org.onedoor.backend.identity;

import java.time.Instant;
import java.util.Set;
import org.onedoor.backend.platform.Roles;
import org.onedoor.schema.RoleNames;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored account. Local accounts sign in at the embedded issuer with their password; accounts of an external
 * issuer exist here only to keep their preferences (no password hash, disabled for local sign-in).
 *
 * @param id the subject: login name for local accounts
 * @param passwordHash the encoded password ({@code {bcrypt}...}); null for external accounts
 * @param displayName the name shown to others
 * @param roles names from {@link Roles}
 * @param department the department (DEPARTMENT_STAFF)
 * @param townshipId the township scope (TOWNSHIP_STAFF, SUPERVISOR)
 * @param villageId the village scope (SUPERVISOR)
 * @param preferredLanguage the portal language after sign-in
 * @param enabled whether the account may sign in
 * @param createdAt when the account was created
 * @param mustChangePassword the password was set by someone else (an initial or reset password): the account signs in
 *     only after choosing its own
 */
@Document("accounts")
public record Account(@Id String id, String passwordHash, String displayName, Set<String> roles,
    Department department, String townshipId, String villageId, Language preferredLanguage, boolean enabled,
    Instant createdAt, boolean mustChangePassword) {

  public Account {
    roles = Set.copyOf(roles);
    if (!RoleNames.ALL.containsAll(roles)) {
      throw new IllegalArgumentException("unknown role in " + roles);
    }
    if (roles.contains(RoleNames.SUPERVISOR) && (villageId == null || townshipId == null)) {
      throw new IllegalArgumentException("a supervisor is scoped to a village and its township");
    }
    if (roles.contains(RoleNames.TOWNSHIP_STAFF) && townshipId == null) {
      throw new IllegalArgumentException("township staff are scoped to a township");
    }
    if (roles.contains(RoleNames.DEPARTMENT_STAFF) && department == null) {
      throw new IllegalArgumentException("department staff are scoped to a department");
    }
    if (preferredLanguage == null) {
      preferredLanguage = Language.ZH_CN;
    }
  }
}
