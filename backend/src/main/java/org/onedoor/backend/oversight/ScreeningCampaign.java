package org.onedoor.backend.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A screening campaign (全面排查): for a period, supervisors go round every household of their villages to find the
 * children in difficulty, visit the children on file and open files for the ones found. Its progress per village is
 * counted from the files (visits since it began, files opened since) and the supervisors' reports.
 *
 * @param id identifier
 * @param name what it is called, e.g. "2026年秋季全面排查"
 * @param townshipIds the townships it covers; empty for the whole city
 * @param startsOn its first day
 * @param endsOn its last day
 * @param createdBy who started it
 * @param createdAt when
 */
@Document("screening_campaigns")
record ScreeningCampaign(@Id String id, String name, List<String> townshipIds, LocalDate startsOn,
    LocalDate endsOn, String createdBy, Instant createdAt) {

  public ScreeningCampaign {
    townshipIds = townshipIds == null ? List.of() : List.copyOf(townshipIds);
  }

  /** Whether it covers a township. */
  public boolean covers(String townshipId) {
    return townshipIds.isEmpty() || townshipIds.contains(townshipId);
  }
}
