package org.onedoor.backend.registry;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) every registered organisation carries: 18 characters
 * from a 31-character alphabet, the last a check character over the first 17.
 */
public final class RegistrationNumber {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private RegistrationNumber() {
  }

  /** The code in upper case without spaces, or null when it is not a valid code. */
  public static String normalised(String entered) {
    if (entered == null) {
      return null;
    }
    String code = entered.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    if (code.length() != 18 || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
      return null;
    }
    return code.charAt(17) == checkCharacter(code.substring(0, 17)) ? code : null;
  }

  static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
