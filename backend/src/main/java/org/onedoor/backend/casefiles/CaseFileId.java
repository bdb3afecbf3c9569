package org.onedoor.backend.casefiles;

import java.util.Objects;

/**
 * A child's file's id: what other features hold to name a child (a need's file, a match's child), typed so that no
 * other id — a need's, an offer's, an account's — can be passed where a file is meant.
 *
 * @param value the id
 */
public record CaseFileId(String value) {

  public CaseFileId {
    Objects.requireNonNull(value, "value");
  }

  /** The id as given, or null for none (an argument left out). */
  public static CaseFileId of(String value) {
    return value == null ? null : new CaseFileId(value);
  }
}
