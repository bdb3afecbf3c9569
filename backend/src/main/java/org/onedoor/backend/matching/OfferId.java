package org.onedoor.backend.matching;

import java.util.Objects;

/**
 * An offer's id, typed so it cannot be swapped with the need's where both are given (proposing a match).
 *
 * @param value the id
 */
record OfferId(String value) {

  OfferId {
    Objects.requireNonNull(value, "value");
  }

  /** The id as given, or null for none (an argument left out). */
  static OfferId of(String value) {
    return value == null ? null : new OfferId(value);
  }
}
