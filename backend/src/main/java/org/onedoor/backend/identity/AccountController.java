package org.onedoor.backend.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AccountController {

  private final Accounts accounts;
  private final Geography geography;

  AccountController(Accounts accounts, Geography geography) {
    this.accounts = accounts;
    this.geography = geography;
  }

  @QueryMapping
  Me me() {
    return accounts.me();
  }

  @MutationMapping
  UpdateMyPreferencesPayload updateMyPreferences(@Argument UpdateMyPreferencesInput input, Locale locale) {
    return accounts.updateMyPreferences(input, locale);
  }

  @BatchMapping(typeName = "Account")
  Map<Me, Township> township(List<Me> accounts) {
    return resolve(accounts, Me::townshipId, geography::townshipsById);
  }

  @BatchMapping(typeName = "Account")
  Map<Me, Village> village(List<Me> accounts) {
    return resolve(accounts, Me::villageId, geography::villagesById);
  }

  /** One store query for all accounts of a request: each account's value by its id. */
  private static <T> Map<Me, T> resolve(List<Me> accounts, Function<Me, String> idOf,
      Function<Collection<String>, Map<String, T>> load) {
    Map<String, T> byId = load.apply(accounts.stream().map(idOf).filter(Objects::nonNull).distinct().toList());
    Map<Me, T> result = new HashMap<>();
    for (Me account : accounts) {
      T value = byId.get(idOf.apply(account));
      if (value != null) {
        result.put(account, value);
      }
    }
    return result;
  }
}
