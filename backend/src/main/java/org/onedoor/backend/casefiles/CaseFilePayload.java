package org.onedoor.backend.casefiles;

import java.util.List;
import org.onedoor.backend.platform.graphql.UserError;

/**
 * The result of createCaseFile and updateCaseFile: the file, or why it was refused.
 *
 * @param caseFile the file after the change; null when refused
 * @param errors the refusals, field by field; empty on success
 * @param changesSince when refused as stale: what others changed since the version the caller read, newest first
 */
record CaseFilePayload(CaseFile caseFile, List<UserError> errors, List<FileChange> changesSince) {

  static CaseFilePayload success(CaseFile file) {
    return new CaseFilePayload(file, List.of(), List.of());
  }

  static CaseFilePayload refused(List<UserError> errors) {
    return new CaseFilePayload(null, List.copyOf(errors), List.of());
  }

  static CaseFilePayload stale(UserError error, List<FileChange> changesSince) {
    return new CaseFilePayload(null, List.of(error), List.copyOf(changesSince));
  }
}
