package org.onedoor.backend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers as people write them: every usual way is taken and comes out as digits; anything else is refused. */
class PhonesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "13904671234|13904671234",
      "139 0467 1234|13904671234",
      "139-0467-1234|13904671234",
      "+86 139 0467 1234|13904671234",
      "+8613904671234|13904671234",
      "0086 139 0467 1234|13904671234",
      "8613904671234|13904671234",
      "(0467)5821234|04675821234",
      "（0467）5821234|04675821234",
      "0467-5821234|04675821234",
      "0467－5821234|04675821234",
      "0467 582 1234|04675821234",
      "+86 467 5821234|04675821234",
      "+86 (0467) 5821234|04675821234",
      "１３９０４６７１２３４|13904671234"})
  void every_usual_way_of_writing_a_number_is_taken(String entered, String digits) {
    assertThat(Phones.normalised(entered)).isEqualTo(digits);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1390467123", "139046712345", "+1 202 555 0100", "+86", "0467-58212",
      "139O4671234", "call 13904671234", "23904671234"})
  void anything_else_is_refused(String entered) {
    assertThat(Phones.normalised(entered)).isNull();
  }
}
