package org.onedoor.backend.matching;

import org.onedoor.backend.casefiles.CaseFileId;
import org.onedoor.backend.needs.NeedId;
import org.onedoor.backend.platform.Roles;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.bson.Document;
import org.onedoor.backend.casefiles.IntakeFiles;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Conflicts of interest staff record between an offerer and a child (a relative, a teacher of the child, a landlord
 * of the family…): the matching never pairs them again. Stored by the child's file and the offerer (their account, or
 * the anonymous offer), with who recorded it, when and why. Staff name the child by the file or by one of the child's
 * needs (the match workbench knows the need, not the file); a proposal waiting across a conflict recorded after it is
 * refused at approval.
 */
@Service
class Conflicts {

  private final MongoTemplate mongo;
  private final Needs needs;
  private final IntakeFiles files;
  private final Messages messages;
  private final Clock clock;

  Conflicts(MongoTemplate mongo, Needs needs, IntakeFiles files, Messages messages, Clock clock) {
    this.mongo = mongo;
    this.needs = needs;
    this.files = files;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * A conflict to record.
   *
   * @param caseFileId the child's file, or null when given by a need
   * @param needId a need of the child (its internal id), instead of the file
   * @param offerId an offer of the offerer
   * @param reason why
   */
  record RecordConflictOfInterestInput(String caseFileId, String needId, String offerId, String reason) {
  }

  /**
   * The result.
   *
   * @param recorded whether it was recorded
   * @param errors why not
   */
  record RecordConflictOfInterestPayload(boolean recorded, List<UserError> errors) {
  }

  /** Township staff (their children) and civil affairs: records a conflict of interest. */
  @PreAuthorize(Roles.CASEWORKERS)
  public RecordConflictOfInterestPayload record(RecordConflictOfInterestInput input, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    String caseFileId = input.caseFileId();
    if (caseFileId == null && input.needId() != null) {
      caseFileId = needs.byId(NeedId.of(input.needId())).map(Need::caseFileId).orElse(null);
    }
    if (caseFileId == null || !files.keeps(caller, new CaseFileId(caseFileId))) {
      return new RecordConflictOfInterestPayload(false, List.of(messages.userError("FILE_NOT_FOUND", "caseFileId",
          locale)));
    }
    Offer offer = input.offerId() == null ? null : mongo.findById(input.offerId(), Offer.class);
    if (offer == null) {
      return new RecordConflictOfInterestPayload(false, List.of(messages.userError("OFFER_NOT_FOUND", "offerId",
          locale)));
    }
    String reason = input.reason() == null ? "" : input.reason().strip();
    if (reason.isEmpty() || reason.length() > 500) {
      return new RecordConflictOfInterestPayload(false, List.of(messages.userError("CONFLICT_REASON_REQUIRED",
          "reason", locale)));
    }
    mongo.insert(new Conflict(caseFileId, Matcher.offererKey(offer), reason, caller.subject(), clock.instant()),
        Matcher.CONFLICTS);
    return new RecordConflictOfInterestPayload(true, List.of());
  }

  /**
   * A conflict of interest as stored: the reason (a tie between an offerer and a child) is encrypted at rest.
   *
   * @param caseFileId the child's file
   * @param offerer the offerer's key
   * @param reason why they must not be matched
   * @param recordedBy who recorded it
   * @param at when
   */
  @org.springframework.data.mongodb.core.mapping.Document(Matcher.CONFLICTS)
  record Conflict(String caseFileId, String offerer,
      @org.springframework.data.mongodb.core.mapping.ExplicitEncrypted(
          algorithm = org.onedoor.backend.platform.crypto.PersonalData.SEALED) String reason,
      String recordedBy, java.time.Instant at) {
  }

  /** For matches the caller reads: whether a conflict is recorded between each one's offerer and child. */
  Map<Match, Boolean> recordedFor(List<Match> matches) {
    java.util.Set<String> recorded = new java.util.HashSet<>();
    List<String> files = matches.stream().map(Match::caseFileId).filter(java.util.Objects::nonNull).distinct()
        .toList();
    if (!files.isEmpty()) {
      mongo.find(org.springframework.data.mongodb.core.query.Query.query(
              org.springframework.data.mongodb.core.query.Criteria.where("caseFileId").in(files)),
          Document.class, Matcher.CONFLICTS).forEach(d -> recorded.add(d.getString("caseFileId") + "|"
              + d.getString("offerer")));
    }
    Map<Match, Boolean> result = new java.util.LinkedHashMap<>();
    matches.forEach(m -> result.put(m, recorded.contains(m.caseFileId() + "|" + m.offerer())));
    return result;
  }
}
