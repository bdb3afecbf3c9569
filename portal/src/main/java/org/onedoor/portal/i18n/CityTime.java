package org.onedoor.portal.i18n;

import java.time.LocalDate;
import java.time.ZoneId;

/** The city's time: days and times shown to users are China's, whatever the server's or the browser's zone. */
public final class CityTime {

  /** China Standard Time, the only zone the policy knows. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private CityTime() {
  }

  /** Today in the city. */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }
}
