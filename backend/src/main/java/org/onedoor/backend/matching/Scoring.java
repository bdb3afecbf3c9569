package org.onedoor.backend.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.registry.VolunteerSkill;

/**
 * The score of a candidate that passed the hard constraints: a weighted mean of the factors ({@link Factor}), each
 * with the reason a person can check ("3.2 km", "waiting 41 days"). Pure: the same inputs give the same score.
 */
public final class Scoring {

  /** The reason of a factor when only the total is wanted. */
  private static final Score.Reason NO_REASON = new Score.Reason("", List.of());

  private final MatchingSettings settings;

  public Scoring(MatchingSettings settings) {
    this.settings = settings;
  }

  /**
   * Scores an offer for a need.
   *
   * @param need the need
   * @param offer the offer
   * @param now the moment (waiting time)
   * @param distances the distances between townships
   * @param record the offerer's fulfilment record
   */
  public Score score(NeedFacts need, Offer offer, Instant now, Distances distances, FulfilmentRecord record) {
    return score(need, offer, now, distances, record, true);
  }

  /** The total alone, without the reasons: the same factors, for the global allocation's many candidates. */
  public double total(NeedFacts need, Offer offer, Instant now, Distances distances, FulfilmentRecord record) {
    return score(need, offer, now, distances, record, false).total();
  }

  private Score score(NeedFacts need, Offer offer, Instant now, Distances distances, FulfilmentRecord record,
      boolean explain) {
    List<Score.Part> parts = new ArrayList<>(6);
    parts.add(part(Factor.URGENCY, switch (need.urgency()) {
      case CRITICAL -> 1.0;
      case HIGH -> 0.6;
      case NORMAL -> 0.3;
    }, Score.Reason.of("urgency", need.urgency())));
    long days = need.publishedAt() == null ? 0 : Math.max(0, Duration.between(need.publishedAt(), now).toDays());
    parts.add(part(Factor.WAITING, Math.min(1.0, (double) days / settings.waitingFullDays()),
        Score.Reason.of("waiting", days)));
    parts.add(distance(need, offer, distances, explain));
    parts.add(capacity(need, offer));
    parts.add(preference(need, offer));
    parts.add(part(Factor.RECORD, record.factor(), record.total() == 0 ? Score.Reason.of("noRecord")
        : Score.Reason.of("record", record.met(), record.partlyMet(), record.notMet())));
    double weighted = 0;
    double weights = 0;
    for (Score.Part part : parts) {
      weighted += part.weight() * part.value();
      weights += part.weight();
    }
    return new Score(Math.round(1000 * weighted / weights) / 10.0, parts);
  }

  private Score.Part part(Factor factor, double value, Score.Reason reason) {
    return new Score.Part(factor, value, settings.weights().of(factor), reason);
  }

  private Score.Part distance(NeedFacts need, Offer offer, Distances distances, boolean explain) {
    if (offer.townshipId() == null) {
      return part(Factor.DISTANCE, 1.0, Score.Reason.of("cityWide"));
    }
    double km = distances.km(offer.townshipId(), need.townshipId());
    if (Double.isNaN(km)) {
      return part(Factor.DISTANCE, 0.5, Score.Reason.of("distanceUnknown"));
    }
    return part(Factor.DISTANCE, Math.max(0, 1 - km / settings.distanceScaleKm()),
        explain ? Score.Reason.of("distance", String.format(Locale.ROOT, "%.1f", km)) : NO_REASON);
  }

  private Score.Part capacity(NeedFacts need, Offer offer) {
    if (offer.kind() == OfferKind.PLACEMENT) {
      return part(Factor.CAPACITY, 1.0, Score.Reason.of("placesFree", offer.remaining()));
    }
    if (offer.kind() == OfferKind.PROJECT) {
      return part(Factor.CAPACITY, 1.0, Score.Reason.of("project"));
    }
    if (need.amountYuan() != null && need.amountYuan() > 0 && offer.amountYuan() != null) {
      int offered = offer.kind() == OfferKind.SPONSORSHIP ? offer.amountYuan() * 12 : offer.amountYuan();
      double covered = Math.min(1.0, (double) offered / need.amountYuan());
      return part(Factor.CAPACITY, covered, Score.Reason.of("covers", Math.round(100 * covered)));
    }
    if (!need.goods().isEmpty()) {
      if (offer.kind() != OfferKind.GOODS) {
        return part(Factor.CAPACITY, 0.5, Score.Reason.of("moneyForGoods"));
      }
      long covered = need.goods().stream().filter(wanted -> offer.goods().stream().anyMatch(given ->
          given.contains(wanted) || wanted.contains(given))).count();
      return part(Factor.CAPACITY, (double) covered / need.goods().size(),
          Score.Reason.of("goodsCovered", covered, need.goods().size()));
    }
    if (need.serviceHours() != null && need.serviceHours() > 0 && offer.hoursPerWeek() != null) {
      double covered = Math.min(1.0, offer.hoursPerWeek() * 4.0 / need.serviceHours());
      return part(Factor.CAPACITY, covered, Score.Reason.of("hours", offer.hoursPerWeek(), need.serviceHours()));
    }
    return part(Factor.CAPACITY, 1.0, Score.Reason.of("fits"));
  }

  private Score.Part preference(NeedFacts need, Offer offer) {
    if (offer.kind() == OfferKind.SERVICE && offer.skill() != null) {
      return skillFits(offer.skill(), need.category())
          ? part(Factor.PREFERENCE, 1.0, Score.Reason.of("skillFits", offer.skill()))
          : part(Factor.PREFERENCE, 0.5, Score.Reason.of("skillOther", offer.skill()));
    }
    if (offer.kind() == OfferKind.PLACEMENT) {
      return offer.childSex() != null
          ? part(Factor.PREFERENCE, 1.0, Score.Reason.of("familyPrefersSex", offer.childSex()))
          : part(Factor.PREFERENCE, 0.8, Score.Reason.of("familyEither"));
    }
    return offer.categories().size() == 1
        ? part(Factor.PREFERENCE, 1.0, Score.Reason.of("focused", need.category()))
        : part(Factor.PREFERENCE, 0.7, Score.Reason.of("broad", offer.categories().size()));
  }

  /** Whether a volunteer's skill is what a category of need asks for. */
  static boolean skillFits(VolunteerSkill skill, NeedCategory category) {
    return switch (skill) {
      case TUTORING -> category == NeedCategory.EDUCATION;
      case COUNSELLING -> category == NeedCategory.PSYCHOLOGICAL;
      case MEDICAL -> category == NeedCategory.MEDICAL || category == NeedCategory.REHABILITATION;
      case LEGAL_AID -> category == NeedCategory.LEGAL_AID;
      case COMPANIONSHIP -> category == NeedCategory.GUARDIANSHIP_CARE || category == NeedCategory.PSYCHOLOGICAL;
      case OTHER -> false;
    };
  }
}
