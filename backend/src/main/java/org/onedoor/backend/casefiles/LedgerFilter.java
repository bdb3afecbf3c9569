package org.onedoor.backend.casefiles;

/**
 * The ledger's filter.
 *
 * @param townshipId township
 * @param villageId village
 * @param cause cause
 * @param riskTier risk tier
 * @param search a child's whole name or ID number, or null
 */
record LedgerFilter(String townshipId, String villageId, Cause cause, Integer riskTier, String search) {

  /** A filter without a search. */
  LedgerFilter(String townshipId, String villageId, Cause cause, Integer riskTier) {
    this(townshipId, villageId, cause, riskTier, null);
  }
}
