package org.onedoor.backend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageSizeTest {

  private final GraphQlLimits limits = new GraphQlLimits(15, 300, 5000, 100, 20, true);

  @Test
  void no_first_gives_the_default_page_size() {
    assertThat(limits.pageSize(null).value()).isEqualTo(20);
  }

  @Test
  void a_first_above_the_cap_is_capped() {
    assertThat(limits.pageSize(10_000).value()).isEqualTo(100);
    assertThat(limits.pageSize(37).value()).isEqualTo(37);
  }

  @Test
  void a_negative_first_is_refused() {
    assertThatThrownBy(() -> limits.pageSize(-1)).isInstanceOf(PageSize.InvalidPageSizeException.class);
  }

  @Test
  void limits_with_a_default_above_the_cap_do_not_start() {
    assertThatThrownBy(() -> new GraphQlLimits(15, 300, 5000, 10, 20, true)).isInstanceOf(IllegalArgumentException.class);
  }
}
