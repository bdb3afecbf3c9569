package org.onedoor.backend.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record StaffAccountController(StaffAccounts accounts, Geography geography, GraphQlLimits limits) {

  @QueryMapping
  Connection<StaffAccounts.View> staffAccounts(@Argument String role, @Argument String townshipId,
      @Argument Integer first, @Argument String after) {
    return accounts.list(role, townshipId, limits.pageSize(first), after);
  }

  @MutationMapping
  StaffAccounts.Payload createStaffAccount(@Argument StaffAccounts.CreateInput input, Locale locale) {
    return accounts.create(input, locale);
  }

  @MutationMapping
  StaffAccounts.Payload updateStaffAccount(@Argument StaffAccounts.UpdateInput input, Locale locale) {
    return accounts.update(input, locale);
  }

  @MutationMapping
  StaffAccounts.Payload setStaffAccountEnabled(@Argument Map<String, Object> input, Locale locale) {
    return accounts.setEnabled((String) input.get("username"), Boolean.TRUE.equals(input.get("enabled")), locale);
  }

  @MutationMapping
  StaffAccounts.Payload resetStaffPassword(@Argument Map<String, Object> input, Locale locale) {
    return accounts.resetPassword((String) input.get("username"), (String) input.get("newPassword"), locale);
  }

  @MutationMapping
  StaffAccounts.Payload unlockStaffSignIn(@Argument Map<String, Object> input, Locale locale) {
    return accounts.unlockSignIn((String) input.get("username"), locale);
  }

  @BatchMapping(typeName = "StaffAccount")
  Map<StaffAccounts.View, String> lockedUntil(List<StaffAccounts.View> views) {
    return accounts.locksOf(views);
  }

  @BatchMapping(typeName = "StaffAccount")
  Map<StaffAccounts.View, Township> township(List<StaffAccounts.View> views) {
    return geography.townshipOf(views, StaffAccounts.View::townshipId);
  }

  @BatchMapping(typeName = "StaffAccount")
  Map<StaffAccounts.View, Village> village(List<StaffAccounts.View> views) {
    return geography.villageOf(views, StaffAccounts.View::villageId);
  }

  @BatchMapping(typeName = "StaffAccount")
  Map<StaffAccounts.View, List<StaffAccounts.Change>> history(List<StaffAccounts.View> views) {
    return accounts.historyOf(views);
  }
}
