package org.onedoor.backend.casefiles;

import java.util.List;

/**
 * Changes to a file made against a version; null fields stay as they are.
 *
 * @param id the file
 * @param expectedVersion the version the caller read
 * @param address a new address
 * @param causes new causes
 * @param riskTier a new risk tier
 */
public record UpdateCaseFileInput(String id, Integer expectedVersion, String address, List<Cause> causes,
    Integer riskTier) {
}
