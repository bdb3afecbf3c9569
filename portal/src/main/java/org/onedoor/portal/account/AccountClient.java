package org.onedoor.portal.account;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.Account;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's own account: who they are and their language. Calls and error translation go through {@link
 * GraphQlGateway}.
 */
@Component
public record AccountClient(GraphQlGateway gateway) {

  /** The signed-in user's account. */
  public Account me() {
    return gateway.call(graphQl -> graphQl.documentName("me").retrieveSync("me").toEntity(Account.class));
  }

  /** Stores the signed-in user's preferred language; returns the refusals (localised), empty on success. */
  public List<UserError> updatePreferredLanguage(Language language) {
    return gateway.refusals("updateMyPreferences", Map.of("preferredLanguage", language.name()));
  }
}
