package org.onedoor.backend.needs;

/** Where a need is in its life. */
public enum NeedStatus {
  DRAFT,
  PUBLISHED,
  WITHDRAWN,
  /** Published, but past its deadline month or the end of its consent: off the board. */
  EXPIRED,
  /** Civil affairs approved a match for it: off the board while the help is delivered. */
  MATCHED,
  /** The caseworker confirmed the help met the need: shown on the board as fulfilled, still anonymous. */
  FULFILLED
}
