package org.onedoor.backend.casefiles;

import java.util.List;

/**
 * Changes to a file made against a version; null fields stay as they are, sections are replaced whole.
 *
 * @param id the file
 * @param expectedVersion the version the caller read
 * @param householdRegistration a new household registration
 * @param address a new address
 * @param causes new causes
 * @param riskTier a new risk tier
 * @param guardianship new parents and guardians
 * @param condition a new disability or illness
 * @param schooling new schooling
 * @param benefits new list of assistance received
 * @param supervisorId a new supervisor in charge
 * @param confirmDraft true to confirm a draft file opened from an intake
 * @param clear the sections to empty
 */
public record UpdateCaseFileInput(String id, Integer expectedVersion, String householdRegistration, String address,
    List<Cause> causes, Integer riskTier, Guardianship guardianship, Condition condition, Schooling schooling,
    List<Benefit> benefits, String supervisorId, Boolean confirmDraft, List<ClearableSection> clear) {
}
