package org.onedoor.backend.casefiles;

import java.util.List;
import org.onedoor.backend.platform.graphql.UserError;

/**
 * The result of createCaseFile and updateCaseFile: the file, or why it was refused.
 *
 * @param caseFile the file after the change; null when refused
 * @param errors the refusals, field by field; empty on success
 */
record CaseFilePayload(CaseFile caseFile, List<UserError> errors) {

  static CaseFilePayload success(CaseFile file) {
    return new CaseFilePayload(file, List.of());
  }

  static CaseFilePayload refused(List<UserError> errors) {
    return new CaseFilePayload(null, List.copyOf(errors));
  }
}
