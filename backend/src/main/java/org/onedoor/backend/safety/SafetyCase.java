package org.onedoor.backend.safety;

import java.time.Instant;
import java.util.List;
import org.onedoor.backend.identity.Department;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One safety chain: opened from a report (one per intake), its steps as recorded, the next step and its deadline.
 *
 * @param id the chain's id
 * @param version increases with every step (a stale record is refused)
 * @param intakeId the report or application
 * @param receiptCode its receipt code
 * @param townshipId the township where the child is
 * @param villageId the village, if known
 * @param caseFileId the child's file, once attached
 * @param immediateDanger whether the child was in danger right then
 * @param lead the leading department
 * @param departments every department with a part, the lead first
 * @param reportedAt when the report came in
 * @param nextStep the step due next; null once closed
 * @param dueAt when the next step is due; null once closed
 * @param escalatedAt when the step now due escalated, if it did
 * @param closed whether the chain is closed
 * @param steps the steps recorded, oldest first
 * @param announcedAt when the township and the village were told of it (null until they were)
 * @param assessmentPending whether the last assessment's effects on the file are still to be applied
 * @param needsDrafted the categories of the needs the last assessment has drafted so far
 */
@Document("safety_cases")
@CompoundIndex(name = "intake", def = "{'intakeId': 1}", unique = true)
@CompoundIndex(name = "open_due", def = "{'closed': 1, 'dueAt': 1, '_id': 1}")
@CompoundIndex(name = "township_due", def = "{'townshipId': 1, 'closed': 1, 'dueAt': 1, '_id': 1}")
@CompoundIndex(name = "file", def = "{'caseFileId': 1}")
public record SafetyCase(@Id String id, long version, String intakeId, String receiptCode, String townshipId,
    String villageId, String caseFileId, boolean immediateDanger, Department lead, List<Department> departments,
    Instant reportedAt, SafetyStep nextStep, Instant dueAt, Instant escalatedAt, boolean closed,
    List<StepRecord> steps, Instant announcedAt, boolean assessmentPending,
    List<org.onedoor.backend.needs.NeedCategory> needsDrafted) {

  public SafetyCase {
    departments = departments == null ? List.of() : List.copyOf(departments);
    steps = steps == null ? List.of() : List.copyOf(steps);
    needsDrafted = needsDrafted == null ? List.of() : List.copyOf(needsDrafted);
  }

  /** The last step recorded, or null. */
  SafetyStep lastStep() {
    return steps.isEmpty() ? null : steps.getLast().step();
  }

  @Override
  public String toString() {
    return "SafetyCase[" + id + ", " + nextStep + "]";
  }
}
