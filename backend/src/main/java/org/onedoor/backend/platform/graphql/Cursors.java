package org.onedoor.backend.platform.graphql;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Opaque keyset cursors: the sort key's parts, sealed with AES-GCM under a key every instance shares
 * ({@link CursorKey}). Nobody outside can read what a cursor holds (a publication time, a name) or make one that
 * points elsewhere: a cursor the server did not make — forged, altered or cut — is an
 * {@link InvalidCursorException}, which the caller sees as BAD_REQUEST.
 */
public final class Cursors {

  private static final String SEPARATOR = "\u0000";
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile SecretKey key = newKey();

  private Cursors() {
  }

  /** A fresh random AES-256 key. */
  static SecretKey newKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, RANDOM);
      return generator.generateKey();
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Seals every cursor from now on with the key the instances share (see {@link CursorKey}). */
  static void use(SecretKey shared) {
    key = shared;
  }

  public static String encode(Object... parts) {
    StringBuilder raw = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      raw.append(i == 0 ? "" : SEPARATOR).append(parts[i]);
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(new byte[] {VERSION});
      byte[] sealed = cipher.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8));
      ByteBuffer cursor = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.array());
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The cursor's parts; a cursor the server did not make is an {@link InvalidCursorException}. */
  public static String[] decode(String cursor, int parts) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
        throw new InvalidCursorException();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
      cipher.updateAAD(new byte[] {VERSION});
      byte[] raw = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
      String[] decoded = new String(raw, StandardCharsets.UTF_8).split(SEPARATOR, parts);
      if (decoded.length != parts) {
        throw new InvalidCursorException();
      }
      return decoded;
    } catch (IllegalArgumentException | GeneralSecurityException invalid) {
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

  /** A cursor part that holds a month (yyyy-MM). */
  public static String month(String part) {
    try {
      return java.time.YearMonth.parse(part).toString();
    } catch (java.time.DateTimeException invalid) {
      throw new InvalidCursorException();
    }
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
