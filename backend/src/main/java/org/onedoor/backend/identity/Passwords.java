package org.onedoor.backend.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What a password chosen for an account must satisfy; the reason, as a message code, when it does not. */
public final class Passwords {

  public static final int MIN_LENGTH = 12;
  /** bcrypt reads 72 bytes: a longer password would be cut silently. */
  static final int MAX_BYTES = 72;

  private Passwords() {
  }

  /**
   * Empty when acceptable, else the message code of the first rule broken: at least {@link #MIN_LENGTH} characters,
   * at most {@link #MAX_BYTES} bytes (bcrypt's limit), not containing the username, not a common password or one with
   * digits around it, at least 5 different characters. Applied at sign-up, at an administrator's reset and at a
   * change.
   */
  public static Optional<String> problem(String password, String username) {
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
    if (lower.contains(DemoAccounts.PASSWORD) || lower.chars().distinct().count() < 5 || common(lower)) {
      return Optional.of("password.tooSimple");
    }
    return Optional.empty();
  }

  /**
   * Whether a (lower-cased) password is one of the common ones, or one of them with only digits or punctuation
   * around it ("password1234!", "2026woaini1314").
   */
  static boolean common(String lower) {
    if (COMMON.contains(lower)) {
      return true;
    }
    String core = lower.replaceAll("^[0-9\\p{P}\\p{S}]+|[0-9\\p{P}\\p{S}]+$", "");
    return core.length() >= 4 && COMMON.contains(core) || core.isEmpty();
  }

  private static final java.util.Set<String> COMMON = load();

  private static java.util.Set<String> load() {
    try (var in = Passwords.class.getResourceAsStream("/identity/common-passwords.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(java.util.stream.Collectors.toSet());
    } catch (java.io.IOException | NullPointerException missing) {
      throw new IllegalStateException("the list of common passwords is missing", missing);
    }
  }
}
