package org.onedoor.backend.matching;

/**
 * How an offerer's earlier matches ended, as the caseworkers confirmed them.
 *
 * @param met met in full
 * @param partlyMet met in part
 * @param notMet not met
 */
public record FulfilmentRecord(int met, int partlyMet, int notMet) {

  /** No matches confirmed yet. */
  public static final FulfilmentRecord NONE = new FulfilmentRecord(0, 0, 0);

  /** All confirmed matches. */
  public int total() {
    return met + partlyMet + notMet;
  }

  /** The record as a 0–1 factor: (met + ½ partly + 1) / (all + 2), so a newcomer starts at ½. */
  public double factor() {
    return (met + 0.5 * partlyMet + 1) / (total() + 2.0);
  }
}
