package org.onedoor.backend.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How a feature tells others what happened, after its own write is stored: a domain event (a record) handed to the
 * listeners of the features that care, in the publisher's thread and security context. The store has no
 * transactions, so there is nothing to roll back: the publisher's change stands whatever a listener does. A listener
 * that fails is logged (the event's type and the exception's class only: never its message, which may carry a
 * child's data) and counted in {@code onedoor.events.failed}; the publisher goes on and its caller gets the
 * answer. What the failure loses and why that is acceptable is in docs/decisions/008-domain-events.md.
 */
@Component
public class DomainEvents {

  private static final Logger log = LoggerFactory.getLogger(DomainEvents.class);

  private final ApplicationEventPublisher publisher;
  private final MeterRegistry meters;

  DomainEvents(ApplicationEventPublisher publisher, MeterRegistry meters) {
    this.publisher = publisher;
    this.meters = meters;
  }

  /** The first frame of ours in a failure: where a listener failed, without the message (it may hold data). */
  private static String whereIn(Throwable failed) {
    for (StackTraceElement frame : failed.getStackTrace()) {
      if (frame.getClassName().startsWith("org.onedoor.")) {
        return frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
      }
    }
    return "unknown";
  }

  /** Hands the event to its listeners; true when every listener handled it. */
  public boolean publish(Record event) {
    try {
      publisher.publishEvent(event);
      return true;
    } catch (RuntimeException failed) {
      String type = event.getClass().getSimpleName();
      log.error("A listener of {} failed ({} at {}); the change that raised it stands", type,
          failed.getClass().getSimpleName(), whereIn(failed));
      meters.counter("onedoor.events.failed", "event", type).increment();
      return false;
    }
  }
}
