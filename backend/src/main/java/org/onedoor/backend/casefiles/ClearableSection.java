package org.onedoor.backend.casefiles;

/** A section of a file that an update can empty (GraphQL {@code ClearableSection}). */
public enum ClearableSection {
  /** The child has no disability or illness on record. */
  CONDITION,
  /** No supervisor is in charge. */
  SUPERVISOR
}
