package org.onedoor.portal.account;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.onedoor.portal.api.Account;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.layout.ApiErrors;

/** The signed-in user's account: name, roles, scope and language, as the backend knows them. */
@Route("account")
@PermitAll
@Menu(order = 4, title = "nav.account", icon = "vaadin:user")
class AccountView extends VerticalLayout implements HasDynamicTitle {

  AccountView(AccountClient api) {
    add(new H2(getTranslation("account.title")));
    try {
      show(api.me());
    } catch (ApiException failure) {
      Span unavailable = new Span(ApiErrors.message(this, failure));
      unavailable.setId("account-unavailable");
      add(unavailable);
      ApiErrors.show(this, failure);
    }
  }

  private void show(Account account) {
    boolean english = Language.of(getLocale()) == Language.EN;
    FormLayout details = new FormLayout();
    details.addFormItem(value("account-name", account.displayName()), getTranslation("account.name"));
    details.addFormItem(value("account-roles", account.roles().stream().map(r -> getTranslation("role." + r))
        .collect(Collectors.joining(english ? ", " : "、"))), getTranslation("account.roles"));
    if (account.department() != null) {
      details.addFormItem(value("account-department", getTranslation("department." + account.department())),
          getTranslation("account.department"));
    }
    if (account.township() != null) {
      details.addFormItem(value("account-township",
          english ? account.township().nameEn() : account.township().name()), getTranslation("account.township"));
    }
    if (account.village() != null) {
      details.addFormItem(value("account-village",
          english ? account.village().nameEn() : account.village().name()), getTranslation("account.village"));
    }
    details.addFormItem(value("account-language", getTranslation("language.name." + account.preferredLanguage())),
        getTranslation("account.language"));
    add(details);
  }

  private static Span value(String id, String text) {
    Span span = new Span(text);
    span.setId(id);
    return span;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("account.pageTitle");
  }
}
