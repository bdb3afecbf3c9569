package org.onedoor.backend.identity;

import java.util.List;

/**
 * The caller's own account as the API shows it (GraphQL type {@code Account}); never holds a password hash.
 *
 * @param id the subject
 * @param displayName the name shown to others
 * @param roles role names
 * @param department the department scope, if any
 * @param townshipId the township scope, if any
 * @param villageId the village scope, if any
 * @param preferredLanguage the portal language after sign-in
 */
public record Me(String id, String displayName, List<String> roles, Department department, String townshipId,
    String villageId, Language preferredLanguage) {
}
