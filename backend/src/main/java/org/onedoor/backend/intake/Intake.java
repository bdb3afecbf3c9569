package org.onedoor.backend.intake;

import java.time.Instant;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * One entry through the one door, with its receipt code.
 *
 * @param id internal id
 * @param receiptCode the unguessable code its submitter follows it by
 * @param idempotencyKey the submitter's key: the same key never creates a second intake
 * @param kind what it is
 * @param status where it stands
 * @param emergency whether it jumps every queue
 * @param townshipId the township concerned
 * @param villageId the village concerned, if known
 * @param submitter the signed-in submitter's subject, or null when anonymous
 * @param content what it says (personal data)
 * @param submittedAt when it came in
 * @param outcome the outcome the submitter sees once closed (no personal data)
 * @param closedAt when the last task finished
 * @param caseFileId the child's file it is attached to, if any
 * @param vetting civil affairs' vetting, for sign-ups
 */
@Document("intakes")
@CompoundIndex(name = "township", def = "{'townshipId': 1, 'submittedAt': -1}")
public record Intake(@Id String id, @Indexed(unique = true) String receiptCode,
    @Indexed(unique = true) String idempotencyKey, IntakeKind kind, IntakeStatus status, boolean emergency,
    String townshipId, String villageId, String submitter, IntakeContent content, Instant submittedAt,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String outcome, Instant closedAt, String caseFileId,
        Vetting vetting) {

  @Override
  public String toString() {
    return "Intake[" + id + ", " + kind + ", " + status + "]";
  }
}
