package org.onedoor.backend.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what an operator must set when a production start cannot have a first administrator. */
class NoAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdministrator.NoAdministratorException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, FirstAdministrator.NoAdministratorException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set ONEDOOR_ADMIN_USERNAME and ONEDOOR_ADMIN_INITIAL_PASSWORD (at least 12 characters, not containing the "
            + "username) for the first start. The administrator signs in with them once and must then choose a new "
            + "password; the variables may be removed afterwards.", cause);
  }
}
