package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The allocation's assignment on explicit candidate graphs: that it is exact (the urgency covered equals what an
 * exhaustive search finds), that it finds augmenting paths of any length, and that it never over-allocates.
 */
class CoverageTest {

  @Test
  void on_three_hundred_random_small_graphs_the_urgency_covered_is_the_exhaustive_optimum() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int needs = 3 + random.nextInt(6);
      int offers = 1 + random.nextInt(4);
      int[] capacity = IntStream.range(0, offers).map(o -> 1 + random.nextInt(2)).toArray();
      long[] weight = IntStream.range(0, needs).mapToLong(n -> 1 + random.nextInt(3)).toArray();
      int[][] edges = new int[needs][];
      for (int n = 0; n < needs; n++) {
        edges[n] = IntStream.range(0, offers).filter(o -> random.nextInt(3) == 0).toArray();
      }
      Coverage coverage = run(weight, edges, capacity.clone());

      long covered = 0;
      int[] used = new int[offers];
      for (int n = 0; n < needs; n++) {
        int offer = coverage.offerOf(n);
        if (offer >= 0) {
          covered += weight[n];
          used[offer]++;
          final int given = offer;
          assertThat(edges[n]).as("round %d: a need only gets one of its candidates", round)
              .matches(list -> Arrays.stream(list).anyMatch(o -> o == given));
        }
      }
      for (int o = 0; o < offers; o++) {
        assertThat(used[o]).as("round %d: offer %d within capacity", round, o).isLessThanOrEqualTo(capacity[o]);
      }
      assertThat(covered).as("round %d: urgency covered", round).isEqualTo(best(weight, edges, capacity, 0));
    }
  }

  @Test
  void a_need_left_without_a_free_offer_gets_one_along_a_path_of_four_moves() {
    // Offers 0..3 of capacity 1 each, 4 free. Needs 0..3 come first, each holding offer i; need i can also take i+1.
    // The last need only fits offer 0: it is covered only if all four move one offer on.
    int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0}};
    long[] weight = {3, 3, 3, 3, 1};
    Coverage coverage = run(weight, edges, new int[] {1, 1, 1, 1, 1});

    assertThat(IntStream.range(0, 5).map(coverage::offerOf).toArray()).containsExactly(1, 2, 3, 4, 0);
  }

  @Test
  void when_not_all_can_be_covered_the_more_urgent_are_and_a_better_free_candidate_is_taken_at_the_end() {
    // One place, two needs wanting it: the critical one gets it whatever the order of the indexes.
    int[][] edges = {{0}, {0, 1}};
    long[] weight = {1, 3};
    Coverage coverage = run(weight, edges, new int[] {1, 0});

    assertThat(coverage.offerOf(1)).isEqualTo(0);
    assertThat(coverage.offerOf(0)).isEqualTo(-1);
  }

  /** Runs the assignment with the needs in order of weight, scores falling along each need's list. */
  private static Coverage run(long[] weight, int[][] edges, int[] capacity) {
    int[] order = IntStream.range(0, weight.length).boxed()
        .sorted((a, b) -> Long.compare(weight[b], weight[a])).mapToInt(Integer::intValue).toArray();
    Coverage coverage = new Coverage(weight.length, capacity);
    coverage.cover(order, (n, left, full) -> new Coverage.Edges(edges[n],
        IntStream.range(0, edges[n].length).mapToDouble(e -> 100 - e).toArray()), k -> { });
    return coverage;
  }

  /** The most urgency that can be covered: every need tries each of its offers and none. */
  private static long best(long[] weight, int[][] edges, int[] left, int need) {
    if (need == weight.length) {
      return 0;
    }
    long best = best(weight, edges, left, need + 1);
    for (int offer : edges[need]) {
      if (left[offer] > 0) {
        left[offer]--;
        best = Math.max(best, weight[need] + best(weight, edges, left, need + 1));
        left[offer]++;
      }
    }
    return best;
  }
}
