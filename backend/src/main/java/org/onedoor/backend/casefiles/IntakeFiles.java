package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.CityTime;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Files for what comes in through the one door: an application about a child who has a file attaches to it, a new
 * child gets a draft file in the township (staff confirm it); a mandatory report naming a child attaches to the file
 * when exactly one child of that name lives there. Runs as the system on behalf of any submitter — who learns only
 * that the intake was received, never whether or which file matched. Every look at a file is in the access log
 * under {@link #SYSTEM}.
 */
@Service
public class IntakeFiles {

  /** The access log's actor for these system reads. */
  public static final Caller SYSTEM = new Caller("system:intake", "一门受理", List.of(), null, null, null);
  private static final int DRAFT_RISK_TIER = 2;

  private final MongoTemplate mongo;
  private final FileAccessLog accessLog;
  private final VisitSettings visits;
  private final Clock clock;

  IntakeFiles(MongoTemplate mongo, FileAccessLog accessLog, VisitSettings visits, Clock clock) {
    this.mongo = mongo;
    this.accessLog = accessLog;
    this.visits = visits;
    this.clock = clock;
  }

  /**
   * The file of the child an application is about: the one file of that name and birth date in the township, or a
   * new draft file. Several matches attach to none (staff decide).
   *
   * @return the file's id, or null when several files match
   */
  public String forApplication(String name, Sex sex, LocalDate birthDate, String townshipId, String villageId,
      List<Cause> causes, String receiptCode) {
    List<CaseFile> matches = mongo.find(query(where("townshipId").is(townshipId).and("name").is(name)
        .and("birthDate").is(birthDate)), CaseFile.class);
    matches.forEach(f -> accessLog.record(SYSTEM, f.id(), EnumSet.of(FieldGroup.IDENTITY), true));
    if (matches.size() == 1) {
      recordLink(SYSTEM, matches.getFirst().id(), receiptCode);
      return matches.getFirst().id();
    }
    if (matches.size() > 1) {
      return null;
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, CityTime.ZONE);
    CaseFile draft = new CaseFile(UUID.randomUUID().toString(), 1, name, sex, birthDate, null, null, townshipId,
        villageId, null, EnumSet.copyOf(causes), DRAFT_RISK_TIER, null, null, null, null, null, null,
        today.plusDays(visits.days(DRAFT_RISK_TIER)), now, now, List.of(), true);
    mongo.insert(draft);
    mongo.insert(new org.bson.Document("fileId", draft.id()).append("version", 1L)
        .append("at", java.util.Date.from(now)).append("actor", SYSTEM.subject())
        .append("changes", new org.bson.Document(Map.of("openedFromIntake", receiptCode))), CaseFiles.HISTORY);
    return draft.id();
  }

  /**
   * The file of the child a mandatory report names, when exactly one child of that name lives in the township (and
   * village, if given); else null — staff find or open the file during the response.
   */
  public String forReport(String childName, String townshipId, String villageId) {
    return forReport(childName, townshipId, villageId, null);
  }

  /**
   * As {@link #forReport(String, String, String)}, recording the report's receipt code in the history of the file
   * it attaches to (so the ledger finds the child by it).
   */
  public String forReport(String childName, String townshipId, String villageId, String receiptCode) {
    if (childName == null) {
      return null;
    }
    Query query = query(where("townshipId").is(townshipId).and("name").is(childName));
    if (villageId != null) {
      query.addCriteria(where("villageId").is(villageId));
    }
    List<CaseFile> matches = mongo.find(query, CaseFile.class);
    matches.forEach(f -> accessLog.record(SYSTEM, f.id(), EnumSet.of(FieldGroup.IDENTITY), true));
    if (matches.size() == 1 && receiptCode != null) {
      recordLink(SYSTEM, matches.getFirst().id(), receiptCode);
    }
    return matches.size() == 1 ? matches.getFirst().id() : null;
  }

  /** Whether the caller keeps this file (it exists and lies in their scope); a look, not a read of its content. */
  public boolean keeps(Caller caller, CaseFileId fileId) {
    if (fileId == null) {
      return false;
    }
    CaseFile file = mongo.findById(fileId.value(), CaseFile.class);
    return file != null && FileScope.covers(caller, file.townshipId(), file.villageId());
  }

  /** Records in the file's history that staff linked an intake (by receipt code) to it. */
  public void recordLink(Caller caller, String fileId, String receiptCode) {
    for (int attempt = 0; attempt < 10; attempt++) {
      CaseFile file = mongo.findById(fileId, CaseFile.class);
      if (file == null) {
        return;
      }
      Instant now = clock.instant();
      if (mongo.updateFirst(query(where("_id").is(fileId).and("version").is(file.version())),
          new Update().inc("version", 1).set("updatedAt", now), CaseFile.class).getModifiedCount() == 1) {
        mongo.insert(new org.bson.Document("fileId", fileId).append("version", file.version() + 1)
            .append("at", java.util.Date.from(now)).append("actor", caller.subject())
            .append("changes", new org.bson.Document(Map.of("intakeLinked", receiptCode))), CaseFiles.HISTORY);
        return;
      }
    }
    throw new IllegalStateException("file kept changing while an intake was linked");
  }
}
