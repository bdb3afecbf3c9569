package org.onedoor.backend.platform;

import java.util.regex.Pattern;

/** Chinese phone numbers as entered by staff: a mobile number, or a landline with its area code. */
public final class Phones {

  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}\\d{7,8}");

  private Phones() {
  }

  /**
   * The number as digits only, or null when it is not a valid number. People write numbers many ways, all taken:
   * spaces, dashes, dots and brackets, half- or full-width ({@code (0467)5821234}, {@code 0467－5821234}), and the
   * country code {@code +86}, {@code 0086} or {@code 86} before a mobile number or a landline without its leading
   * 0 ({@code +86 139 0467 1234}, {@code +86 467 5821234}).
   */
  public static String normalised(String entered) {
    if (entered == null) {
      return null;
    }
    String digits = java.text.Normalizer.normalize(entered, java.text.Normalizer.Form.NFKC)
        .replaceAll("[\\s\\-‐‑‒–—―.()\\[\\]]", "");
    if (digits.startsWith("+86")) {
      digits = national(digits.substring(3));
    } else if (digits.startsWith("0086")) {
      digits = national(digits.substring(4));
    } else if (digits.startsWith("86") && digits.length() == 13 && digits.charAt(2) == '1') {
      digits = digits.substring(2);
    }
    return digits != null && PHONE.matcher(digits).matches() ? digits : null;
  }

  /** A number after the country code: a mobile as it is, a landline with the leading 0 it drops abroad. */
  private static String national(String number) {
    if (number.isEmpty()) {
      return null;
    }
    return number.startsWith("1") || number.startsWith("0") ? number : "0" + number;
  }
}
