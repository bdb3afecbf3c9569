package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedId;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Medians;
import org.onedoor.backend.platform.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What social forces (社会力量) gave, month by month, for oversight: offers, approved matches, needs met and how long
 * a published need waited for its match. Counts only: no offerer, no child.
 */
@Service
public class HelpIndicators {

  private final MongoTemplate mongo;
  private final Needs needs;

  HelpIndicators(MongoTemplate mongo, Needs needs) {
    this.mongo = mongo;
    this.needs = needs;
  }

  /**
   * One month of help.
   *
   * @param month the month
   * @param offers offers that came in in the month
   * @param approvedMatches matches civil affairs approved in the month
   * @param needsMet matches confirmed in the month as having met their need in full
   * @param medianDaysToMatch the median days from a need's publication to the approval of its match, over the
   *     matches approved in the month; null when none
   * @param approvedByCategory the matches approved in the month by the need's category
   */
  public record Month(YearMonth month, int offers, int approvedMatches, int needsMet, Double medianDaysToMatch,
      Map<NeedCategory, Integer> approvedByCategory) {
  }

  /**
   * The months from {@code first} to {@code last} (inclusive), oldest first, months without help included.
   *
   * @param townshipId only the help for this township's children (and offers made for it), or null for the city
   */
  @PreAuthorize(Roles.OVERSEERS)
  public List<Month> byMonth(YearMonth first, YearMonth last, String townshipId) {
    Instant from = CityTime.startOf(first);
    Instant until = CityTime.startOf(last.plusMonths(1));
    Map<YearMonth, Tally> tallies = new HashMap<>();

    Criteria offerCriteria = where("createdAt").gte(from).lt(until);
    if (townshipId != null) {
      offerCriteria = offerCriteria.and("townshipId").is(townshipId);
    }
    Query offers = new Query(offerCriteria);
    offers.fields().include("createdAt");
    for (org.bson.Document offer : mongo.find(offers, org.bson.Document.class, mongo.getCollectionName(Offer.class))) {
      tallies.computeIfAbsent(CityTime.monthOf(offer.getDate("createdAt").toInstant()), m -> new Tally()).offers++;
    }

    Criteria decided = new Criteria().orOperator(
        where("decidedAt").gte(from).lt(until).and("status").ne(MatchStatus.REJECTED),
        where("confirmedAt").gte(from).lt(until).and("outcome").is(Outcome.MET));
    Query matches = new Query(townshipId == null ? decided
        : new Criteria().andOperator(where("townshipId").is(townshipId), decided));
    matches.fields().include("needId", "status", "decidedAt", "confirmedAt", "outcome");
    List<org.bson.Document> found = mongo.find(matches, org.bson.Document.class, mongo.getCollectionName(Match.class));
    Map<NeedId, Need> needsById = needs.byIds(found.stream().map(m -> new NeedId(m.getString("needId"))).toList());
    for (org.bson.Document match : found) {
      Instant decidedAt = instant(match, "decidedAt");
      Need need = needsById.get(new NeedId(match.getString("needId")));
      if (decidedAt != null && !decidedAt.isBefore(from) && decidedAt.isBefore(until)
          && !MatchStatus.REJECTED.name().equals(match.getString("status"))) {
        Tally tally = tallies.computeIfAbsent(CityTime.monthOf(decidedAt), m -> new Tally());
        tally.approved++;
        if (need != null) {
          tally.byCategory.merge(need.category(), 1, Integer::sum);
          if (need.publishedAt() != null) {
            tally.daysToMatch.add(Duration.between(need.publishedAt(), decidedAt).toHours() / 24.0);
          }
        }
      }
      Instant confirmedAt = instant(match, "confirmedAt");
      if (confirmedAt != null && !confirmedAt.isBefore(from) && confirmedAt.isBefore(until)
          && Outcome.MET.name().equals(match.getString("outcome"))) {
        tallies.computeIfAbsent(CityTime.monthOf(confirmedAt), m -> new Tally()).met++;
      }
    }
    List<Month> result = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      Tally tally = tallies.getOrDefault(month, new Tally());
      result.add(new Month(month, tally.offers, tally.approved, tally.met, Medians.of(tally.daysToMatch),
          Map.copyOf(tally.byCategory)));
    }
    return result;
  }

  private static Instant instant(org.bson.Document document, String field) {
    java.util.Date date = document.getDate(field);
    return date == null ? null : date.toInstant();
  }



  private static final class Tally {
    private int offers;
    private int approved;
    private int met;
    private final List<Double> daysToMatch = new ArrayList<>();
    private final Map<NeedCategory, Integer> byCategory = new EnumMap<>(NeedCategory.class);
  }
}
