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
class FileAccessLog {

  static final String COLLECTION = "file_access_log";

  private final MongoTemplate mongo;
  private final Clock clock;

  FileAccessLog(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
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

  static Set<FieldGroup> groupsOf(List<String> selectedFields) {
    java.util.EnumSet<FieldGroup> groups = java.util.EnumSet.noneOf(FieldGroup.class);
    for (String field : selectedFields) {
      groups.add(switch (field) {
        case "name", "sex", "birthDate", "nationalId" -> FieldGroup.IDENTITY;
        case "township", "village", "address" -> FieldGroup.LOCATION;
        case "causes", "riskTier" -> FieldGroup.CIRCUMSTANCES;
        default -> FieldGroup.RECORD;
      });
    }
    return groups;
  }
}
