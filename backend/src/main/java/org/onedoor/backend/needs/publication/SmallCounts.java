package org.onedoor.backend.needs.publication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Suppresses small counts in a column of cells that is published with its total, so that nobody can work a
 * suppressed count out of the cells and the total shown (see docs/decisions/007-public-answers-threat-model.md).
 *
 * <p>A cell below k is shown as "&lt;k" (primary suppression). Knowing the rule, a reader knows each such cell lies
 * in [0, k-1], and that a cell withheld for another's sake is at least k. A column equation total = Σ cells then pins
 * a small cell when too little is left over: one small cell beside exact ones is the total minus the others; two
 * small cells that must add up to 8 are 4 each. So cells are withheld as well (complementary suppression, the
 * smallest first) until every small cell can still be anything from 0 to k-1; when no cell is left to withhold, the
 * total is withheld. A column whose every cell is small withholds its total, whatever it is (knowing only that it
 * is at least k would tell that two small cells are not both 0).
 */
public final class SmallCounts {

  /** How a count is shown. */
  public enum Shown {
    /** The exact count. */
    EXACT,
    /** Below k: shown as "&lt;k". */
    SMALL,
    /** Withheld so that a small count of its column cannot be worked out. */
    WITHHELD
  }

  /**
   * A protected column.
   *
   * @param cells how each cell is shown, in the given order
   * @param total how the total is shown
   */
  public record Column(List<Shown> cells, Shown total) {
  }

  private final int k;

  public SmallCounts(int k) {
    this.k = k;
  }

  /** How to show a column of counts published with its total. */
  public Column protect(List<Long> counts) {
    long total = counts.stream().mapToLong(Long::longValue).sum();
    List<Shown> shown = new ArrayList<>(counts.stream().map(c -> c < k ? Shown.SMALL : Shown.EXACT).toList());
    if (!shown.contains(Shown.EXACT)) {
      // Every cell is small: even "the total is at least k" would tell that two small cells are not both 0, so
      // the total is withheld whatever it is.
      return new Column(shown, Shown.WITHHELD);
    }
    if (!shown.contains(Shown.SMALL)) {
      return new Column(shown, Shown.EXACT);
    }
    List<Integer> candidates = IntStream.range(0, counts.size()).filter(i -> shown.get(i) == Shown.EXACT).boxed()
        .sorted(Comparator.comparing(counts::get)).toList();
    for (int candidate : candidates) {
      if (isProtected(counts, shown, total)) {
        break;
      }
      shown.set(candidate, Shown.WITHHELD);
    }
    return new Column(shown, isProtected(counts, shown, total) ? Shown.EXACT : Shown.WITHHELD);
  }

  /**
   * Whether every small cell can still be anything from 0 to k-1 given the total: what is left once the exact cells
   * are taken off the total must leave room for the withheld cells (each at least k) and a small cell of k-1, and —
   * when nothing is withheld — must not force any small cell above 0.
   */
  private boolean isProtected(List<Long> counts, List<Shown> shown, long total) {
    long rest = total;
    int small = 0;
    int withheld = 0;
    for (int i = 0; i < counts.size(); i++) {
      switch (shown.get(i)) {
        case EXACT -> rest -= counts.get(i);
        case SMALL -> small++;
        case WITHHELD -> withheld++;
      }
    }
    boolean upperOpen = rest - (long) withheld * k >= k - 1;
    boolean lowerOpen = withheld > 0 || rest <= (long) (small - 1) * (k - 1);
    return upperOpen && lowerOpen;
  }

  /** The text of a count as shown. */
  public String text(long count, Shown shown) {
    return switch (shown) {
      case EXACT -> Long.toString(count);
      case SMALL -> "<" + k;
      case WITHHELD -> "—";
    };
  }
}
