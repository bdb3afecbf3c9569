package org.onedoor.backend.intake;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Receipt codes: 12 random characters from an alphabet without look-alikes (no 0/O, 1/I/L), read over the phone in
 * three groups of four — about 59 bits, so they cannot be guessed. Lookups forgive case, spaces and dashes.
 */
final class ReceiptCodes {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ReceiptCodes() {
  }

  static String next() {
    StringBuilder code = new StringBuilder(14);
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  /** The code as stored, or null when the text cannot be one. */
  static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String compact = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (compact.length() != 12 || compact.chars().anyMatch(c -> new String(ALPHABET).indexOf(c) < 0)) {
      return null;
    }
    return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
  }
}
