package org.onedoor.backend.geography;

/**
 * Implemented by each feature whose records name villages (files, accounts, intakes, screening reports): before a
 * village is deleted, geography asks every one how many of its records still refer to it.
 */
public interface VillageReferences {

  /** How many of this feature's records refer to the village. */
  long count(String villageId);
}
