package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.backend.identity.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The few facts of a child the matching needs — township, age and sex, for distances and a family's preferences —
 * for many files in one query (only those fields are fetched). Each look is a read of the file's identity and
 * location, logged for the member of staff it is made for.
 */
@Service
public class ChildFacts {

  private final MongoTemplate mongo;
  private final FileAccessLog accessLog;
  private final CaseFiles files;

  ChildFacts(MongoTemplate mongo, FileAccessLog accessLog, CaseFiles files) {
    this.mongo = mongo;
    this.accessLog = accessLog;
    this.files = files;
  }

  /**
   * What the matching knows of a child.
   *
   * @param townshipId the child's township
   * @param age the child's age in years today
   * @param sex the child's sex
   */
  public record Facts(String townshipId, int age, Sex sex) {
  }

  /** The facts of these files, by file id, read for {@code reader} (logged). */
  public Map<String, Facts> of(Collection<String> fileIds, Caller reader) {
    // One file (a suggestion for one need) is looked up by its id alone, which every store serves from the id index.
    var query = fileIds.size() == 1 ? query(where("_id").is(fileIds.iterator().next()))
        : query(where("_id").in(fileIds));
    query.fields().include("townshipId", "birthDate", "sex");
    LocalDate today = files.today();
    Map<String, Facts> facts = new HashMap<>();
    List<org.bson.Document> found = mongo.find(query, org.bson.Document.class, "case_files");
    for (org.bson.Document file : found) {
      LocalDate born = file.getDate("birthDate").toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
      facts.put(file.getString("_id"), new Facts(file.getString("townshipId"),
          Period.between(born, today).getYears(), Sex.valueOf(file.getString("sex"))));
    }
    accessLog.recordAll(reader, List.copyOf(facts.keySet()), EnumSet.of(FieldGroup.IDENTITY, FieldGroup.LOCATION));
    return facts;
  }
}
