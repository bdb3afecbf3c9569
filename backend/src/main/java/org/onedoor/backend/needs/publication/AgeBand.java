package org.onedoor.backend.needs.publication;

import java.time.LocalDate;
import java.time.Period;

/**
 * The age bands a published need may show. The fine bands follow the stages of the policy (infancy, preschool,
 * primary, junior and senior secondary); generalisation widens each to its wide band.
 */
public enum AgeBand {
  AGE_0_2(0, 2),
  AGE_3_5(3, 5),
  AGE_6_11(6, 11),
  AGE_12_14(12, 14),
  AGE_15_17(15, 17),
  AGE_0_5(0, 5),
  AGE_12_17(12, 17);

  private final int from;
  private final int to;

  AgeBand(int from, int to) {
    this.from = from;
    this.to = to;
  }

  /** The fine band of a child born on a date, on a given day; children of 18 or more have none. */
  public static AgeBand fineBandOf(LocalDate birthDate, LocalDate on) {
    int age = Period.between(birthDate, on).getYears();
    for (AgeBand band : new AgeBand[] {AGE_0_2, AGE_3_5, AGE_6_11, AGE_12_14, AGE_15_17}) {
      if (age >= band.from && age <= band.to) {
        return band;
      }
    }
    throw new IllegalArgumentException("not a child's age: " + age);
  }

  /** The wide band this band belongs to (a wide band is its own). */
  public AgeBand wide() {
    return switch (this) {
      case AGE_0_2, AGE_3_5, AGE_0_5 -> AGE_0_5;
      case AGE_6_11 -> AGE_6_11;
      case AGE_12_14, AGE_15_17, AGE_12_17 -> AGE_12_17;
    };
  }

  /** Whether an age in whole years lies in this band. */
  public boolean contains(int age) {
    return age >= from && age <= to;
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }
}
