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
 * Differencing: a reader who knows the rule tries every assignment of the cells — keeping those for which the rule
 * would show exactly what is shown (the same exact cells, the same cells below 5, the same total or the same
 * withheld total) — and must not pin any suppressed cell: each "<5" cell can still be anything from 0 to 4.
 */
class SmallCountsTest {

  private static final int K = 5;
  private final SmallCounts smallCounts = new SmallCounts(K);

  @Test
  void one_small_cell_beside_exact_ones_would_be_the_total_minus_the_others_so_the_total_is_withheld() {
    assertThat(smallCounts.protect(List.of(7L, 3L, 12L)))
        .isEqualTo(new Column(List.of(Shown.EXACT, Shown.SMALL, Shown.EXACT), Shown.WITHHELD));
    assertNothingPinned(List.of(7L, 3L, 12L));
  }

  @Test
  void a_column_without_small_cells_is_shown_whole() {
    assertThat(smallCounts.protect(List.of(5L, 9L))).isEqualTo(new Column(List.of(Shown.EXACT, Shown.EXACT),
        Shown.EXACT));
    assertThat(smallCounts.text(14, Shown.EXACT)).isEqualTo("14");
    assertThat(smallCounts.text(0, Shown.SMALL)).isEqualTo("<5");
  }

  @Test
  void the_columns_a_reviewer_solved_against_an_earlier_rule_pin_nothing() {
    // Withholding the smallest exact cell told that it was no larger than those still shown: [4, 6, 7] gave the
    // small cell away as 3 or 4, and [10, 13, 4] told it was not 0.
    assertNothingPinned(List.of(4L, 6L, 7L));
    assertNothingPinned(List.of(10L, 13L, 4L));
    assertNothingPinned(List.of(4L, 4L));
  }

  @Test
  void across_2000_random_columns_solving_what_is_shown_pins_no_suppressed_cell() {
    Random random = new Random(13);
    for (int trial = 0; trial < 2000; trial++) {
      int size = 2 + random.nextInt(3);
      List<Long> counts = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        counts.add((long) (random.nextInt(3) == 0 ? random.nextInt(K) : random.nextInt(12)));
      }
      assertNothingPinned(counts);
    }
  }

  /** Every assignment the rule would show the same way; each "<5" cell must take every value 0..4 across them. */
  private void assertNothingPinned(List<Long> counts) {
    Column shown = smallCounts.protect(counts);
    long total = counts.stream().mapToLong(Long::longValue).sum();
    List<Set<Long>> possible = new ArrayList<>();
    counts.forEach(c -> possible.add(new HashSet<>()));
    enumerate(counts, shown, total, 0, new long[counts.size()], possible);
    for (int i = 0; i < counts.size(); i++) {
      if (shown.cells().get(i) == Shown.SMALL) {
        assertThat(possible.get(i)).as("cell %d of %s shown %s", i, counts, shown)
            .containsAll(List.of(0L, 1L, 2L, 3L, 4L));
      } else {
        assertThat(possible.get(i)).containsExactly(counts.get(i));
      }
    }
  }

  private void enumerate(List<Long> counts, Column shown, long total, int at, long[] values,
      List<Set<Long>> possible) {
    if (at == counts.size()) {
      List<Long> candidate = new ArrayList<>();
      for (long v : values) {
        candidate.add(v);
      }
      Column wouldShow = smallCounts.protect(candidate);
      long sum = candidate.stream().mapToLong(Long::longValue).sum();
      boolean sameDisplay = wouldShow.equals(shown) && (shown.total() != Shown.EXACT || sum == total);
      if (sameDisplay) {
        for (int i = 0; i < values.length; i++) {
          possible.get(i).add(values[i]);
        }
      }
      return;
    }
    long from = shown.cells().get(at) == Shown.SMALL ? 0 : counts.get(at);
    long to = shown.cells().get(at) == Shown.SMALL ? K - 1 : counts.get(at);
    for (long v = from; v <= to; v++) {
      values[at] = v;
      enumerate(counts, shown, total, at + 1, values, possible);
    }
  }
}
