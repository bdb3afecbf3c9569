package org.onedoor.backend.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What a password chosen for an account must satisfy; the reason, as a message code, when it does not. */
final class Passwords {

  static final int MIN_LENGTH = 12;
  /** bcrypt reads 72 bytes: a longer password would be cut silently. */
  static final int MAX_BYTES = 72;

  private Passwords() {
  }

  /** Empty when acceptable, else the message code of the first rule broken. */
  static Optional<String> problem(String password, String username) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("password.tooShort");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("password.tooLong");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password.containsUsername");
    }
    if (lower.contains(DemoAccounts.PASSWORD) || lower.chars().distinct().count() < 5) {
      return Optional.of("password.tooSimple");
    }
    return Optional.empty();
  }
}
