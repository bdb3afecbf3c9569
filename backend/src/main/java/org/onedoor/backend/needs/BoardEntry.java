package org.onedoor.backend.needs;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One need as the public board holds it in memory: what the public sees of it ({@link PublicNeed}, already
 * anonymised when it was published) and what decides whether and where it shows. Nothing of the child's file is
 * here — not even the file's id.
 *
 * @param needId the need's internal id (how a recorded change names it; never shown)
 * @param shown what the public sees
 * @param urgencyRank the urgency's order (the first sort key)
 * @param consentValidUntil the last day the consent it was published under holds
 */
record BoardEntry(String needId, PublicNeed shown, int urgencyRank, LocalDate consentValidUntil) {

  /** The board's order: most urgent first, then the earliest month of publication, then the random public id. */
  static final Comparator<BoardEntry> ORDER = Comparator.comparingInt(BoardEntry::urgencyRank)
      .thenComparing(e -> e.shown().publishedMonth()).thenComparing(e -> e.shown().id());

  /** The entry of a need the public may see on some day (published or fulfilled), else null. */
  static BoardEntry of(Need need) {
    boolean candidate = need.status() == NeedStatus.PUBLISHED || need.status() == NeedStatus.FULFILLED;
    if (!candidate || need.profile() == null || need.publishedMonth() == null || need.consentValidUntil() == null) {
      return null;
    }
    return new BoardEntry(need.id(), PublicNeed.of(need), need.urgencyRank(), need.consentValidUntil());
  }

  /** Whether it is fulfilled (shown on the board of help given) rather than open. */
  boolean fulfilled() {
    return shown.fulfilled();
  }

  /**
   * Whether the public sees it on a day: its consent holds, and an open need's deadline month has not passed — the
   * rule of {@link Needs#onBoardCriteria} and of the fulfilled board, in memory.
   *
   * @param today the city's day
   * @param month the city's month, yyyy-MM
   */
  boolean visibleOn(LocalDate today, String month) {
    if (consentValidUntil.isBefore(today)) {
      return false;
    }
    return fulfilled() || shown.deadlineMonth() == null || shown.deadlineMonth().compareTo(month) >= 0;
  }

  /** Whether it sorts after a cursor's key. */
  boolean after(int rank, String month, String publicId) {
    if (urgencyRank != rank) {
      return urgencyRank > rank;
    }
    int byMonth = shown.publishedMonth().compareTo(month);
    return byMonth != 0 ? byMonth > 0 : shown.id().compareTo(publicId) > 0;
  }

  @Override
  public String toString() {
    return "BoardEntry[" + shown.id() + "]";
  }
}
