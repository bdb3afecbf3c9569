package org.onedoor.backend.safety;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import org.onedoor.backend.intake.Intakes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A child's safety chains for the privacy feature (which authorizes and audits): whether one is still open (an
 * erasure must wait for it), and erasing what the chains say of the child and of the people around the child when the
 * file is reduced or erased. A chain belongs to a file when it was opened on it or when its report was attached to it
 * since.
 */
@Component
public class SafetyErasure {

  /** A chain being recorded on at the same moment is read again, this many times at most. */
  private static final int ATTEMPTS = 5;

  private final MongoTemplate mongo;
  private final Intakes intakes;

  SafetyErasure(MongoTemplate mongo, Intakes intakes) {
    this.mongo = mongo;
    this.intakes = intakes;
  }

  /** Whether a chain of the child's file is still open. */
  public boolean openFor(String caseFileId) {
    return mongo.exists(new Query(new Criteria().andOperator(of(caseFileId), where("closed").is(false))),
        SafetyCase.class);
  }

  /**
   * Whether the child is under protection from the guardians' side: a chain of the file still open, or a guardianship
   * intervention recorded on one (a guardian's request to see everything is then not answered by an export).
   */
  public boolean protects(String caseFileId) {
    return mongo.exists(new Query(new Criteria().andOperator(of(caseFileId), new Criteria().orOperator(
        where("closed").is(false), where("steps._class").is(StepRecord.GuardianshipIntervention.class.getName())))),
        "safety_cases");
  }

  /** The intakes whose chain is still open (a few: chains close within weeks). */
  public java.util.Set<String> openIntakes() {
    Query open = query(where("closed").is(false));
    open.fields().include("intakeId");
    return mongo.find(open, org.bson.Document.class, "safety_cases").stream().map(d -> d.getString("intakeId"))
        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
  }

  /**
   * Erases from the child's chains every note (the child's state, the risks, the intervention, the review), the
   * places the child was kept safe in (name and register entry) and the court document references; the steps, their
   * dates, the departments, the recorders (officers, by name) and the risk tier stay (statistics and audit). How many
   * chains were reached; a chain that kept changing meanwhile fails the erasure, to be retried.
   */
  public long eraseForFile(String caseFileId) {
    return erase(new Query(of(caseFileId)));
  }

  /** The same for the chains of these intakes (closed without a file: a report found groundless). How many. */
  public long eraseForIntakes(List<String> intakeIds) {
    return intakeIds.isEmpty() ? 0 : erase(query(where("intakeId").in(intakeIds)));
  }

  private long erase(Query chains) {
    long reached = 0;
    for (SafetyCase chain : mongo.find(chains, SafetyCase.class)) {
      SafetyCase current = chain;
      boolean done = false;
      for (int attempt = 0; attempt < ATTEMPTS && current != null && !done; attempt++) {
        List<StepRecord> erased = current.steps().stream().map(SafetyErasure::erased).toList();
        done = mongo.updateFirst(query(where("_id").is(current.id()).and("version").is(current.version())),
            new Update().set("steps", erased).inc("version", 1), SafetyCase.class).getModifiedCount() == 1;
        if (!done) {
          current = mongo.findById(current.id(), SafetyCase.class);
        }
      }
      if (!done && current != null) {
        // Recorded on again and again meanwhile: the caller's clearing fails and is retried (never marked done).
        throw new IllegalStateException("a safety chain kept changing while it was being erased");
      }
      reached++;
    }
    return reached;
  }

  private Criteria of(String caseFileId) {
    List<Criteria> any = new ArrayList<>(List.of(where("caseFileId").is(caseFileId)));
    List<String> attached = intakes.attachedTo(caseFileId);
    if (!attached.isEmpty()) {
      any.add(where("intakeId").in(attached));
    }
    return new Criteria().orOperator(any.toArray(Criteria[]::new));
  }

  static StepRecord erased(StepRecord step) {
    return switch (step) {
      case StepRecord.ChildSeen s -> new StepRecord.ChildSeen(s.occurredAt(), s.recordedAt(), s.recordedBy(),
          s.recordedByName(), s.department(), s.seenBy(), null);
      case StepRecord.ImmediateSafety s -> new StepRecord.ImmediateSafety(s.occurredAt(), s.recordedAt(),
          s.recordedBy(), s.recordedByName(), s.department(), s.placement(), null, null, null);
      case StepRecord.SafetyAssessment s -> new StepRecord.SafetyAssessment(s.occurredAt(), s.recordedAt(),
          s.recordedBy(), s.recordedByName(), s.department(), s.capability(), null, s.riskTier(), s.needsOpened());
      case StepRecord.GuardianshipIntervention s -> new StepRecord.GuardianshipIntervention(s.occurredAt(),
          s.recordedAt(), s.recordedBy(), s.recordedByName(), s.department(), s.measures(), s.decidedOn(), null, null);
      case StepRecord.SafetyClosure s -> new StepRecord.SafetyClosure(s.occurredAt(), s.recordedAt(), s.recordedBy(),
          s.recordedByName(), s.department(), null);
    };
  }
}
