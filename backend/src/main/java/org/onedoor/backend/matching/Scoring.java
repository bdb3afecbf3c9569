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
 * with the reason a person can check ("3.2 km", "waiting 41 days"). Pure: the same inputs give the same score. Each
 * factor's value is computed in one place, for the explained score and for the bare total alike.
 */
public final class Scoring {

  private static final Factor[] FACTORS = Factor.values();

  private final MatchingSettings settings;
  private final double[] weights = new double[FACTORS.length];
  private final double weightSum;

  public Scoring(MatchingSettings settings) {
    this.settings = settings;
    double sum = 0;
    for (Factor factor : FACTORS) {
      weights[factor.ordinal()] = settings.weights().of(factor);
      sum += weights[factor.ordinal()];
    }
    this.weightSum = sum;
  }

  /**
   * Scores an offer for a need, with each factor's reason.
   *
   * @param need the need
   * @param offer the offer
   * @param now the moment (waiting time)
   * @param distances the distances between townships
   * @param record the offerer's fulfilment record
   */
  public Score score(NeedFacts need, Offer offer, Instant now, Distances distances, FulfilmentRecord record) {
    long days = days(need, now);
    double km = km(need, offer, distances);
    List<Score.Part> parts = new ArrayList<>(FACTORS.length);
    double weighted = 0;
    for (Factor factor : FACTORS) {
      double value = value(factor, need, offer, days, km, record);
      weighted += weights[factor.ordinal()] * value;
      parts.add(new Score.Part(factor, value, weights[factor.ordinal()],
          reason(factor, need, offer, days, km, record)));
    }
    return new Score(round(weighted), parts);
  }

  /**
   * The total alone, without the reasons: the same factors and the same arithmetic as {@link #score}, without
   * building anything — for the many candidates of a global allocation and of a suggestion before its top few.
   */
  public double total(NeedFacts need, Offer offer, Instant now, Distances distances, FulfilmentRecord record) {
    long days = days(need, now);
    double km = km(need, offer, distances);
    double weighted = 0;
    for (Factor factor : FACTORS) {
      weighted += weights[factor.ordinal()] * value(factor, need, offer, days, km, record);
    }
    return round(weighted);
  }

  private double round(double weighted) {
    return Math.round(1000 * weighted / weightSum) / 10.0;
  }

  private static long days(NeedFacts need, Instant now) {
    return need.publishedAt() == null ? 0 : Math.max(0, Duration.between(need.publishedAt(), now).toDays());
  }

  /** Kilometres from the offer's township to the child's; 0 for a city-wide offer (it has no township). */
  private static double km(NeedFacts need, Offer offer, Distances distances) {
    return offer.townshipId() == null ? 0 : distances.km(offer.townshipId(), need.townshipId());
  }

  private double value(Factor factor, NeedFacts need, Offer offer, long days, double km, FulfilmentRecord record) {
    return switch (factor) {
      case URGENCY -> switch (need.urgency()) {
        case CRITICAL -> 1.0;
        case HIGH -> 0.6;
        case NORMAL -> 0.3;
      };
      case WAITING -> Math.min(1.0, (double) days / settings.waitingFullDays());
      case DISTANCE -> offer.townshipId() == null ? 1.0
          : Double.isNaN(km) ? 0.5 : Math.max(0, 1 - km / settings.distanceScaleKm());
      case CAPACITY -> capacity(need, offer);
      case PREFERENCE -> preference(need, offer);
      case RECORD -> record.factor();
    };
  }

  private static Score.Reason reason(Factor factor, NeedFacts need, Offer offer, long days, double km,
      FulfilmentRecord record) {
    return switch (factor) {
      case URGENCY -> Score.Reason.of("urgency", need.urgency());
      case WAITING -> Score.Reason.of("waiting", days);
      case DISTANCE -> offer.townshipId() == null ? Score.Reason.of("cityWide")
          : Double.isNaN(km) ? Score.Reason.of("distanceUnknown")
          : Score.Reason.of("distance", String.format(Locale.ROOT, "%.1f", km));
      case CAPACITY -> capacityReason(need, offer);
      case PREFERENCE -> preferenceReason(need, offer);
      case RECORD -> record.total() == 0 ? Score.Reason.of("noRecord")
          : Score.Reason.of("record", record.met(), record.partlyMet(), record.notMet());
    };
  }

  private static double capacity(NeedFacts need, Offer offer) {
    OfferTerms terms = offer.terms();
    if (terms instanceof OfferTerms.Placement || terms instanceof OfferTerms.Project) {
      return 1.0;
    }
    Integer yuan = yearlyYuan(terms);
    if (need.amountYuan() != null && need.amountYuan() > 0 && yuan != null) {
      return Math.min(1.0, (double) yuan / need.amountYuan());
    }
    if (!need.goods().isEmpty()) {
      return terms instanceof OfferTerms.Goods goods ? (double) goodsCovered(need, goods) / need.goods().size() : 0.5;
    }
    if (need.serviceHours() != null && need.serviceHours() > 0 && terms instanceof OfferTerms.Service service
        && service.hoursPerWeek() != null) {
      return Math.min(1.0, service.hoursPerWeek() * 4.0 / need.serviceHours());
    }
    return 1.0;
  }

  private static Score.Reason capacityReason(NeedFacts need, Offer offer) {
    OfferTerms terms = offer.terms();
    if (terms instanceof OfferTerms.Placement) {
      return Score.Reason.of("placesFree", offer.remaining());
    }
    if (terms instanceof OfferTerms.Project) {
      return Score.Reason.of("project");
    }
    if (need.amountYuan() != null && need.amountYuan() > 0 && yearlyYuan(terms) != null) {
      return Score.Reason.of("covers", Math.round(100 * capacity(need, offer)));
    }
    if (!need.goods().isEmpty()) {
      return terms instanceof OfferTerms.Goods goods
          ? Score.Reason.of("goodsCovered", goodsCovered(need, goods), need.goods().size())
          : Score.Reason.of("moneyForGoods");
    }
    if (need.serviceHours() != null && need.serviceHours() > 0 && terms instanceof OfferTerms.Service service
        && service.hoursPerWeek() != null) {
      return Score.Reason.of("hours", service.hoursPerWeek(), need.serviceHours());
    }
    return Score.Reason.of("fits");
  }

  /** The money an offer gives against what a need asks; a sponsorship's is monthly, so a year of it counts. */
  private static Integer yearlyYuan(OfferTerms terms) {
    return switch (terms) {
      case OfferTerms.Money money -> money.amountYuan();
      case OfferTerms.Sponsorship sponsorship -> sponsorship.monthlyYuan() == null ? null
          : sponsorship.monthlyYuan() * 12;
      case OfferTerms.Goods goods -> null;
      case OfferTerms.Service service -> null;
      case OfferTerms.Project project -> null;
      case OfferTerms.Placement placement -> null;
    };
  }

  private static long goodsCovered(NeedFacts need, OfferTerms.Goods offered) {
    long covered = 0;
    for (String wanted : need.goods()) {
      for (String given : offered.items()) {
        if (given.contains(wanted) || wanted.contains(given)) {
          covered++;
          break;
        }
      }
    }
    return covered;
  }

  private static double preference(NeedFacts need, Offer offer) {
    if (offer.terms() instanceof OfferTerms.Service service && service.skill() != null) {
      return skillFits(service.skill(), need.category()) ? 1.0 : 0.5;
    }
    if (offer.terms() instanceof OfferTerms.Placement placement) {
      return placement.childSex() != null ? 1.0 : 0.8;
    }
    return offer.categories().size() == 1 ? 1.0 : 0.7;
  }

  private static Score.Reason preferenceReason(NeedFacts need, Offer offer) {
    if (offer.terms() instanceof OfferTerms.Service service && service.skill() != null) {
      return Score.Reason.of(skillFits(service.skill(), need.category()) ? "skillFits" : "skillOther",
          service.skill());
    }
    if (offer.terms() instanceof OfferTerms.Placement placement) {
      return placement.childSex() != null ? Score.Reason.of("familyPrefersSex", placement.childSex())
          : Score.Reason.of("familyEither");
    }
    return offer.categories().size() == 1 ? Score.Reason.of("focused", need.category())
        : Score.Reason.of("broad", offer.categories().size());
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
