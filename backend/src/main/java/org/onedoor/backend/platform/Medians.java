package org.onedoor.backend.platform;

import java.util.List;

/** Medians of durations and counts, as oversight's figures show them. */
public final class Medians {

  private Medians() {
  }

  /** The median, rounded to a tenth; null for no values. */
  public static Double of(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }
}
