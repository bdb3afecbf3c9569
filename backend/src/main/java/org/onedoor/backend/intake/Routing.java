package org.onedoor.backend.intake;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.needs.NeedCategory;
import org.springframework.stereotype.Component;

/**
 * Routes an intake by the rules: every rule of its kind whose category or cause the intake has applies (a kind's
 * default rule — no category, no cause — only when none does). The lead is the first applying rule's lead; every
 * other department named by an applying rule co-handles; the deadline is the shortest; emergency if any rule says so.
 */
@Component
public class Routing {

  private final RoutingRules rules;

  Routing(RoutingRules rules) {
    this.rules = rules;
  }

  /**
   * Where an intake goes.
   *
   * @param lead the leading department
   * @param coHandling the other departments, in rule order
   * @param deadline how soon the first response is due
   * @param emergency whether it jumps every queue
   */
  public record Decision(Department lead, List<Department> coHandling, Duration deadline, boolean emergency) {

    /** Lead first, then the co-handling departments. */
    public List<Department> departments() {
      Set<Department> all = new LinkedHashSet<>();
      all.add(lead);
      all.addAll(coHandling);
      return List.copyOf(all);
    }
  }

  public Decision route(IntakeKind kind, Collection<NeedCategory> categories, Collection<Cause> causes) {
    List<RoutingRules.Rule> specific = rules.rules().stream()
        .filter(r -> r.kind() == kind && !r.isDefault())
        .filter(r -> r.category() != null && categories.contains(r.category())
            || r.cause() != null && causes.contains(r.cause()))
        .toList();
    List<RoutingRules.Rule> applying = !specific.isEmpty() ? specific
        : rules.rules().stream().filter(r -> r.kind() == kind && r.isDefault()).toList();
    if (applying.isEmpty()) {
      throw new IllegalStateException("no routing rule for " + kind);
    }
    Department lead = applying.getFirst().lead();
    Set<Department> others = new LinkedHashSet<>();
    applying.forEach(r -> {
      others.add(r.lead());
      others.addAll(r.coHandling());
    });
    others.remove(lead);
    Duration deadline = applying.stream().map(RoutingRules.Rule::deadline).min(Duration::compareTo).orElseThrow();
    boolean emergency = applying.stream().anyMatch(RoutingRules.Rule::emergency);
    return new Decision(lead, List.copyOf(others), deadline, emergency);
  }
}
