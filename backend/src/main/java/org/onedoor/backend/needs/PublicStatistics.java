package org.onedoor.backend.needs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.backend.casefiles.CaseFiles;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.FileCensus;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.needs.publication.AnonymitySettings;
import org.onedoor.backend.needs.publication.SmallCounts;
import org.onedoor.backend.platform.mongo.DailySnapshots;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Public statistics, taken once a day and then served unchanged to every caller on every instance (no live counter
 * an attacker can watch move). Children are counted by township × cause over confirmed files only (a draft from the
 * one door counts nowhere until staff confirm it), with each cause's city total; every count below k is shown as
 * "<k" — zero too — and further cells are withheld where a small count could otherwise be worked out from its
 * column's total ({@link SmallCounts}). Needs are counted exactly, from the board's model ({@link BoardModel}):
 * every published need is on the public board anyway, so hiding their counts would protect nothing. See
 * docs/decisions/007-public-answers-threat-model.md.
 */
@Service
public class PublicStatistics {

  static final String SNAPSHOTS = "statistics_snapshots";

  private final CaseFiles files;
  private final FileCensus census;
  private final BoardModel board;
  private final Geography geography;
  private final SmallCounts smallCounts;
  private final int k;
  private final DailySnapshots snapshots;

  PublicStatistics(CaseFiles files, FileCensus census, BoardModel board, Geography geography,
      AnonymitySettings anonymity, DailySnapshots snapshots) {
    this.census = census;
    this.files = files;
    this.board = board;
    this.geography = geography;
    this.smallCounts = new SmallCounts(anonymity.k());
    this.k = anonymity.k();
    this.snapshots = snapshots;
  }

  /**
   * The public counts.
   *
   * @param children children by township and cause
   * @param childrenTotals children city-wide by cause
   * @param needs published needs by township shown (null id: city-wide) and category
   */
  public record Statistics(List<ChildrenCount> children, List<ChildrenTotal> childrenTotals, List<NeedCount> needs) {
  }

  /**
   * One cell of children.
   *
   * @param townshipId township
   * @param cause cause
   * @param count the shown count
   */
  public record ChildrenCount(String townshipId, Cause cause, String count) {
  }

  /**
   * The children of a cause city-wide.
   *
   * @param cause cause
   * @param count the shown count
   */
  public record ChildrenTotal(Cause cause, String count) {
  }

  /**
   * One cell of needs.
   *
   * @param townshipId township shown, or null for city-wide
   * @param category category
   * @param count the count
   */
  public record NeedCount(String townshipId, NeedCategory category, String count) {
  }

  /** Today's statistics: taken by the first caller of the day (on any instance), the same for every later one. */
  @PreAuthorize(Roles.PUBLIC)
  public Statistics statistics() {
    return snapshots.of(SNAPSHOTS + "_k" + k, files.today(), Statistics.class, this::take);
  }

  private Statistics take() {
    List<Township> townships = geography.townships();
    Map<String, Map<Cause, Long>> children = census.childrenByTownshipAndCause();
    List<ChildrenCount> childCells = new ArrayList<>();
    List<ChildrenTotal> totals = new ArrayList<>();
    for (Cause cause : Cause.values()) {
      List<Long> column = townships.stream()
          .map(t -> children.getOrDefault(t.id(), Map.of()).getOrDefault(cause, 0L)).toList();
      SmallCounts.Column shown = smallCounts.protect(column);
      for (int i = 0; i < townships.size(); i++) {
        childCells.add(new ChildrenCount(townships.get(i).id(), cause,
            smallCounts.text(column.get(i), shown.cells().get(i))));
      }
      totals.add(new ChildrenTotal(cause, smallCounts.text(column.stream().mapToLong(Long::longValue).sum(),
          shown.total())));
    }
    childCells.sort(java.util.Comparator.comparing((ChildrenCount c) -> townships.stream().map(Township::id).toList()
        .indexOf(c.townshipId())).thenComparing(ChildrenCount::cause));
    Map<String, Long> needs = new HashMap<>();
    for (BoardEntry entry : board.index().openOn(files.today())) {
      needs.merge(entry.shown().townshipId() + "|" + entry.shown().category().name(), 1L, Long::sum);
    }
    List<NeedCount> needCells = new ArrayList<>();
    List<String> places = new ArrayList<>(townships.stream().map(Township::id).toList());
    places.add(null);
    for (String place : places) {
      for (NeedCategory category : NeedCategory.values()) {
        needCells.add(new NeedCount(place, category,
            Long.toString(needs.getOrDefault(place + "|" + category.name(), 0L))));
      }
    }
    return new Statistics(childCells, totals, needCells);
  }
}
