package org.onedoor.backend.casefiles;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a supervisor must visit a child's home, by risk tier ({@code onedoor.visits.interval-days}: four numbers
 * of days, tier 1 first).
 *
 * @param intervalDays days between visits for tiers 1, 2, 3 and 4
 */
@ConfigurationProperties("onedoor.visits")
public record VisitSettings(@DefaultValue({"7", "30", "60", "90"}) List<Integer> intervalDays) {

  public VisitSettings {
    if (intervalDays == null || intervalDays.size() != 4 || intervalDays.stream().anyMatch(d -> d == null || d < 1)) {
      throw new IllegalArgumentException(
          "onedoor.visits.interval-days needs four positive numbers of days (tiers 1 to 4), got " + intervalDays);
    }
    intervalDays = List.copyOf(intervalDays);
  }

  /** Days between visits for a risk tier (1 … 4). */
  public int days(int riskTier) {
    return intervalDays.get(riskTier - 1);
  }
}
