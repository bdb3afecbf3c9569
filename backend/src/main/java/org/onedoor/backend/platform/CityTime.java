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

  /** The first instant of a month in the city. */
  public static java.time.Instant startOf(java.time.YearMonth month) {
    return month.atDay(1).atStartOfDay(ZONE).toInstant();
  }

  /** The month in the city an instant falls in. */
  public static java.time.YearMonth monthOf(java.time.Instant at) {
    return java.time.YearMonth.from(at.atZone(ZONE));
  }

  /** Today in the city, by the given clock. */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }
}
