package org.onedoor.backend.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a new deployment, created at start when no administrator exists. The initial password
 * works once: the administrator must choose a new one at the first sign-in.
 *
 * @param username the administrator's login name ({@code ONEDOOR_ADMIN_USERNAME})
 * @param initialPassword the initial password ({@code ONEDOOR_ADMIN_INITIAL_PASSWORD}); at least 12 characters
 */
@ConfigurationProperties("onedoor.admin")
public record AdminSettings(String username, String initialPassword) {

  boolean configured() {
    return username != null && !username.isBlank() && initialPassword != null && !initialPassword.isEmpty();
  }
}
