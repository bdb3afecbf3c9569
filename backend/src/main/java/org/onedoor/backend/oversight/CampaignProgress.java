package org.onedoor.backend.oversight;

import java.util.List;

/**
 * A screening campaign's totals over the villages the caller may see.
 *
 * @param villages villages covered
 * @param villagesCompleted of them, reported done
 * @param children children on file
 * @param childrenVisited of them, visited since it began
 * @param newFiles files opened since it began
 * @param householdsChecked households reported checked
 */
record CampaignProgress(int villages, int villagesCompleted, int children, int childrenVisited, int newFiles,
    int householdsChecked) {

  static CampaignProgress of(List<VillageProgress> villages) {
    return new CampaignProgress(villages.size(), (int) villages.stream().filter(VillageProgress::completed).count(),
        villages.stream().mapToInt(VillageProgress::children).sum(),
        villages.stream().mapToInt(VillageProgress::childrenVisited).sum(),
        villages.stream().mapToInt(VillageProgress::newFiles).sum(),
        villages.stream().mapToInt(VillageProgress::householdsChecked).sum());
  }

  /** Children visited, in percent (100 when there are none). */
  public int visitedPercent() {
    return children == 0 ? 100 : (int) Math.floor(100.0 * childrenVisited / children);
  }
}
