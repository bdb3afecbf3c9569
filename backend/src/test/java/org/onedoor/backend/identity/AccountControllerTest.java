package org.onedoor.backend.identity;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.geography.Coordinates;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@GraphQlTest(AccountController.class)
@Import(Messages.class)
class AccountControllerTest {

  private static final Village XINHUA = new Village("hulin-town-xinhua", "新华村", "Xinhua Village",
      new Coordinates(45.74, 132.90));
  private static final Township HULIN = new Township("hulin-town", "虎林镇", "Hulin Town", 1,
      new Coordinates(45.76, 132.93), List.of(XINHUA));

  @Autowired
  GraphQlTester graphQl;

  @MockitoBean
  Accounts accounts;

  @MockitoBean
  Geography geography;

  @Test
  void me_shows_roles_and_resolves_township_and_village_scope_in_one_batch_each() {
    given(accounts.me()).willReturn(new Me("supervisor", "督导员 王芳", List.of("SUPERVISOR"), null, "hulin-town",
        "hulin-town-xinhua", Language.ZH_CN));
    given(geography.townshipsById(anyCollection())).willReturn(Map.of("hulin-town", HULIN));
    given(geography.villagesById(anyCollection())).willReturn(Map.of("hulin-town-xinhua", XINHUA));
    // The batching helpers are real; the store behind them is the mock above.
    given(geography.townshipOf(anyCollection(), any())).willCallRealMethod();
    given(geography.villageOf(anyCollection(), any())).willCallRealMethod();

    graphQl.documentName("me").execute()
        .path("me.displayName").entity(String.class).isEqualTo("督导员 王芳")
        .path("me.roles").entityList(String.class).containsExactly("SUPERVISOR")
        .path("me.township.name").entity(String.class).isEqualTo("虎林镇")
        .path("me.village.name").entity(String.class).isEqualTo("新华村")
        .path("me.preferredLanguage").entity(String.class).isEqualTo("ZH_CN");
    // The scope is resolved from the account's own ids, once per field for the whole answer.
    verify(geography, times(1)).townshipsById(argThat(ids -> List.copyOf(ids).equals(List.of("hulin-town"))));
    verify(geography, times(1)).villagesById(argThat(ids -> List.copyOf(ids).equals(List.of("hulin-town-xinhua"))));
  }

  @Test
  void an_account_without_a_scope_shows_no_township_or_village() {
    given(accounts.me()).willReturn(new Me("civil", "民政局 赵伟", List.of("CIVIL_AFFAIRS"), null, null, null,
        Language.EN));
    given(geography.townshipsById(anyCollection())).willReturn(Map.of());
    given(geography.villagesById(anyCollection())).willReturn(Map.of());
    given(geography.townshipOf(anyCollection(), any())).willCallRealMethod();
    given(geography.villageOf(anyCollection(), any())).willCallRealMethod();

    graphQl.documentName("me").execute()
        .path("me.township").valueIsNull()
        .path("me.village").valueIsNull()
        .path("me.preferredLanguage").entity(String.class).isEqualTo("EN");
  }

  @Test
  void update_my_preferences_passes_the_chosen_language_and_the_request_locale_to_the_service() {
    given(accounts.updateMyPreferences(any(), any())).willReturn(UpdateMyPreferencesPayload.success(new Me(
        "supervisor", "督导员 王芳", List.of("SUPERVISOR"), null, null, null, Language.EN)));

    graphQl.documentName("updateMyPreferences").variable("input", Map.of("preferredLanguage", "EN")).execute()
        .path("updateMyPreferences.errors").entityList(Object.class).hasSize(0)
        .path("updateMyPreferences.account.preferredLanguage").entity(String.class).isEqualTo("EN");
    verify(accounts).updateMyPreferences(eq(new UpdateMyPreferencesInput(Language.EN)), any(Locale.class));
  }

  @Test
  void update_my_preferences_returns_expected_failures_in_the_payload() {
    given(accounts.updateMyPreferences(any(), any())).willReturn(UpdateMyPreferencesPayload.refused(
        new UserError("NOTHING_TO_CHANGE", null, "There is nothing to change.")));

    graphQl.documentName("updateMyPreferences").variable("input", Map.of()).execute()
        .path("updateMyPreferences.account").valueIsNull()
        .path("updateMyPreferences.errors[0].code").entity(String.class).isEqualTo("NOTHING_TO_CHANGE")
        .path("updateMyPreferences.errors[0].message").entity(String.class).isEqualTo("There is nothing to change.");
  }
}
