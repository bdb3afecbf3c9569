package org.onedoor.backend.safety;

import java.util.List;
import org.onedoor.backend.casefiles.GuardianCapability;
import org.onedoor.backend.needs.NeedCategory;

/** The inputs of the safety chain's API (one record per GraphQL input type). */
final class SafetyInputs {

  private SafetyInputs() {
  }

  /**
   * A step to record: exactly the sub-input of its step is given.
   *
   * @param caseId the chain
   * @param expectedVersion the version read
   * @param step the step
   * @param occurredAt when it happened, yyyy-MM-ddTHH:mm in the city's time
   * @param childSeen the child seen
   * @param immediateSafety immediate safety
   * @param assessment the assessment
   * @param intervention an intervention
   * @param closure the closure
   */
  record RecordSafetyStepInput(String caseId, Integer expectedVersion, SafetyStep step, String occurredAt,
      ChildSeenInput childSeen, ImmediateSafetyInput immediateSafety, AssessmentInput assessment,
      InterventionInput intervention, ClosureInput closure) {
  }

  /**
   * The child seen.
   *
   * @param seenBy who saw the child
   * @param note the child's state
   */
  record ChildSeenInput(String seenBy, String note) {
  }

  /**
   * Immediate safety.
   *
   * @param placement where
   * @param placeId the place's id among the chain's place choices (none when at home)
   * @param note anything to add
   */
  record ImmediateSafetyInput(PlacementKind placement, String placeId, String note) {
  }

  /**
   * The assessment.
   *
   * @param capability the guardians' capability
   * @param risks the risks found
   * @param riskTier the risk tier, 1 … 4
   * @param needsToOpen the needs to draft on the file
   */
  record AssessmentInput(GuardianCapability capability, String risks, Integer riskTier,
      List<NeedCategory> needsToOpen) {
  }

  /**
   * An intervention.
   *
   * @param measures what was decided
   * @param documentRef the decision's or the court case's reference
   * @param note anything to add
   */
  record InterventionInput(List<InterventionMeasure> measures, String documentRef, String note) {
  }

  /**
   * The closure.
   *
   * @param review the review's conclusion
   */
  record ClosureInput(String review) {
  }

  /**
   * Which chains to list.
   *
   * @param townshipId only this township
   * @param overdueOnly only those whose next step is overdue
   * @param receiptCode only the chain of this receipt code
   */
  record SafetyCaseFilter(String townshipId, Boolean overdueOnly, String receiptCode) {
  }
}
