package org.onedoor.backend.oversight;

/**
 * Where a village stands in a screening campaign.
 *
 * @param campaignId the campaign
 * @param villageId the village
 * @param townshipId its township
 * @param children children on file in the village
 * @param childrenVisited of them, visited since the campaign began
 * @param newFiles files opened in the village since the campaign began
 * @param householdsChecked households the village reported checked
 * @param completed whether the village reported its round done
 * @param note the village's note
 * @param reportedAt when it last reported, or null
 * @param version its report's version (0 before the first)
 */
record VillageProgress(String campaignId, String villageId, String townshipId, int children,
    int childrenVisited, int newFiles, int householdsChecked, boolean completed, String note, String reportedAt,
    long version) {

  /** Children visited, in percent of the children on file (100 when there are none). */
  public int visitedPercent() {
    return children == 0 ? 100 : (int) Math.floor(100.0 * childrenVisited / children);
  }
}
