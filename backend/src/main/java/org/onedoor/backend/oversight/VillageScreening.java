package org.onedoor.backend.oversight;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A village's own report in a screening campaign: how many households were checked, whether the round is done.
 * No child is named here; the children found get files.
 *
 * @param id the campaign's id and the village's, joined
 * @param campaignId the campaign
 * @param villageId the village
 * @param townshipId the village's township
 * @param householdsChecked households checked so far
 * @param completed whether the village's round is done
 * @param note a note (no personal data)
 * @param reportedBy who reported last
 * @param reportedAt when
 * @param version bumped by every report (a stale report is refused)
 */
@Document("screening_reports")
record VillageScreening(@Id String id, @Indexed String campaignId, String villageId, String townshipId,
    int householdsChecked, boolean completed, String note, String reportedBy, Instant reportedAt, long version) {

  static String idOf(String campaignId, String villageId) {
    return campaignId + ":" + villageId;
  }
}
