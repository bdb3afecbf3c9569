package org.onedoor.backend.identity;

import java.util.List;
import org.onedoor.backend.platform.graphql.UserError;

/**
 * The result of updateMyPreferences: the account after the change, or the reasons it was refused.
 *
 * @param account the account after the change; null when refused
 * @param errors why the change was refused; empty on success
 */
record UpdateMyPreferencesPayload(Me account, List<UserError> errors) {

  static UpdateMyPreferencesPayload success(Me account) {
    return new UpdateMyPreferencesPayload(account, List.of());
  }

  static UpdateMyPreferencesPayload refused(UserError error) {
    return new UpdateMyPreferencesPayload(null, List.of(error));
  }
}
