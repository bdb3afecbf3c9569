package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NationalIdTest {

  // GB 11643 example structure: region 230381 (Hulin), born 2015-03-08, sequence 123 (odd: male), check digit.
  private static final String VALID = "23038120150308123" + check("23038120150308123");

  @Test
  void a_valid_number_is_accepted_even_with_spaces_full_width_digits_or_a_small_x() {
    assertThat(NationalId.of(" " + VALID.substring(0, 6) + " " + VALID.substring(6)).value()).isEqualTo(VALID);
    assertThat(NationalId.isValid(VALID)).isTrue();
    String fullWidthDigits = VALID.substring(0, 17).chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
        .reduce("", String::concat);
    assertThat(NationalId.of(fullWidthDigits + VALID.substring(17).toLowerCase()).value()).isEqualTo(VALID);
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
