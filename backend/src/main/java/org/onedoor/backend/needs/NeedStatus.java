package org.onedoor.backend.needs;

/** Where a need is in its life (MATCHED and FULFILLED come with matching). */
public enum NeedStatus {
  DRAFT,
  PUBLISHED,
  WITHDRAWN,
  /** Published, but past its deadline month or the end of its consent: off the board. */
  EXPIRED
}
