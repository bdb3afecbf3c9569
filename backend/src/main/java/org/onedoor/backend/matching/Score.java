package org.onedoor.backend.matching;

import java.util.List;

/**
 * A candidate's score (0–100) with each factor's value, weight and the reason a person can check.
 *
 * @param total the weighted mean of the factors, times 100, to one decimal
 * @param factors each factor
 */
record Score(double total, List<Part> factors) {

  public Score {
    factors = List.copyOf(factors);
  }

  /**
   * One factor of a score.
   *
   * @param factor which
   * @param value its value, 0–1
   * @param weight its weight
   * @param reason why, as a message code and its arguments (enums are labelled, numbers formatted, when shown)
   */
  public record Part(Factor factor, double value, double weight, Reason reason) {
  }

  /**
   * A reason to show, in the reader's language.
   *
   * @param code the message code (match.reason.*)
   * @param args its arguments
   */
  public record Reason(String code, List<Object> args) {

    public Reason {
      args = List.copyOf(args);
    }

    static Reason of(String code, Object... args) {
      return new Reason(code, List.of(args));
    }
  }
}
