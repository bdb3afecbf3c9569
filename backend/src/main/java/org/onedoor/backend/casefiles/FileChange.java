package org.onedoor.backend.casefiles;

import java.time.Instant;
import java.util.List;

/**
 * One change of a file, as its history keeps it.
 *
 * @param version the version the change produced
 * @param at when
 * @param actor who (the account's subject)
 * @param actorName who, by the account's display name (the subject when the account has none)
 * @param changes what changed, field by field
 */
record FileChange(long version, Instant at, String actor, String actorName, List<FieldChange> changes) {

  /**
   * One field's change.
   *
   * @param field the field
   * @param change old and new value for coded fields, "changed" for text and sections with names or numbers
   */
  public record FieldChange(String field, String change) {
  }
}
