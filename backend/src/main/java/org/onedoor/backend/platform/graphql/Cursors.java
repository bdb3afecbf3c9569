package org.onedoor.backend.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursors: the sort key's parts, joined and base64url-encoded. */
public final class Cursors {

  private static final String SEPARATOR = "\u0000";

  private Cursors() {
  }

  public static String encode(Object... parts) {
    StringBuilder raw = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      raw.append(i == 0 ? "" : SEPARATOR).append(parts[i]);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor's parts; a cursor the server did not make is an {@link InvalidCursorException}. */
  public static String[] decode(String cursor, int parts) {
    try {
      String[] decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
          .split(SEPARATOR, parts);
      if (decoded.length != parts) {
        throw new InvalidCursorException();
      }
      return decoded;
    } catch (IllegalArgumentException invalid) {
      throw new InvalidCursorException();
    }
  }

  /** A cursor part that holds a whole number; anything else is an {@link InvalidCursorException}. */
  public static long number(String part) {
    try {
      return Long.parseLong(part);
    } catch (NumberFormatException invalid) {
      throw new InvalidCursorException();
    }
  }

  /** A cursor part that holds an instant as epoch milliseconds. */
  public static java.time.Instant instant(String part) {
    return java.time.Instant.ofEpochMilli(number(part));
  }

  /** A cursor part that holds a day (yyyy-MM-dd). */
  public static java.time.LocalDate day(String part) {
    try {
      return java.time.LocalDate.parse(part);
    } catch (java.time.DateTimeException invalid) {
      throw new InvalidCursorException();
    }
  }
}
