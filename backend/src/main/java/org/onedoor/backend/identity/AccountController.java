package org.onedoor.backend.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    var byId = geography.townshipsById(accounts.stream().map(Me::townshipId).filter(Objects::nonNull).toList());
    Map<Me, Township> result = new HashMap<>();
    accounts.stream().filter(a -> byId.containsKey(a.townshipId())).forEach(a -> result.put(a, byId.get(a.townshipId())));
    return result;
  }

  @BatchMapping(typeName = "Account")
  Map<Me, Village> village(List<Me> accounts) {
    var byId = geography.villagesById(accounts.stream().map(Me::villageId).filter(Objects::nonNull).toList());
    Map<Me, Village> result = new HashMap<>();
    accounts.stream().filter(a -> byId.containsKey(a.villageId())).forEach(a -> result.put(a, byId.get(a.villageId())));
    return result;
  }
}
