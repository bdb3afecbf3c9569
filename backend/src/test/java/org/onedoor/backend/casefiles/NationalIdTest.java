package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NationalIdTest {

  // GB 11643 example structure: region 230381 (Hulin), born 2015-03-08, sequence 123 (odd: male), check digit.
  private static final String VALID = "23038120150308123" + check("23038120150308123");
  // Region 230381, born 2015-03-08, sequence 169 (odd: male); its check character is X:
  //   digits    2   3   0   3   8   1   2   0   1   5   0   3   0   8   1   6   9
  //   weights   7   9  10   5   8   4   2   1   6   3   7   9  10   5   8   4   2
  //   products 14  27   0  15  64   4   4   0   6  15   0  27   0  40   8  24  18   sum 266
  //   266 mod 11 = 2 (264 = 11 × 24); in 1 0 X 9 8 7 6 5 4 3 2, index 2 is X.
  private static final String WITH_X = "23038120150308169X";

  @Test
  void a_valid_number_is_accepted_even_with_spaces_full_width_digits_or_a_small_x() {
    assertThat(NationalId.of(" " + VALID.substring(0, 6) + " " + VALID.substring(6)).value()).isEqualTo(VALID);
    assertThat(NationalId.isValid(VALID)).isTrue();
    String fullWidthDigits = VALID.substring(0, 17).chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
        .reduce("", String::concat);
    assertThat(NationalId.of(fullWidthDigits + VALID.substring(17)).value()).isEqualTo(VALID);
    // A small x (ASCII or full-width) is read as the check character X and kept as a capital.
    assertThat(NationalId.isValid(WITH_X)).isTrue();
    assertThat(NationalId.of("23038120150308169x").value()).isEqualTo(WITH_X);
    assertThat(NationalId.of(" 230381 20150308169x ").value()).isEqualTo(WITH_X);
    assertThat(NationalId.of("２３０３８１２０１５０３０８１６９ｘ").value()).isEqualTo(WITH_X);
    assertThat(NationalId.of("23038120150308169x").birthDate()).isEqualTo(LocalDate.of(2015, 3, 8));
    // Only of(...) normalises: the raw small x is not the stored form.
    assertThat(NationalId.isValid("23038120150308169x")).isFalse();
    assertThatThrownBy(() -> new NationalId("23038120150308169x")).isInstanceOf(IllegalArgumentException.class);
    // X is a check value, not a wildcard: …168 sums to 264, 264 mod 11 = 0, so its check character is 1.
    assertThat(NationalId.isValid("230381201503081681")).isTrue();
    assertThatThrownBy(() -> NationalId.of("23038120150308168x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_wrong_check_character_or_impossible_birth_date_is_refused() {
    char wrong = VALID.charAt(17) == '1' ? '2' : '1';
    assertThatThrownBy(() -> NationalId.of(VALID.substring(0, 17) + wrong)).isInstanceOf(IllegalArgumentException.class);
    String feb30 = "23038120150230123";
    assertThat(NationalId.isValid(feb30 + check(feb30))).isFalse();
    assertThat(NationalId.isValid("12345")).isFalse();
  }

  @Test
  void the_birth_date_is_read_from_the_number_and_the_number_never_prints() {
    NationalId id = NationalId.of(VALID);

    assertThat(id.birthDate()).isEqualTo(LocalDate.of(2015, 3, 8));
    assertThat(id.toString()).doesNotContain("230381").doesNotContain("2015");
  }

  @Test
  void a_number_issued_for_a_region_birth_date_and_sequence_carries_its_check_character() {
    NationalId issued = NationalId.issue("230381", java.time.LocalDate.of(2015, 3, 8), 123);

    assertThat(issued.value()).isEqualTo(VALID);
    assertThat(issued.birthDate()).isEqualTo(java.time.LocalDate.of(2015, 3, 8));
  }

  static String check(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    char[] codes = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return String.valueOf(codes[sum % 11]);
  }
}
