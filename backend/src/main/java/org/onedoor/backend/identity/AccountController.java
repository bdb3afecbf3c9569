package org.onedoor.backend.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record AccountController(Accounts accounts, Geography geography) {

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
    return geography.townshipOf(accounts, Me::townshipId);
  }

  @BatchMapping(typeName = "Account")
  Map<Me, Village> village(List<Me> accounts) {
    return geography.villageOf(accounts, Me::villageId);
  }
}
