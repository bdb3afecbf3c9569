package org.onedoor.backend.casefiles;

/**
 * The ledger's filter.
 *
 * @param townshipId township
 * @param villageId village
 * @param cause cause
 * @param riskTier risk tier
 */
record LedgerFilter(String townshipId, String villageId, Cause cause, Integer riskTier) {
}
