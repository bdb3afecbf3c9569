package org.onedoor.backend.intake;

import java.time.Instant;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * Civil affairs' vetting of a sign-up. A volunteer needs a checked no-criminal-record certificate and
 * child-safeguarding training before any contact with a child; a caring family a guardianship-capability assessment
 * (home visit and checklist); an organisation its registration verified.
 *
 * @param criminalRecordChecked no-criminal-record certificate checked
 * @param safeguardingTrained child-safeguarding training done
 * @param homeVisitDone assessment home visit done
 * @param checklistPassed assessment checklist passed
 * @param registrationVerified registration number verified with the registry
 * @param note the vetting staff's note
 * @param vettedBy who recorded it last
 * @param vettedAt when
 */
record Vetting(boolean criminalRecordChecked, boolean safeguardingTrained, boolean homeVisitDone,
    boolean checklistPassed, boolean registrationVerified,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String note, String vettedBy,
    Instant vettedAt) {

  /** Whether everything the kind of sign-up needs is done. */
  public boolean completeFor(SignUpKind kind) {
    return switch (kind) {
      case VOLUNTEER -> criminalRecordChecked && safeguardingTrained;
      case FAMILY -> homeVisitDone && checklistPassed;
      case ORGANISATION -> registrationVerified;
    };
  }
}
