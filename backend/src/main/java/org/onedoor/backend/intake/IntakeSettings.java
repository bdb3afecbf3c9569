package org.onedoor.backend.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-door intake settings ({@code onedoor.intake.*}).
 *
 * @param anonymousPerHour how many anonymous submissions one client may make per hour
 * @param immediateDangerResponse how soon the first response to a report of a child in danger right now is due
 *     (shorter than the routing rule's deadline, never longer)
 */
@ConfigurationProperties("onedoor.intake")
public record IntakeSettings(@DefaultValue("10") int anonymousPerHour,
    @DefaultValue("PT1H") java.time.Duration immediateDangerResponse) {

  public IntakeSettings {
    if (immediateDangerResponse == null || immediateDangerResponse.isNegative() || immediateDangerResponse.isZero()) {
      throw new IllegalArgumentException("onedoor.intake.immediate-danger-response must be a positive duration");
    }
  }
}
