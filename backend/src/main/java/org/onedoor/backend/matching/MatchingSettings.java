package org.onedoor.backend.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the matching ranks candidates ({@code onedoor.matching}): a weight per factor (0 switches a factor off) and the
 * scales that turn days and kilometres into a 0–1 factor.
 *
 * @param weights the factors' weights
 * @param waitingFullDays days of waiting at which the waiting factor reaches 1
 * @param distanceScaleKm kilometres at which the distance factor falls to 0
 * @param placementRadiusKm the farthest a placement family may live from the child's township (a hard constraint)
 */
@ConfigurationProperties("onedoor.matching")
public record MatchingSettings(@DefaultValue Weights weights, @DefaultValue("90") int waitingFullDays,
    @DefaultValue("100") double distanceScaleKm, @DefaultValue("60") double placementRadiusKm) {

  public MatchingSettings {
    if (waitingFullDays < 1 || distanceScaleKm <= 0 || placementRadiusKm <= 0) {
      throw new IllegalArgumentException("onedoor.matching: waiting-full-days, distance-scale-km and "
          + "placement-radius-km must be positive");
    }
  }

  /**
   * The weight of each factor in the score.
   *
   * @param urgency how urgent the need is
   * @param waiting how long it has waited
   * @param distance how near the offer is
   * @param capacity how much of the need the offer covers
   * @param preference how well the offer's kind, skill or family preferences fit
   * @param record the offerer's fulfilment record
   */
  public record Weights(@DefaultValue("3") double urgency, @DefaultValue("1") double waiting,
      @DefaultValue("2") double distance, @DefaultValue("2") double capacity, @DefaultValue("1") double preference,
      @DefaultValue("1") double record) {

    public Weights {
      if (urgency < 0 || waiting < 0 || distance < 0 || capacity < 0 || preference < 0 || record < 0
          || urgency + waiting + distance + capacity + preference + record == 0) {
        throw new IllegalArgumentException("onedoor.matching.weights: none negative, not all zero");
      }
    }

    double of(Factor factor) {
      return switch (factor) {
        case URGENCY -> urgency;
        case WAITING -> waiting;
        case DISTANCE -> distance;
        case CAPACITY -> capacity;
        case PREFERENCE -> preference;
        case RECORD -> record;
      };
    }
  }
}
