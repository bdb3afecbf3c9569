package org.onedoor.backend.needs.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.needs.publication.SmallCounts.Column;
import org.onedoor.backend.needs.publication.SmallCounts.Shown;

/**
 * Differencing: a reader who knows the rule solves the column equation (cells add up to the total) by trying every
 * assignment consistent with what is shown — exact cells as shown, "<5" cells in 0..4, withheld cells at least 5,
 * the total as shown — and must not pin any suppressed cell: each "<5" cell can still be anything from 0 to 4.
 */
class SmallCountsTest {

  private static final int K = 5;
  private final SmallCounts smallCounts = new SmallCounts(K);

  @Test
  void one_small_cell_beside_exact_ones_would_be_the_total_minus_the_others_so_another_cell_is_withheld() {
    Column column = smallCounts.protect(List.of(7L, 3L, 12L));

    assertThat(column.cells()).containsExactly(Shown.WITHHELD, Shown.SMALL, Shown.EXACT);
    assertThat(column.total()).isEqualTo(Shown.EXACT);
    assertNothingPinned(List.of(7L, 3L, 12L), column);
  }

  @Test
  void two_small_cells_that_must_add_up_to_8_would_be_4_each_so_the_total_is_withheld_when_no_cell_is_left() {
    Column column = smallCounts.protect(List.of(4L, 4L));

    assertThat(column.cells()).containsExactly(Shown.SMALL, Shown.SMALL);
    assertThat(column.total()).isEqualTo(Shown.WITHHELD);
    assertNothingPinned(List.of(4L, 4L), column);
  }

  @Test
  void a_column_without_small_cells_is_shown_whole_and_one_of_small_cells_only_withholds_its_total() {
    assertThat(smallCounts.protect(List.of(5L, 9L))).isEqualTo(new Column(List.of(Shown.EXACT, Shown.EXACT),
        Shown.EXACT));
    assertThat(smallCounts.protect(List.of(1L, 2L)).total()).isEqualTo(Shown.WITHHELD);
    assertThat(smallCounts.protect(List.of(0L, 0L)).total()).isEqualTo(Shown.WITHHELD);
  }

  @Test
  void across_2000_random_columns_solving_the_shown_equation_pins_no_suppressed_cell() {
    Random random = new Random(13);
    for (int trial = 0; trial < 2000; trial++) {
      int size = 2 + random.nextInt(4);
      List<Long> counts = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        counts.add((long) (random.nextInt(3) == 0 ? random.nextInt(K) : random.nextInt(14)));
      }
      assertNothingPinned(counts, smallCounts.protect(counts));
    }
  }

  /** Every assignment a reader cannot rule out; each "<5" cell must take every value 0..4 across them. */
  private void assertNothingPinned(List<Long> counts, Column column) {
    long total = counts.stream().mapToLong(Long::longValue).sum();
    int bound = (int) total + K;
    List<Set<Long>> possible = new ArrayList<>();
    counts.forEach(c -> possible.add(new HashSet<>()));
    enumerate(counts, column, total, bound, 0, new long[counts.size()], possible);
    for (int i = 0; i < counts.size(); i++) {
      switch (column.cells().get(i)) {
        case SMALL -> assertThat(possible.get(i)).as("cell %d of %s shown %s", i, counts, column)
            .containsAll(List.of(0L, 1L, 2L, 3L, 4L));
        case WITHHELD -> assertThat(possible.get(i)).as("cell %d of %s shown %s", i, counts, column).hasSizeGreaterThan(1);
        case EXACT -> assertThat(possible.get(i)).containsExactly(counts.get(i));
      }
    }
  }

  private void enumerate(List<Long> counts, Column column, long total, int bound, int at, long[] values,
      List<Set<Long>> possible) {
    if (at == counts.size()) {
      long sum = 0;
      for (long v : values) {
        sum += v;
      }
      boolean consistent = switch (column.total()) {
        case EXACT -> sum == total;
        case SMALL -> sum < K;
        // A withheld total is at least K, except in a column whose every cell is small (then it is anything).
        case WITHHELD -> sum >= K || !column.cells().contains(Shown.EXACT) && !column.cells().contains(Shown.WITHHELD);
      };
      if (consistent) {
        for (int i = 0; i < values.length; i++) {
          possible.get(i).add(values[i]);
        }
      }
      return;
    }
    long from;
    long to;
    switch (column.cells().get(at)) {
      case EXACT -> {
        from = counts.get(at);
        to = counts.get(at);
      }
      case SMALL -> {
        from = 0;
        to = K - 1;
      }
      default -> {
        from = K;
        to = bound;
      }
    }
    for (long v = from; v <= to; v++) {
      values[at] = v;
      enumerate(counts, column, total, bound, at + 1, values, possible);
    }
  }
}
