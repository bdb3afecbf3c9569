package org.onedoor.portal.api;

import java.util.List;

/** Records for screening campaigns (全面排查). */
public final class Screening {

  private Screening() {
  }

  /**
   * A campaign with its progress in the user's scope.
   *
   * @param id identifier
   * @param name name
   * @param startsOn yyyy-MM-dd
   * @param endsOn yyyy-MM-dd
   * @param townships the townships covered; empty for the whole city
   * @param progress totals
   * @param villages each village's progress
   */
  public record Campaign(String id, String name, String startsOn, String endsOn, List<Township> townships,
      Progress progress, List<VillageProgress> villages) {

    public Campaign {
      townships = townships == null ? List.of() : List.copyOf(townships);
      villages = villages == null ? List.of() : List.copyOf(villages);
    }
  }

  /**
   * A campaign's totals.
   *
   * @param villages villages covered
   * @param villagesCompleted reported done
   * @param children children on file
   * @param childrenVisited visited since the start
   * @param visitedPercent percent visited
   * @param newFiles files opened since the start
   * @param householdsChecked households reported checked
   */
  public record Progress(int villages, int villagesCompleted, int children, int childrenVisited, int visitedPercent,
      int newFiles, int householdsChecked) {
  }

  /**
   * A village's progress.
   *
   * @param village the village
   * @param township its township
   * @param children children on file
   * @param childrenVisited visited since the start
   * @param visitedPercent percent visited
   * @param newFiles files opened since the start
   * @param householdsChecked households reported checked
   * @param completed reported done
   * @param note the village's note
   * @param version the report's version, to send back
   */
  public record VillageProgress(Village village, Village township, int children, int childrenVisited,
      int visitedPercent, int newFiles, int householdsChecked, boolean completed, String note, long version) {
  }
}
