package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Counts over the register for other features, computed in the store so no file leaves this feature: the size of a
 * class of children (needs' k-anonymity; its callers authorize, a count reveals no file), per-village progress
 * (oversight's screening campaigns; file keepers, within their own scope) and children per township and cause
 * (public statistics, which suppress small counts).
 */
@Service
public class FileCensus {

  private final MongoTemplate mongo;

  FileCensus(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * What is known of a child, as a class of the register: born in (bornAfter, bornOnOrBefore], and each other
   * value when not null (causes: all of them).
   *
   * @param bornAfter born after this day
   * @param bornOnOrBefore born on or before this day
   * @param sex sex, or null
   * @param townshipId township, or null
   * @param causes causes the child has, all of them
   * @param conditionCategory the condition's broad category, or null
   * @param conditionType the condition's specific type, or null
   */
  public record ChildClass(LocalDate bornAfter, LocalDate bornOnOrBefore, Sex sex, String townshipId,
      Set<Cause> causes, ConditionCategory conditionCategory, String conditionType) {
  }

  /**
   * How many children on confirmed files fit the class. Drafts opened by the one door are left out: they are
   * unverified, and an anonymous caller could make them up to fill a class.
   */
  public long classSize(ChildClass known) {
    Criteria criteria = where("draft").ne(true).and("birthDate").gt(known.bornAfter()).lte(known.bornOnOrBefore());
    if (known.sex() != null) {
      criteria = criteria.and("sex").is(known.sex());
    }
    if (known.townshipId() != null) {
      criteria = criteria.and("townshipId").is(known.townshipId());
    }
    if (!known.causes().isEmpty()) {
      criteria = criteria.and("causes").all(known.causes());
    }
    if (known.conditionCategory() != null) {
      criteria = criteria.and("condition.category").is(known.conditionCategory());
    }
    if (known.conditionType() != null) {
      criteria = criteria.and("condition.type").is(known.conditionType());
    }
    return mongo.count(new Query(criteria), CaseFile.class);
  }

  /**
   * One village's files: children on file, and for each start asked for (in that order) how many were visited on or
   * after its day and how many files were opened at or after its instant.
   *
   * @param children children on file
   * @param visitedSince per start day, children visited since
   * @param openedSince per start day, files opened since
   */
  public record VillageCount(int children, List<Integer> visitedSince, List<Integer> openedSince) {
  }

  /**
   * Where a count starts.
   *
   * @param day visits on or after this day count
   * @param openedFrom files opened at or after this instant count
   */
  public record Since(LocalDate day, java.time.Instant openedFrom) {
  }

  /**
   * Per village of these townships within the signed-in caller's scope (never a scope handed in), in one
   * aggregation: see {@link VillageCount}.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Map<String, VillageCount> byVillage(Collection<String> townshipIds, List<Since> since) {
    Caller caller = CaseFiles.caller();
    Document group = new Document("_id", "$villageId").append("children", new Document("$sum", 1));
    for (int i = 0; i < since.size(); i++) {
      Since start = since.get(i);
      // A visit's day is stored at its UTC midnight; a file's opening is an instant.
      Date visitFrom = Date.from(start.day().atStartOfDay(ZoneOffset.UTC).toInstant());
      Date openedFrom = Date.from(start.openedFrom());
      group.append("visited" + i, countSince("$lastVisitOn", visitFrom));
      group.append("opened" + i, countSince("$createdAt", openedFrom));
    }
    Document match = new Document("$and", List.of(new Query(FileScope.criteria(caller)).getQueryObject(),
        new Document("townshipId", new Document("$in", List.copyOf(townshipIds)))));
    List<Document> pipeline = List.of(new Document("$match", match), new Document("$group", group));
    Map<String, VillageCount> counts = new HashMap<>();
    for (Document row : mongo.getCollection(mongo.getCollectionName(CaseFile.class)).aggregate(pipeline)) {
      List<Integer> visited = new ArrayList<>();
      List<Integer> opened = new ArrayList<>();
      for (int i = 0; i < since.size(); i++) {
        visited.add(((Number) row.get("visited" + i)).intValue());
        opened.add(((Number) row.get("opened" + i)).intValue());
      }
      counts.put(row.getString("_id"), new VillageCount(((Number) row.get("children")).intValue(),
          List.copyOf(visited), List.copyOf(opened)));
    }
    return counts;
  }

  private static Document countSince(String field, Date from) {
    return new Document("$sum", new Document("$cond", List.of(new Document("$gte",
        List.of(new Document("$ifNull", List.of(field, new Date(0))), from)), 1, 0)));
  }

  /**
   * How many children each township has per cause: raw counts for public statistics, which must suppress small
   * ones before showing them (see needs.PublicStatistics). Draft files opened by the one door are not counted until
   * township staff confirm them, so an anonymous application moves no public number.
   */
  @PreAuthorize(Roles.PUBLIC)
  public Map<String, Map<Cause, Long>> childrenByTownshipAndCause() {
    Map<String, Map<Cause, Long>> counts = new java.util.HashMap<>();
    var aggregation = org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation(
        org.springframework.data.mongodb.core.aggregation.Aggregation.match(where("draft").ne(true)),
        org.springframework.data.mongodb.core.aggregation.Aggregation.unwind("causes"),
        org.springframework.data.mongodb.core.aggregation.Aggregation.group("townshipId", "causes").count().as("n"));
    for (Document row : mongo.aggregate(aggregation, mongo.getCollectionName(CaseFile.class), Document.class)) {
      Document id = row.get("_id", Document.class);
      counts.computeIfAbsent(id.getString("townshipId"), t -> new java.util.EnumMap<>(Cause.class))
          .put(Cause.valueOf(id.getString("causes")), ((Number) row.get("n")).longValue());
    }
    return counts;
  }
}
