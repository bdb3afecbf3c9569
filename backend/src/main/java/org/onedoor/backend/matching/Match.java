package org.onedoor.backend.matching;

import java.time.Instant;
import java.util.List;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * A proposed pairing of an offer with a need, and its life: approval by civil affairs (a placement by two different
 * approvers, on a recorded assessment), delivery, confirmation. Every change is one conditional update of this
 * document (by status and version) and every action is in the match audit.
 *
 * @param id identifier
 * @param needId the need
 * @param offerId the offer
 * @param caseFileId the child's file (one placement per child)
 * @param townshipId the child's township (whose staff deliver and confirm)
 * @param offerer the offerer's key (account or anonymous offer)
 * @param kind the offer's kind
 * @param origin who proposed it
 * @param proposedBy the proposer's subject ("engine" for the engine)
 * @param score the score when proposed, or null
 * @param status where it stands
 * @param approvals the approvals so far
 * @param assessment a placement's family assessment the approvers relied on
 * @param reason why it was rejected
 * @param createdAt when proposed
 * @param decidedAt when approved or rejected
 * @param deliveredAt when the caseworker recorded the delivery
 * @param outcome how it met the need, once confirmed
 * @param outcomeNote the caseworker's note on the outcome (staff only)
 * @param thankYou the caseworker's thank-you to the offerer, checked by the text guard
 * @param confirmedAt when confirmed
 * @param contact whether the offerer and the child's family agreed that the family may learn who the offerer is
 * @param version bumped by every change
 */
@Document("matches")
@CompoundIndex(name = "pair", def = "{'needId': 1, 'offerId': 1}", unique = true)
@CompoundIndex(name = "pending", def = "{'status': 1, 'createdAt': 1}")
@CompoundIndex(name = "casework", def = "{'townshipId': 1, 'status': 1, 'createdAt': 1}")
record Match(@Id String id, String needId, String offerId, String caseFileId, String townshipId,
    String offerer, OfferKind kind,
    MatchOrigin origin, String proposedBy, Double score, MatchStatus status, List<Approval> approvals,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String assessment,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String reason, Instant createdAt, Instant decidedAt,
    Instant deliveredAt, Outcome outcome, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String outcomeNote,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String thankYou, Instant confirmedAt, Contact contact,
    long version) {

  public Match {
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
    contact = contact == null ? Contact.NONE : contact;
  }

  /** How many different approvers it takes: two for a placement with a family, one otherwise. */
  public int approvalsNeeded() {
    return kind == OfferKind.PLACEMENT ? 2 : 1;
  }

  /**
   * One approval.
   *
   * @param by the approver's subject
   * @param at when
   */
  public record Approval(String by, Instant at) {
  }

  /**
   * Whether the child's family may learn who helped: only when both the offerer and the family agree. The offerer
   * gives the name and phone the family may learn; the caseworker records the family's answer, asked in person. The
   * offerer never learns anything of the child either way.
   *
   * @param offererAgreed whether the offerer agrees
   * @param offererName the name the offerer lets the family learn (kept only while they agree)
   * @param offererPhone the phone the offerer lets the family learn (kept only while they agree)
   * @param offererAt when the offerer last answered
   * @param familyAgreed whether the child's family agrees
   * @param familyRecordedBy the caseworker who recorded the family's answer
   * @param familyAt when it was recorded
   */
  public record Contact(Boolean offererAgreed, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String offererName,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String offererPhone, Instant offererAt,
      Boolean familyAgreed, String familyRecordedBy, Instant familyAt) {

    /** A side that has not answered yet (no field in the store) has not agreed. */
    public Contact {
      offererAgreed = Boolean.TRUE.equals(offererAgreed);
      familyAgreed = Boolean.TRUE.equals(familyAgreed);
    }

    /** Nobody asked yet. */
    public static final Contact NONE = new Contact(false, null, null, null, false, null, null);

    /** Whether both agree, so that the caseworker may pass the offerer's name and phone to the family. */
    public boolean mutual() {
      return offererAgreed() && familyAgreed();
    }

    @Override
    public String toString() {
      return "Contact[offerer " + offererAgreed + ", family " + familyAgreed + "]";
    }
  }

  @Override
  public String toString() {
    return "Match[" + id + ", " + status + "]";
  }
}
