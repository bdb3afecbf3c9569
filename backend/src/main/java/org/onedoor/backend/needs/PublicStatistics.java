package org.onedoor.backend.needs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.onedoor.backend.casefiles.CaseFiles;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.identity.Roles;
import org.onedoor.backend.needs.publication.AnonymitySettings;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Public statistics: every township × cause and township × category cell is listed, and every count below k is
 * shown as "<k" — zero too, so neither the number nor the presence of a cell reveals a small group.
 */
@Service
public class PublicStatistics {

  private final CaseFiles files;
  private final MongoTemplate mongo;
  private final Geography geography;
  private final int k;

  PublicStatistics(CaseFiles files, MongoTemplate mongo, Geography geography, AnonymitySettings anonymity) {
    this.files = files;
    this.mongo = mongo;
    this.geography = geography;
    this.k = anonymity.k();
  }

  /**
   * The public counts.
   *
   * @param children children by township and cause
   * @param needs published needs by township shown (null id: city-wide) and category
   */
  public record Statistics(List<ChildrenCount> children, List<NeedCount> needs) {
  }

  /**
   * One cell of children.
   *
   * @param townshipId township
   * @param cause cause
   * @param count the shown count
   */
  public record ChildrenCount(String townshipId, Cause cause, String count) {
  }

  /**
   * One cell of needs.
   *
   * @param townshipId township shown, or null for city-wide
   * @param category category
   * @param count the shown count
   */
  public record NeedCount(String townshipId, NeedCategory category, String count) {
  }

  @PreAuthorize(Roles.PUBLIC)
  public Statistics statistics() {
    List<Township> townships = geography.townships();
    Map<String, Map<Cause, Long>> children = files.childrenByTownshipAndCause();
    List<ChildrenCount> childCells = new ArrayList<>();
    for (Township township : townships) {
      for (Cause cause : Cause.values()) {
        childCells.add(new ChildrenCount(township.id(), cause,
            shown(children.getOrDefault(township.id(), Map.of()).getOrDefault(cause, 0L))));
      }
    }
    Map<String, Long> needs = new HashMap<>();
    var aggregation = Aggregation.newAggregation(
        Aggregation.match(NeedBoard.onBoard(files.today())),
        Aggregation.group("profile.townshipId", "category").count().as("n"));
    for (Document row : mongo.aggregate(aggregation, "needs", Document.class)) {
      Document id = row.get("_id", Document.class);
      needs.put(id.getString("townshipId") + "|" + id.getString("category"), ((Number) row.get("n")).longValue());
    }
    List<NeedCount> needCells = new ArrayList<>();
    List<String> places = new ArrayList<>(townships.stream().map(Township::id).toList());
    places.add(null);
    for (String place : places) {
      for (NeedCategory category : NeedCategory.values()) {
        needCells.add(new NeedCount(place, category, shown(needs.getOrDefault(place + "|" + category.name(), 0L))));
      }
    }
    return new Statistics(childCells, needCells);
  }

  private String shown(long count) {
    return count < k ? "<" + k : Long.toString(count);
  }
}
