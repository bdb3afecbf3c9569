package org.onedoor.backend.casefiles;

import java.time.Instant;
import java.time.LocalDate;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * A guardian's consent to publishing the child's anonymised needs; withdrawable.
 *
 * @param consentId the consent's id
 * @param givenBy the guardian who consented
 * @param relationship their relationship to the child
 * @param givenAt when it was recorded
 * @param validUntil the last day it holds
 * @param withdrawnAt when it was withdrawn, or null
 */
public record Consent(String consentId, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String givenBy,
    String relationship, Instant givenAt, LocalDate validUntil,
    Instant withdrawnAt) {

  /** Whether the consent holds on a day. */
  public boolean currentOn(LocalDate day) {
    return withdrawnAt == null && !validUntil.isBefore(day);
  }
}
