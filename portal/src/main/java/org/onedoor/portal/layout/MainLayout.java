package org.onedoor.portal.layout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.account.AccountClient;
import org.onedoor.portal.notifications.NotificationsClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.i18n.PortalLocales;
import org.onedoor.portal.security.SignIn;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The frame of every page: title, language switch, sign-in or the signed-in user with sign-out, and the side
 * navigation built from the views' {@code @Menu} entries the user may open.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements com.vaadin.flow.router.AfterNavigationObserver {

  private static final String PREFERENCES_APPLIED = "onedoor.preferences-applied";
  private static final int UNREAD_SHOWN = 99;

  private final AuthenticationContext authentication;
  private final AccountClient api;
  private final NotificationsClient inbox;

  MainLayout(AuthenticationContext authentication, AccountClient api, NotificationsClient inbox) {
    this.inbox = inbox;
    this.authentication = authentication;
    this.api = api;
    setPrimarySection(Section.DRAWER);
    addToNavbar(new DrawerToggle(), title(), toolbar());
    addToDrawer(navigation());
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    applyPreferredLanguageOnceAfterSignIn();
  }

  private Span title() {
    Span title = new Span(getTranslation("app.title"));
    title.addClassName("od-app-title");
    return title;
  }

  private HorizontalLayout toolbar() {
    Language other = PortalLocales.currentLanguage() == Language.ZH_CN ? Language.EN : Language.ZH_CN;
    Button language = new Button(getTranslation("language.switch." + other.name()), click -> switchLanguage(other));
    language.setId("language-switch");
    language.addThemeVariants(ButtonVariant.TERTIARY);

    HorizontalLayout toolbar = new HorizontalLayout(language);
    authentication.getAuthenticatedUser(OidcUser.class).ifPresentOrElse(user -> {
      toolbar.add(notificationBell());
      Span name = new Span(user.getFullName() != null ? user.getFullName() : user.getSubject());
      name.setId("signed-in-user");
      name.addClassName("od-user-name");
      Button signOut = new Button(getTranslation("auth.signOut"), click -> authentication.logout());
      signOut.setId("sign-out");
      toolbar.add(name, signOut);
    }, () -> {
      Anchor signIn = new Anchor(SignIn.LOGIN_PATH, getTranslation("auth.signIn"));
      signIn.setRouterIgnore(true);
      signIn.setId("sign-in");
      toolbar.add(signIn);
    });
    toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
    toolbar.addClassName("od-toolbar");
    toolbar.getStyle().set("margin-left", "auto").set("margin-right", "var(--lumo-space-m)");
    return toolbar;
  }

  /** A bell leading to the notification centre, with the number of unread notifications (none: no number). */
  private com.vaadin.flow.router.RouterLink notificationBell() {
    com.vaadin.flow.router.RouterLink bell = new com.vaadin.flow.router.RouterLink("",
        org.onedoor.portal.notifications.NotificationsView.class);
    bell.setId("notification-bell");
    bell.add(new Icon(com.vaadin.flow.component.icon.VaadinIcon.BELL));
    bell.getElement().setAttribute("title", getTranslation("notifications.title"));
    try {
      var unread = inbox.notifications(true, UNREAD_SHOWN, null);
      if (!unread.items().isEmpty()) {
        Span count = new Span(unread.items().size() + (unread.hasNextPage() ? "+" : ""));
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error pill small");
        bell.add(count);
      }
    } catch (ApiException unavailable) {
      // The bell shows no number; the notification centre itself reports the problem when opened.
    }
    return bell;
  }

  /** The public's entries (the menu's titles), which staff see after their work. */
  private static final java.util.Set<String> PUBLIC_ENTRIES = java.util.Set.of("nav.home", "nav.needs", "nav.network",
      "nav.apply", "nav.offer", "nav.report", "nav.track", "nav.signUp", "nav.account", "nav.myHelp");
  /** What staff do not come to the portal for: applying, offering, signing up, their own help. */
  private static final java.util.Set<String> NOT_FOR_STAFF = java.util.Set.of("nav.apply", "nav.offer",
      "nav.signUp", "nav.myHelp");

  /**
   * The entries the user may open, by role: visitors see the public pages; a signed-in user is not offered the
   * sign-up again; staff see their work first, then the public pages they read, without the citizens' forms.
   */
  private SideNav navigation() {
    SideNav nav = new SideNav();
    nav.setId("side-nav");
    boolean signedIn = authentication.isAuthenticated();
    boolean staff = org.onedoor.portal.security.PortalRoles.STAFF.stream()
        .anyMatch(org.onedoor.portal.security.PortalRoles::has);
    var entries = MenuConfiguration.getMenuEntries().stream()
        .filter(entry -> !(signedIn && "nav.signUp".equals(entry.title())))
        .filter(entry -> !(staff && NOT_FOR_STAFF.contains(entry.title())))
        .sorted(java.util.Comparator.comparing(entry -> staff && PUBLIC_ENTRIES.contains(entry.title())))
        .toList();
    entries.forEach(entry -> {
      SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
      if (entry.icon() != null) {
        item.setPrefixComponent(new Icon(entry.icon()));
      }
      nav.addItem(item);
    });
    return nav;
  }

  private void switchLanguage(Language language) {
    if (authentication.isAuthenticated()) {
      try {
        api.updatePreferredLanguage(language).forEach(refusal -> ApiErrors.show(refusal.message()));
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    }
    // The switch reloads the page: a half-filled form is kept and filled in again in the other language.
    UI ui = UI.getCurrent();
    if (ui != null && ui.getCurrentView() != null) {
      FormMemory.keep(VaadinSession.getCurrent(), ui.getInternals().getActiveViewLocation().getPath(),
          ui.getCurrentView());
    }
    PortalLocales.switchTo(language);
  }

  @Override
  public void afterNavigation(com.vaadin.flow.router.AfterNavigationEvent event) {
    UI ui = UI.getCurrent();
    if (ui != null && ui.getCurrentView() != null && VaadinSession.getCurrent() != null) {
      FormMemory.restore(VaadinSession.getCurrent(), event.getLocation().getPath(), ui.getCurrentView());
    }
  }

  /** After sign-in, the account's preferred language wins over the cookie, once per session. */
  private void applyPreferredLanguageOnceAfterSignIn() {
    VaadinSession session = VaadinSession.getCurrent();
    if (!authentication.isAuthenticated() || session == null || session.getAttribute(PREFERENCES_APPLIED) != null) {
      return;
    }
    session.setAttribute(PREFERENCES_APPLIED, Boolean.TRUE);
    try {
      PortalLocales.switchTo(api.me().preferredLanguage());
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
  }
}
