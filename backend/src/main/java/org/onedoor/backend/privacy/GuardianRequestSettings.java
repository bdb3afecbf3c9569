package org.onedoor.backend.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guardians' requests.
 *
 * @param deadline how long after it was received a request must be answered
 */
@ConfigurationProperties("onedoor.guardian-requests")
public record GuardianRequestSettings(@DefaultValue("P15D") Period deadline) {

  public GuardianRequestSettings {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("onedoor.guardian-requests.deadline must be positive");
    }
  }
}
