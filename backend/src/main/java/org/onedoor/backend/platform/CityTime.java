package org.onedoor.backend.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The city's time: days (a visit's day, a deadline's month, "today" for consents and the board) are China's, whatever
 * the server's zone. Instants stay UTC; only turning one into a day goes through here.
 */
public final class CityTime {

  /** China Standard Time, the only zone the policy knows. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private CityTime() {
  }

  /** Today in the city, by the given clock. */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }
}
