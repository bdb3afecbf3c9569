package org.onedoor.backend.intake;

import java.time.Duration;
import java.util.List;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.needs.NeedCategory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which departments handle what, and how soon (configuration, {@code onedoor.routing.rules}, not code). A rule
 * matches an intake of its kind when it names no category and no cause, or one the intake has. See
 * {@link Routing} for how the matching rules combine.
 *
 * @param rules the rules, most specific first
 */
@ConfigurationProperties("onedoor.routing")
public record RoutingRules(List<Rule> rules) {

  public RoutingRules {
    rules = rules == null ? List.of() : List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("onedoor.routing.rules is empty: every intake needs a department");
    }
  }

  /**
   * One rule.
   *
   * @param kind the intake kind it applies to
   * @param category the need category it applies to, or null
   * @param cause the cause it applies to, or null
   * @param lead the department that leads
   * @param coHandling the departments that handle it with the lead
   * @param deadline how soon the first response is due
   * @param emergency whether such intakes jump every queue
   */
  public record Rule(IntakeKind kind, NeedCategory category, Cause cause, Department lead,
      List<Department> coHandling, Duration deadline, boolean emergency) {

    public Rule {
      if (kind == null || lead == null || deadline == null || deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("a routing rule needs a kind, a lead department and a positive deadline");
      }
      coHandling = coHandling == null ? List.of() : List.copyOf(coHandling);
    }

    boolean isDefault() {
      return category == null && cause == null;
    }
  }
}
