package org.onedoor.backend.intake;

import java.time.Instant;
import java.util.List;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * A department's handling task (协办事项) for one intake: in its queue until one member of staff claims it, then
 * done with an outcome. The intake closes when all its tasks are done.
 *
 * @param id identifier
 * @param intakeId the intake
 * @param kind the intake's kind
 * @param department the department that handles it
 * @param lead whether this department leads the handling
 * @param status where it stands
 * @param emergency whether it jumps the queue
 * @param townshipId the township concerned
 * @param dueAt when the first response is due
 * @param createdAt when it was routed
 * @param claimedBy who claimed it (subject), or null
 * @param claimedAt when, or null
 * @param outcome what the department did, once done
 * @param doneAt when it was done, or null
 * @param escalatedAt when it escalated for missing its deadline, or null
 * @param actions what the department recorded doing, oldest first
 * @param claimedByName the claimer's display name when they claimed it, or null
 */
@Document("handling_tasks")
@CompoundIndex(name = "queue", def = "{'department': 1, 'status': 1, 'emergency': -1, 'dueAt': 1, '_id': 1}")
@CompoundIndex(name = "intake", def = "{'intakeId': 1}")
public record HandlingTask(@Id String id, String intakeId, IntakeKind kind, Department department, boolean lead,
    TaskStatus status, boolean emergency, String townshipId, Instant dueAt, Instant createdAt, String claimedBy,
    Instant claimedAt, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String outcome, Instant doneAt,
    Instant escalatedAt, List<Action> actions,
    String claimedByName) {

  public HandlingTask {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /**
   * One recorded action.
   *
   * @param at when
   * @param by who (subject)
   * @param note what was done (or why the task was handed back)
   * @param handedBack whether the task was handed back to the queue with it
   * @param byName who, by the display name they had then (null for actions recorded before it was kept)
   */
  public record Action(Instant at, String by, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String note,
      boolean handedBack,
      String byName) {
  }
}
