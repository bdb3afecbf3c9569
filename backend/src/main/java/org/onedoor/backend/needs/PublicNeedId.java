package org.onedoor.backend.needs;

import java.util.Objects;

/**
 * The random id under which the public board shows a need (what a pledge names); it says nothing of the internal
 * {@link NeedId} and must never be looked up as one.
 *
 * @param value the id
 */
public record PublicNeedId(String value) {

  public PublicNeedId {
    Objects.requireNonNull(value, "value");
  }

  /** The id as given, or null for none (an argument left out). */
  public static PublicNeedId of(String value) {
    return value == null ? null : new PublicNeedId(value);
  }
}
