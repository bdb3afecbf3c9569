package org.onedoor.backend.casefiles;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.onedoor.backend.identity.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The file access log: who read which file, when, which groups of fields, and whether it was granted. Written for
 * every read attempt, granted or denied; it holds no file content.
 */
@Component
record FileAccessLog(MongoTemplate mongo, Clock clock) {

  static final String COLLECTION = "file_access_log";

  /** The indexes the auditors' pages need on a real MongoDB: newest first, overall, by file and by actor. */
  FileAccessLog {
    var indexes = mongo.indexOps(COLLECTION);
    var desc = org.springframework.data.domain.Sort.Direction.DESC;
    var asc = org.springframework.data.domain.Sort.Direction.ASC;
    indexes.createIndex(new org.springframework.data.mongodb.core.index.Index().on("at", desc).on("_id", desc)
        .named("newest"));
    indexes.createIndex(new org.springframework.data.mongodb.core.index.Index().on("fileId", asc).on("at", desc)
        .on("_id", desc).named("by_file"));
    indexes.createIndex(new org.springframework.data.mongodb.core.index.Index().on("actor", asc).on("at", desc)
        .on("_id", desc).named("by_actor"));
  }

  void record(Caller caller, String fileId, Set<FieldGroup> groups, boolean granted) {
    mongo.insert(new Document("at", Date.from(clock.instant()))
        .append("actor", caller.subject())
        .append("roles", caller.roles())
        .append("fileId", fileId)
        .append("groups", groups.stream().map(Enum::name).sorted().toList())
        .append("granted", granted), COLLECTION);
  }

  void recordAll(Caller caller, List<String> fileIds, Set<FieldGroup> groups) {
    if (fileIds.isEmpty()) {
      return;
    }
    Date at = Date.from(clock.instant());
    List<String> names = groups.stream().map(Enum::name).sorted().toList();
    mongo.insert(fileIds.stream().map(id -> new Document("at", at).append("actor", caller.subject())
        .append("roles", caller.roles()).append("fileId", id).append("groups", names).append("granted", true))
        .toList(), COLLECTION);
  }

  /**
   * One entry as auditors see it.
   *
   * @param id entry id
   * @param at when
   * @param actor who
   * @param roles their roles
   * @param fileId which file
   * @param groups which field groups
   * @param granted whether allowed
   */
  public record Entry(String id, String at, String actor, List<String> roles, String fileId, List<String> groups,
      boolean granted) {
  }

  /** Newest first, keyset on (at, _id) descending; {@code after} is an entry id. */
  List<Entry> page(String fileId, String actor, int size, String afterId) {
    var criteria = new org.springframework.data.mongodb.core.query.Criteria();
    if (fileId != null) {
      criteria = criteria.and("fileId").is(fileId);
    }
    if (actor != null) {
      criteria = criteria.and("actor").is(actor);
    }
    var query = new org.springframework.data.mongodb.core.query.Query(criteria);
    if (afterId != null) {
      Document last;
      try {
        last = mongo.findById(new org.bson.types.ObjectId(afterId), Document.class, COLLECTION);
      } catch (IllegalArgumentException invalid) {
        throw new org.onedoor.backend.platform.graphql.InvalidCursorException();
      }
      if (last == null) {
        throw new org.onedoor.backend.platform.graphql.InvalidCursorException();
      }
      Date at = last.getDate("at");
      query.addCriteria(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
          org.springframework.data.mongodb.core.query.Criteria.where("at").lt(at),
          org.springframework.data.mongodb.core.query.Criteria.where("at").is(at).and("_id")
              .lt(last.getObjectId("_id"))));
    }
    query.with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "at",
        "_id")).limit(size);
    return mongo.find(query, Document.class, COLLECTION).stream()
        .map(d -> new Entry(d.getObjectId("_id").toHexString(), d.getDate("at").toInstant().toString(),
            d.getString("actor"), d.getList("roles", String.class), d.getString("fileId"),
            d.getList("groups", String.class), d.getBoolean("granted")))
        .toList();
  }

  static Set<FieldGroup> groupsOf(List<String> selectedFields) {
    java.util.EnumSet<FieldGroup> groups = java.util.EnumSet.noneOf(FieldGroup.class);
    for (String field : selectedFields) {
      if (field.equals("guardianship") || field.equals("safetyCases")) {
        groups.add(FieldGroup.IDENTITY);
      }
      groups.add(switch (field) {
        // The consents name the guardians who gave them.
        case "name", "sex", "birthDate", "nationalId", "householdRegistration", "consents" -> FieldGroup.IDENTITY;
        case "township", "village", "address" -> FieldGroup.LOCATION;
        // The history shows old and new causes and risk tiers; guardianship holds the guardians' names and phones
        // (identity) as well as their situation (circumstances).
        // A chain's steps tell the child's state and risks, and name the relatives the child was placed with.
        case "causes", "riskTier", "guardianship", "condition", "schooling", "benefits", "visits", "history",
             "safetyCases" ->
            FieldGroup.CIRCUMSTANCES;
        default -> FieldGroup.RECORD;
      });
    }
    return groups;
  }
}
