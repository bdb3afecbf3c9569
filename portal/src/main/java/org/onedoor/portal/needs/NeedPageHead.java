package org.onedoor.portal.needs;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.i18n.PortalLocales;
import org.springframework.stereotype.Component;

/**
 * The head of a need's page as the server sends it, for link previews (WeChat, messengers and search engines read
 * the first HTML, they run no script): the need's title, and an Open Graph description of what is asked, for which
 * age band, where and through which children's home — the public need only, never more. Any other page, a need that
 * is no longer published or a backend that cannot be reached leaves the head as it is.
 */
@Component
class NeedPageHead implements VaadinServiceInitListener {

  /** A public need id as the API issues them; anything else is not looked up. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern PATH = Pattern.compile("/needs/(" + ID.pattern() + ")/?");

  private final NeedsClient api;
  private final I18NProvider i18n;

  NeedPageHead(NeedsClient api, I18NProvider i18n) {
    this.api = api;
    this.i18n = i18n;
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.addIndexHtmlRequestListener(response -> {
      if (response.getVaadinRequest() instanceof VaadinServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher need = PATH.matcher(path);
        if (need.matches()) {
          describe(response.getDocument(), need.group(1), request,
              PortalLocales.languageOf(request.getHttpServletRequest()).locale());
        }
      }
    });
  }

  /**
   * Ids found to be no published need, remembered a minute (bounded), so a flood of made-up ids costs little. A need
   * found is never remembered: once withdrawn — its consent withdrawn — its title leaves every preview at once.
   */
  private static final java.time.Duration REMEMBERED = java.time.Duration.ofMinutes(1);
  private static final int REMEMBERED_AT_MOST = 2_000;

  private record Looked(java.util.Optional<PublicNeed> need, java.time.Instant at) {
  }

  private final java.util.Map<String, Looked> looked = new java.util.concurrent.ConcurrentHashMap<>();

  private java.util.Optional<PublicNeed> lookUp(String id) {
    java.time.Instant now = java.time.Instant.now();
    Looked known = looked.get(id);
    if (known != null && known.at().plus(REMEMBERED).isAfter(now)) {
      return known.need();
    }
    java.util.Optional<PublicNeed> need = java.util.Optional.ofNullable(api.need(id));
    if (need.isEmpty()) {
      if (looked.size() >= REMEMBERED_AT_MOST) {
        looked.clear();
      }
      looked.put(id, new Looked(need, now));
    } else {
      looked.remove(id);
    }
    return need;
  }

  private void describe(Document page, String id, VaadinServletRequest request, Locale locale) {
    PublicNeed need;
    try {
      need = lookUp(id).orElse(null);
    } catch (ApiException unavailable) {
      return;
    }
    if (need == null) {
      return;
    }
    NeedTexts texts = new NeedTexts(i18n, locale);
    String site = i18n.getTranslation("app.title", locale);
    String description = texts.shareDescription(need);
    page.title(need.title() + " · " + site);
    meta(page, "name", "description", description);
    meta(page, "property", "og:type", "article");
    meta(page, "property", "og:site_name", site);
    meta(page, "property", "og:title", need.title());
    meta(page, "property", "og:description", description);
    meta(page, "property", "og:url", request.getHttpServletRequest().getRequestURL().toString());
    meta(page, "property", "og:locale", locale.toLanguageTag().replace('-', '_'));
    meta(page, "name", "twitter:card", "summary");
  }

  private static void meta(Document page, String attribute, String key, String content) {
    page.head().appendElement("meta").attr(attribute, key).attr("content", content);
  }
}
