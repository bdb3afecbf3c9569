package org.onedoor.backend.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * A guardian's request about what OneDoor holds on their child (PIPL art. 45–47), made through staff since guardians
 * have no accounts: to see it, to have it corrected, or to have it erased; with its deadline and how it ended.
 *
 * @param id the request's id
 * @param version increases with every change
 * @param caseFileId the child's file
 * @param townshipId the file's township (whose staff see the request)
 * @param kind what is asked
 * @param requesterName who asked
 * @param relationship their relationship to the child
 * @param receivedOn the day it was received
 * @param dueOn the day it must be answered by
 * @param details what to correct, or why erasure is asked
 * @param status where it stands
 * @param outcome what was done, or why it was refused
 * @param recordedBy who recorded it (account subject)
 * @param recordedAt when
 * @param closedBy who closed it
 * @param closedAt when
 * @param disclosures each time the export was produced for a request to see: when and by whom
 */
@Document("guardian_requests")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueOn': 1, '_id': 1}")
public record GuardianRequest(@Id String id, long version, String caseFileId, String townshipId,
    GuardianRequestKind kind, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String requesterName,
    String relationship, LocalDate receivedOn, LocalDate dueOn,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String details, GuardianRequestStatus status,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String outcome, String recordedBy, Instant recordedAt,
    String closedBy, Instant closedAt, List<Disclosure> disclosures) {

  public GuardianRequest {
    disclosures = disclosures == null ? List.of() : List.copyOf(disclosures);
  }

  /**
   * The export handed over once.
   *
   * @param at when it was produced
   * @param by who produced it (account subject)
   * @param byName their display name
   */
  public record Disclosure(Instant at, String by, String byName) {
  }

  /** Whether it is still open after its due day. */
  public boolean overdue(LocalDate today) {
    return status == GuardianRequestStatus.OPEN && today.isAfter(dueOn);
  }

  @Override
  public String toString() {
    return "GuardianRequest[" + id + ", " + kind + ", " + status + "]";
  }
}
