package org.onedoor.backend.safety;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The safety chain's deadlines ({@code onedoor.safety.*}), each counted from the step before (the first from the
 * report).
 *
 * @param childSeenInDanger the child is seen this soon after a report of immediate danger
 * @param childSeen the child is seen this soon after any other report
 * @param immediateSafety immediate safety is arranged this soon after the child is seen
 * @param assessment the assessment is made this soon after immediate safety
 * @param followUp the next intervention, or the closure, this soon after the assessment or an intervention
 * @param catchUp how far back the chain looks for reports whose chain was not opened (a lost event)
 */
@ConfigurationProperties("onedoor.safety")
public record SafetySettings(@DefaultValue("PT1H") Duration childSeenInDanger, @DefaultValue("PT24H") Duration childSeen,
    @DefaultValue("PT24H") Duration immediateSafety, @DefaultValue("P3D") Duration assessment,
    @DefaultValue("P30D") Duration followUp, @DefaultValue("P7D") Duration catchUp) {

  public SafetySettings {
    for (Duration d : new Duration[] {childSeenInDanger, childSeen, immediateSafety, assessment, followUp, catchUp}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("onedoor.safety deadlines must be positive durations");
      }
    }
  }

  /** How long the step after {@code done} may take (the first step when {@code done} is null). */
  Duration after(SafetyStep done, boolean immediateDanger) {
    if (done == null) {
      return immediateDanger ? childSeenInDanger : childSeen;
    }
    return switch (done) {
      case CHILD_SEEN -> immediateSafety;
      case IMMEDIATE_SAFETY -> assessment;
      case ASSESSMENT, INTERVENTION, CLOSURE -> followUp;
    };
  }
}
