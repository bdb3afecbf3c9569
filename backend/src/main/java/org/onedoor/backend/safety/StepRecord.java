package org.onedoor.backend.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.backend.casefiles.GuardianCapability;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * One recorded step of a safety chain, with who recorded it and for which department (null: the township). What it
 * holds about the child is as sensitive as the file: staff with a part in the case only, never logged.
 */
public sealed interface StepRecord permits StepRecord.ChildSeen, StepRecord.ImmediateSafety,
    StepRecord.SafetyAssessment, StepRecord.GuardianshipIntervention, StepRecord.SafetyClosure {

  /** When it happened. */
  Instant occurredAt();

  /** When it was recorded. */
  Instant recordedAt();

  /** The recorder's display name. */
  String recordedByName();

  /** The recorder's department, or null for township staff. */
  Department department();

  /** The step. */
  SafetyStep step();

  /**
   * The child was seen.
   *
   * @param occurredAt when
   * @param recordedAt when recorded
   * @param recordedBy the recorder's subject
   * @param recordedByName the recorder's name
   * @param department the recorder's department, or null
   * @param seenBy who saw the child (name and unit)
   * @param note the child's state
   */
  record ChildSeen(Instant occurredAt, Instant recordedAt, String recordedBy, String recordedByName,
      Department department, String seenBy,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String note) implements StepRecord {
    @Override
    public SafetyStep step() {
      return SafetyStep.CHILD_SEEN;
    }
  }

  /**
   * Immediate safety was arranged.
   *
   * @param occurredAt when
   * @param recordedAt when recorded
   * @param recordedBy the recorder's subject
   * @param recordedByName the recorder's name
   * @param department the recorder's department, or null
   * @param placement where the child is kept safe
   * @param placeId the register entry (a relative's place on the file, a family, an institution), or null at home
   * @param placeName the place's name as the register gives it
   * @param note anything to add
   */
  record ImmediateSafety(Instant occurredAt, Instant recordedAt, String recordedBy, String recordedByName,
      Department department, PlacementKind placement, String placeId,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String placeName,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String note)
      implements StepRecord {
    @Override
    public SafetyStep step() {
      return SafetyStep.IMMEDIATE_SAFETY;
    }
  }

  /**
   * The assessment.
   *
   * @param occurredAt when
   * @param recordedAt when recorded
   * @param recordedBy the recorder's subject
   * @param recordedByName the recorder's name
   * @param department the recorder's department, or null
   * @param capability the guardians' capability
   * @param risks the risks found
   * @param riskTier the risk tier set on the file
   * @param needsOpened the categories of the needs drafted on the file
   */
  record SafetyAssessment(Instant occurredAt, Instant recordedAt, String recordedBy, String recordedByName,
      Department department, GuardianCapability capability,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String risks, int riskTier,
      List<NeedCategory> needsOpened) implements StepRecord {
    public SafetyAssessment {
      needsOpened = needsOpened == null ? List.of() : List.copyOf(needsOpened);
    }

    @Override
    public SafetyStep step() {
      return SafetyStep.ASSESSMENT;
    }
  }

  /**
   * A guardianship intervention.
   *
   * @param occurredAt when decided
   * @param recordedAt when recorded
   * @param recordedBy the recorder's subject
   * @param recordedByName the recorder's name
   * @param department the recorder's department, or null
   * @param measures what was decided
   * @param decidedOn the day of the decision
   * @param documentRef the decision's or the court case's reference
   * @param note anything to add
   */
  record GuardianshipIntervention(Instant occurredAt, Instant recordedAt, String recordedBy, String recordedByName,
      Department department, List<InterventionMeasure> measures, LocalDate decidedOn,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String documentRef,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String note) implements StepRecord {
    public GuardianshipIntervention {
      measures = measures == null ? List.of() : List.copyOf(measures);
    }

    @Override
    public SafetyStep step() {
      return SafetyStep.INTERVENTION;
    }
  }

  /**
   * The closure, after review.
   *
   * @param occurredAt when
   * @param recordedAt when recorded
   * @param recordedBy the recorder's subject
   * @param recordedByName the recorder's name
   * @param department the recorder's department, or null
   * @param review the review's conclusion
   */
  record SafetyClosure(Instant occurredAt, Instant recordedAt, String recordedBy, String recordedByName,
      Department department, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String review) implements StepRecord {
    @Override
    public SafetyStep step() {
      return SafetyStep.CLOSURE;
    }
  }
}
