package org.onedoor.backend.platform;

import java.util.regex.Pattern;

/** Chinese phone numbers as entered by staff: a mobile number, or a landline with its area code. */
public final class Phones {

  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}\\d{7,8}");

  private Phones() {
  }

  /** The number without spaces and dashes, or null when it is not a valid number. */
  public static String normalised(String entered) {
    if (entered == null) {
      return null;
    }
    String digits = entered.replaceAll("[\\s-]", "");
    return PHONE.matcher(digits).matches() ? digits : null;
  }
}
