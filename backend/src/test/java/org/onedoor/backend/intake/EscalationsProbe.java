package org.onedoor.backend.intake;

import java.time.Instant;
import org.springframework.boot.test.context.TestComponent;

/** Lets tests of other packages run the escalation job at a chosen moment (the job's clock is otherwise real). */
@TestComponent
public class EscalationsProbe {

  private final Escalations escalations;

  EscalationsProbe(Escalations escalations) {
    this.escalations = escalations;
  }

  /** One run as a fresh instance at a moment; how many tasks escalated. */
  public int runAt(Instant now) {
    return escalations.run("probe-" + now.toEpochMilli(), now);
  }
}
