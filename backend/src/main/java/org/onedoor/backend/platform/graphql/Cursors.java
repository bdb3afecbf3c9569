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

  /**
   * Pages a query by an instant field, then the id (ascending) among equal instants: adds what comes after the cursor
   * (none: from the start), the order and one more than the page (to tell whether another page follows). The cursor
   * is {@code encode(instant in epoch milliseconds, id)}.
   *
   * @param query the query to page
   * @param field the instant field
   * @param newestFirst whether the newest come first
   * @param after the cursor after which to continue, or null
   * @param size the page size
   * @return the query
   */
  public static org.springframework.data.mongodb.core.query.Query pageByInstant(
      org.springframework.data.mongodb.core.query.Query query, String field, boolean newestFirst, String after,
      PageSize size) {
    if (after != null && !after.isBlank()) {
      String[] key = decode(after, 2);
      java.time.Instant at = instant(key[0]);
      var where = org.springframework.data.mongodb.core.query.Criteria.where(field);
      query.addCriteria(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
          newestFirst ? where.lt(at) : where.gt(at),
          org.springframework.data.mongodb.core.query.Criteria.where(field).is(at).and("_id").gt(key[1])));
    }
    return query.with(org.springframework.data.domain.Sort.by(newestFirst
            ? org.springframework.data.domain.Sort.Order.desc(field) : org.springframework.data.domain.Sort.Order.asc(field),
        org.springframework.data.domain.Sort.Order.asc("_id"))).limit(size.value() + 1);
  }
}
