package org.onedoor.backend.needs.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  @Test
  void a_child_falls_in_the_fine_band_of_its_age_in_whole_years_on_the_day() {
    assertThat(AgeBand.fineBandOf(LocalDate.of(2024, 11, 30), TODAY)).isEqualTo(AgeBand.AGE_0_2);
    assertThat(AgeBand.fineBandOf(LocalDate.of(2023, 11, 29), TODAY)).isEqualTo(AgeBand.AGE_3_5);
    assertThat(AgeBand.fineBandOf(LocalDate.of(2014, 11, 30), TODAY)).isEqualTo(AgeBand.AGE_6_11);
    assertThat(AgeBand.fineBandOf(LocalDate.of(2014, 11, 29), TODAY)).isEqualTo(AgeBand.AGE_12_14);
    assertThat(AgeBand.fineBandOf(LocalDate.of(2008, 11, 30), TODAY)).isEqualTo(AgeBand.AGE_15_17);
  }

  @Test
  void an_adult_has_no_child_age_band() {
    assertThatThrownBy(() -> AgeBand.fineBandOf(LocalDate.of(2008, 11, 29), TODAY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fine_bands_widen_to_the_three_wide_bands() {
    assertThat(AgeBand.AGE_0_2.wide()).isEqualTo(AgeBand.AGE_0_5);
    assertThat(AgeBand.AGE_3_5.wide()).isEqualTo(AgeBand.AGE_0_5);
    assertThat(AgeBand.AGE_6_11.wide()).isEqualTo(AgeBand.AGE_6_11);
    assertThat(AgeBand.AGE_12_14.wide()).isEqualTo(AgeBand.AGE_12_17);
    assertThat(AgeBand.AGE_15_17.wide()).isEqualTo(AgeBand.AGE_12_17);
  }
}
