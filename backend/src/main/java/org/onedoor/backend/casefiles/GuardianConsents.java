package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A guardian's consents to publishing the child's anonymised needs: recorded, and withdrawn. */
@Service
public class GuardianConsents {

  private final MongoTemplate mongo;
  private final CaseFiles files;
  private final Messages messages;
  private final Clock clock;

  GuardianConsents(MongoTemplate mongo, CaseFiles files, Messages messages, Clock clock) {
    this.mongo = mongo;
    this.files = files;
    this.messages = messages;
    this.clock = clock;
  }

  /** Records a guardian's consent to publishing the child's anonymised needs. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public ConsentResult recordConsent(CaseFileId caseFile, String givenBy, String relationship, String validUntil,
      Locale locale) {
    Caller caller = CaseFiles.caller();
    files.read(caseFile, EnumSet.of(FieldGroup.RECORD));
    String fileId = caseFile.value();
    List<UserError> errors = new ArrayList<>();
    if (givenBy == null || givenBy.isBlank()) {
      errors.add(messages.userError("CONSENT_GIVER_REQUIRED", "givenBy", locale));
    }
    if (relationship == null || relationship.isBlank()) {
      errors.add(messages.userError("CONSENT_RELATIONSHIP_REQUIRED", "relationship", locale));
    }
    LocalDate until = null;
    try {
      until = LocalDate.parse(validUntil == null ? "" : validUntil.strip());
      if (until.isBefore(files.today())) {
        errors.add(messages.userError("CONSENT_ALREADY_EXPIRED", "validUntil", locale));
      }
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("DATE_INVALID", "validUntil", locale));
    }
    if (!errors.isEmpty()) {
      return new ConsentResult(null, errors);
    }
    Instant now = clock.instant();
    Consent consent = new Consent(UUID.randomUUID().toString(), givenBy.strip(),
        relationship.strip(), now, until, null);
    CaseFile after = mongo.findAndModify(query(where("_id").is(fileId)),
        new Update().push("consents", consent).inc("version", 1).set("updatedAt", now),
        FindAndModifyOptions.options().returnNew(true), CaseFile.class);
    files.history(caller, fileId, after == null ? -1 : after.version(), now,
        Map.of("consentRecorded", consent.consentId()));
    return new ConsentResult(consent.consentId(), List.of());
  }

  /**
   * Withdraws a consent; returns false when the file has no such consent in force. The consents are rewritten with a
   * version precondition (retried if another change slipped in), so no concurrent change is lost.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public boolean withdrawConsent(CaseFileId caseFile, String consentId) {
    Caller caller = CaseFiles.caller();
    files.read(caseFile, EnumSet.of(FieldGroup.RECORD));
    String fileId = caseFile.value();
    for (int attempt = 0; attempt < 5; attempt++) {
      CaseFile file = mongo.findById(fileId, CaseFile.class);
      if (file == null || file.consents().stream()
          .noneMatch(c -> c.consentId().equals(consentId) && c.withdrawnAt() == null)) {
        return false;
      }
      Instant now = clock.instant();
      List<Consent> consents = file.consents().stream()
          .map(c -> c.consentId().equals(consentId) && c.withdrawnAt() == null
              ? new Consent(c.consentId(), c.givenBy(), c.relationship(), c.givenAt(), c.validUntil(), now) : c)
          .toList();
      var result = mongo.updateFirst(query(where("_id").is(fileId).and("version").is(file.version())),
          new Update().set("consents", consents).inc("version", 1).set("updatedAt", now), CaseFile.class);
      if (result.getModifiedCount() == 1) {
        files.history(caller, fileId, file.version() + 1, now, Map.of("consentWithdrawn", consentId));
        return true;
      }
    }
    throw new IllegalStateException("file kept changing while a consent was withdrawn");
  }

  /**
   * The outcome of recording a consent.
   *
   * @param consentId the new consent's id, or null when refused
   * @param errors the refusals
   */
  public record ConsentResult(String consentId, List<UserError> errors) {
  }
}
