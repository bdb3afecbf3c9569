package org.onedoor.backend.casefiles;

import java.util.List;

/**
 * A new child's file, as submitted; validated field by field by {@link CaseFiles#create}.
 *
 * @param name the child's name
 * @param sex the child's sex
 * @param birthDate yyyy-MM-dd
 * @param nationalId 18-character national ID, optional
 * @param householdRegistration where the household is registered, optional
 * @param townshipId the township
 * @param villageId the village
 * @param address the home address, optional
 * @param causes why the child is in difficulty
 * @param riskTier 1 … 4
 * @param guardianship parents and guardians, optional
 * @param condition disability or illness, optional
 * @param schooling schooling, optional
 * @param benefits assistance received, optional
 * @param supervisorId the supervisor in charge, optional
 */
public record CreateCaseFileInput(String name, Sex sex, String birthDate, String nationalId,
    String householdRegistration, String townshipId, String villageId, String address, List<Cause> causes,
    Integer riskTier, Guardianship guardianship, Condition condition, Schooling schooling, List<Benefit> benefits,
    String supervisorId) {
}
