package org.onedoor.backend.needs.publication;

import java.util.List;

/**
 * Suppresses small counts in a column of cells that could be published with its total, so that nobody can work a
 * suppressed count out of what is shown (see docs/decisions/007-public-answers-threat-model.md).
 *
 * <p>A cell below k is shown as "&lt;k" (primary suppression), zero too. The total would add an equation — total =
 * Σ cells — from which a reader who knows the rule solves or narrows the small cells: one small cell beside exact
 * ones is the total minus the others; two small cells that must add up to 8 are 4 each; and any rule that withholds
 * further cells to protect them is itself data-dependent, so its choice tells something too (withholding the
 * smallest exact cell tells that it is no larger than the others still shown). So a column with a small cell shows
 * no total at all ("—"); a column without one shows its total, from which nothing is hidden. This is suppression of
 * the margin, the one complementary suppression that depends on nothing but which cells are small — which the reader
 * sees anyway.
 */
@org.springframework.modulith.NamedInterface("publication")
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

  /** How to show a column of counts that would be published with its total. */
  public Column protect(List<Long> counts) {
    List<Shown> cells = counts.stream().map(c -> c < k ? Shown.SMALL : Shown.EXACT).toList();
    return new Column(cells, cells.contains(Shown.SMALL) ? Shown.WITHHELD : Shown.EXACT);
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
