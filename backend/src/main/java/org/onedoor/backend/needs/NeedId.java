package org.onedoor.backend.needs;

import java.util.Objects;

/**
 * A need's internal id, as staff and matching know it — never shown to the public, who know a need only by its
 * {@link PublicNeedId}. Typed so the two cannot be mixed up where a method takes one.
 *
 * @param value the id
 */
public record NeedId(String value) {

  public NeedId {
    Objects.requireNonNull(value, "value");
  }

  /** The id as given, or null for none (an argument left out). */
  public static NeedId of(String value) {
    return value == null ? null : new NeedId(value);
  }
}
