package org.onedoor.backend.casefiles;

/**
 * A home visit as the supervisor reports it.
 *
 * @param caseFileId the child's file
 * @param visitedOn yyyy-MM-dd, not in the future
 * @param findings what was found
 * @param followUp what is to be done next, optional
 */
public record RecordHomeVisitInput(String caseFileId, String visitedOn, String findings, String followUp) {
}
