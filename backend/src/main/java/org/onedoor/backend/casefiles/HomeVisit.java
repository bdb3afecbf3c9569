package org.onedoor.backend.casefiles;

import java.time.Instant;
import java.time.LocalDate;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * One home visit (走访). Part of the file: as sensitive as the file, read through it and audited with it.
 *
 * @param id the visit's id
 * @param fileId the file
 * @param visitedOn the day of the visit
 * @param visitorId the account that visited
 * @param visitorName that account's display name at the time
 * @param findings what was found
 * @param followUp what is to be done next, or null
 * @param recordedAt when it was recorded
 */
@Document("home_visits")
@CompoundIndex(name = "file", def = "{'fileId': 1, 'visitedOn': -1}")
record HomeVisit(@Id String id, String fileId, LocalDate visitedOn, String visitorId, String visitorName,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String findings,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String followUp, Instant recordedAt) {

  @Override
  public String toString() {
    return "HomeVisit[" + id + "]";
  }
}
