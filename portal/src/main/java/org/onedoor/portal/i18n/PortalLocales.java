package org.onedoor.portal.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.onedoor.portal.api.Language;
import org.springframework.stereotype.Component;

/**
 * Which language the portal speaks: Chinese unless the user chose English (remembered in a cookie) or, once
 * signed in, their account prefers it. Browser language headers are deliberately ignored: the portal serves
 * Chinese municipal users first.
 */
@Component
public class PortalLocales implements VaadinServiceInitListener {

  static final String COOKIE = "onedoor-lang";

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setLocale(fromCookie(init.getRequest())));
    event.getSource().addUIInitListener(init -> init.getUI().setLocale(current()));
    // The page's language follows the portal's, for screen readers, fonts and translation tools.
    event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("html")
        .attr("lang", fromCookie(response.getVaadinRequest()).toLanguageTag()));
  }

  /** The language of the current session. */
  public static Language currentLanguage() {
    return Language.of(current());
  }

  /**
   * Switches the session to a language, remembers it in a cookie and reloads the page so every text follows.
   * Does nothing when the language is already current.
   */
  public static void switchTo(Language language) {
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null || Language.of(session.getLocale()) == language) {
      return;
    }
    session.setLocale(language.locale());
    VaadinResponse response = VaadinResponse.getCurrent();
    if (response != null) {
      Cookie cookie = new Cookie(COOKIE, language.name());
      cookie.setPath("/");
      cookie.setHttpOnly(true);
      cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
      response.addCookie(cookie);
    }
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.getPage().reload();
    }
  }

  private static Locale current() {
    VaadinSession session = VaadinSession.getCurrent();
    return session != null && session.getLocale() != null ? Language.of(session.getLocale()).locale()
        : Language.ZH_CN.locale();
  }

  static Locale fromCookie(VaadinRequest request) {
    return fromCookies(request == null ? null : request.getCookies()).locale();
  }

  /** The language a plain HTTP request of this browser asks for (its cookie), Chinese by default. */
  public static Language languageOf(HttpServletRequest request) {
    return fromCookies(request.getCookies());
  }

  private static Language fromCookies(Cookie[] cookies) {
    if (cookies == null) {
      return Language.ZH_CN;
    }
    return Arrays.stream(cookies)
        .filter(c -> COOKIE.equals(c.getName()))
        .map(c -> "EN".equals(c.getValue()) ? Language.EN : Language.ZH_CN)
        .findFirst()
        .orElse(Language.ZH_CN);
  }
}
