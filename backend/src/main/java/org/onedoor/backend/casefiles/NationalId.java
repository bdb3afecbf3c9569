package org.onedoor.backend.casefiles;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A resident identity card number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd for males) and a check character. {@link #of} refuses anything else, so an invalid number cannot exist past
 * the edge. {@link #toString()} never prints the number: it must not reach a log line.
 *
 * @param value the 18 characters, check character upper-case
 */
public record NationalId(String value) {

  private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  public NationalId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a valid national ID number");
    }
  }

  /** Parses a number written with spaces, a lower-case x or full-width digits. */
  public static NationalId of(String text) {
    return new NationalId(normalise(text));
  }

  /** Whether the text is an 18-character national ID with a valid birth date and check character. */
  public static boolean isValid(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (text.charAt(i) - '0') * WEIGHTS[i];
    }
    if (CHECK[sum % 11] != text.charAt(17)) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
          Integer.parseInt(text.substring(12, 14)));
      return true;
    } catch (DateTimeException badDate) {
      return false;
    }
  }

  /**
   * The number for a region (6 digits), a date of birth and a sequence (0 … 999; odd for males), with its check
   * character.
   */
  public static NationalId issue(String region, LocalDate birthDate, int sequence) {
    String first17 = region + String.format(java.util.Locale.ROOT, "%04d%02d%02d%03d", birthDate.getYear(),
        birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return new NationalId(first17 + CHECK[sum % 11]);
  }

  /** The date of birth the number encodes. */
  public LocalDate birthDate() {
    return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
        Integer.parseInt(value.substring(12, 14)));
  }

  static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String halfWidth = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
    return halfWidth.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return "NationalId[****]";
  }
}
