package org.onedoor.backend.casefiles;

import java.util.List;
import org.onedoor.backend.platform.graphql.UserError;

/**
 * The result of recordHomeVisit.
 *
 * @param visit the visit recorded, or null when refused
 * @param caseFile the file with its new visit dates, or null when refused
 * @param errors why it was refused; empty on success
 */
record RecordHomeVisitPayload(HomeVisit visit, CaseFile caseFile, List<UserError> errors) {
}
