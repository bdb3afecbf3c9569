package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the retention rules may erase of the files (for the privacy feature's daily job; the caller authorizes, and
 * audits each erasure): files of grown-up children reduced to what statistics and audit need, and access-log entries
 * past their keeping time.
 */
@Component
public class FileRetention {

  /** A file's id and date of birth alone. */
  record Born(@org.springframework.data.annotation.Id String id, LocalDate birthDate) {
  }

  private final MongoTemplate mongo;

  FileRetention(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Reduces the files of children born before {@code bornBefore} (so grown up for as long as the rule says): the
   * identity (name, ID number, household registration, address), guardians, consents, condition, schooling and the
   * supervisor are removed, the date of birth becomes its year's first day, and the file leaves every staff list; its
   * township, village, sex, causes, risk tier, benefits and dates stay for the statistics and the history for audit.
   * The findings of its home visits and the notes of its remit actions are removed too.
   *
   * @return how many files were reduced
   */
  public long reduceGrownUpFiles(LocalDate bornBefore, Instant now) {
    var due = query(where("birthDate").lt(bornBefore).and("reducedAt").is(null));
    due.fields().include("_id", "birthDate");
    List<Born> files = mongo.find(due, Born.class, mongo.getCollectionName(CaseFile.class));
    long count = 0;
    for (Born file : files) {
      if (reduce(file, now)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Reduced files whose surroundings (needs, intakes, matches: other features' records) are not yet cleared, a batch
   * at a time: the caller clears them and says so with {@link #markCleared}, so a failure is retried by the next run.
   */
  public List<String> reducedAwaitingClearance() {
    // Cleared by an earlier version (which did not yet reach the safety chains): cleared again, once.
    var waiting = query(where("reducedAt").ne(null).and("clearing").ne(CLEARING)).limit(500);
    waiting.fields().include("_id");
    return mongo.find(waiting, Born.class, mongo.getCollectionName(CaseFile.class)).stream().map(Born::id).toList();
  }

  /**
   * What the clearing around a reduced file reaches, as a number that grows when it reaches more (2: the safety
   * chains too): a file cleared by a lesser one is cleared again.
   */
  static final int CLEARING = 2;

  /** Records that what other features held about a reduced file's child was cleared. */
  public void markCleared(String fileId, Instant now) {
    mongo.updateFirst(query(where("_id").is(fileId).and("reducedAt").ne(null)),
        new Update().set("clearedAt", Date.from(now)).set("clearing", CLEARING), CaseFile.class);
  }

  /**
   * Reduces one file now, as the grown-up rule does (for an erasure a guardian asked for, which the caller authorizes
   * and audits); false when there is no such file or it was reduced already.
   */
  public boolean reduceFile(String fileId, Instant now) {
    var query = query(where("_id").is(fileId).and("reducedAt").is(null));
    query.fields().include("_id", "birthDate");
    Born file = mongo.findOne(query, Born.class, mongo.getCollectionName(CaseFile.class));
    return file != null && reduce(file, now);
  }

  /** Whether the file exists and was reduced (now or before). */
  public boolean isReduced(String fileId) {
    return mongo.exists(query(where("_id").is(fileId).and("reducedAt").ne(null)), CaseFile.class);
  }

  private boolean reduce(Born file, Instant now) {
    // What hangs off the file first: a failure part-way leaves the file unreduced, so the next run does it all again.
    mongo.updateMulti(query(where("fileId").is(file.id())), new Update().unset("findings").unset("followUp"),
        HomeVisit.class);
    mongo.updateMulti(query(where("caseFileId").is(file.id())), new Update().unset("note"), Remits.RemitAction.class);
    var update = new Update().unset("name").unset("nationalId").unset("householdRegistration").unset("address")
        .unset("guardianship").unset("consents").unset("condition").unset("schooling").unset("supervisorId")
        .unset("nextVisitDue").set("birthDate", LocalDate.of(file.birthDate().getYear(), 1, 1))
        .set("reducedAt", Date.from(now)).inc("version", 1).set("updatedAt", now);
    return mongo.updateFirst(query(where("_id").is(file.id()).and("reducedAt").is(null)), update, CaseFile.class)
        .getModifiedCount() == 1;
  }

  /** Deletes the access-log entries written before {@code before}; how many. */
  public long deleteAccessLogBefore(Instant before) {
    return mongo.remove(query(where("at").lt(Date.from(before))), FileAccessLog.COLLECTION).getDeletedCount();
  }
}
