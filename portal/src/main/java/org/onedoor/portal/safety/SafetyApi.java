package org.onedoor.portal.safety;

import java.util.List;
import org.onedoor.portal.api.Village;

/** What the portal reads of the safety chain (GraphQL {@code SafetyCase} and its steps). */
public final class SafetyApi {

  /** The placements, in the order the form offers them. */
  public static final List<String> PLACEMENTS = List.of("SAFE_AT_HOME", "RELATIVE", "CARING_FAMILY", "INSTITUTION");
  /** The interventions' measures, in the order the form offers them. */
  public static final List<String> MEASURES = List.of("WARNING_AND_EDUCATION", "SUPERVISION_VISITS",
      "TEMPORARY_GUARDIANSHIP", "COURT_REVOCATION");

  private SafetyApi() {
  }

  /**
   * A safety chain.
   *
   * @param id id
   * @param version version
   * @param receiptCode the report's receipt code
   * @param caseFileId the child's file, once attached
   * @param immediateDanger whether the child was in danger right then
   * @param lead the leading department
   * @param departments every department with a part
   * @param reportedAt ISO instant
   * @param nextStep the step due next, or null
   * @param dueAt ISO instant, or null
   * @param overdue whether the next step is overdue
   * @param escalatedAt ISO instant, or null
   * @param closed whether closed
   * @param allowedSteps the steps that may be recorded now
   * @param township the township
   * @param placeChoices the places from the registers (detail view only)
   * @param steps the steps recorded (detail view only)
   */
  public record Chain(String id, int version, String receiptCode, String caseFileId, boolean immediateDanger,
      String lead, List<String> departments, String reportedAt, String nextStep, String dueAt, boolean overdue,
      String escalatedAt, boolean closed, List<String> allowedSteps, Village township, List<Place> placeChoices,
      List<Step> steps) {
  }

  /**
   * A place from the registers.
   *
   * @param id the choice's id
   * @param kind RELATIVE, CARING_FAMILY or INSTITUTION
   * @param name name
   * @param detail a relative's relationship, or null
   */
  public record Place(String id, String kind, String name, String detail) {
  }

  /**
   * A recorded step; the fields of other steps are null.
   *
   * @param step the step
   * @param occurredAt ISO instant
   * @param recordedAt ISO instant
   * @param recordedByName who recorded it
   * @param department for which department, or null (the township)
   * @param seenBy who saw the child
   * @param note the child's state when seen
   * @param placement where the child is kept safe
   * @param placeName the place's name
   * @param immediateNote a note on immediate safety
   * @param capability the guardians' capability
   * @param risks the risks found
   * @param riskTier the risk tier set
   * @param needsOpened the needs drafted
   * @param measures the intervention's measures
   * @param decidedOn yyyy-MM-dd
   * @param documentRef the document's reference
   * @param interventionNote a note on the intervention
   * @param review the closure's review
   */
  public record Step(String step, String occurredAt, String recordedAt, String recordedByName, String department,
      String seenBy, String note, String placement, String placeName, String immediateNote, String capability,
      String risks, Integer riskTier, List<String> needsOpened, List<String> measures, String decidedOn,
      String documentRef, String interventionNote, String review) {
  }
}
