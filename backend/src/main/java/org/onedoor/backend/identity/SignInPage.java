package org.onedoor.backend.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.onedoor.backend.platform.graphql.Messages;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The issuer's sign-in page, in Chinese by default and in English when the client asked for it (the OIDC
 * {@code ui_locales} parameter of the authorization request being signed in for) or the user chose it here.
 * Plain server-rendered HTML: no script, every dynamic value escaped.
 */
@Controller
@Conditional(EmbeddedIssuerCondition.class)
class SignInPage {

  private final Messages messages;
  private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

  SignInPage(Messages messages) {
    this.messages = messages;
  }

  @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String page(HttpServletRequest request, HttpServletResponse response,
      @RequestParam(name = "lang", required = false) String lang,
      @RequestParam(name = "error", required = false) String error,
      @RequestParam(name = "logout", required = false) String logout,
      @RequestParam(name = "changed", required = false) String changed) {
    Locale locale = locale(lang, savedRequests.getRequest(request, response));
    boolean english = locale.getLanguage().equals("en");
    StringBuilder html = open(english, text("login.title", locale))
        .append("<h1>").append(text("login.title", locale)).append("</h1>");
    if (error != null) {
      html.append("<div class=\"alert error\" id=\"login-error\" role=\"alert\">").append(text("login.error", locale))
          .append("</div>");
    }
    if (changed != null) {
      html.append("<div class=\"alert info\" id=\"password-changed\" role=\"status\">")
          .append(text("password.changed", locale)).append("</div>");
    }
    if (logout != null) {
      html.append("<div class=\"alert info\" role=\"status\">").append(text("login.loggedOut", locale)).append("</div>");
    }
    html.append("<form method=\"post\" action=\"login\">")
        .append("<label for=\"username\">").append(text("login.username", locale)).append("</label>")
        .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>")
        .append("<label for=\"password\">").append(text("login.password", locale)).append("</label>")
        .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>");
    csrf(html, request);
    html.append("<button type=\"submit\">").append(text("login.submit", locale)).append("</button></form>")
        .append("<p><a id=\"login-language\" href=\"login?lang=").append(english ? "zh-CN" : "en").append("\">")
        .append(text("login.otherLanguage", locale)).append("</a></p></main></body></html>");
    return html.toString();
  }

  /** The page up to its heading's opening: document head, viewport for phones, the shared style. */
  static StringBuilder open(boolean english, String escapedTitle) {
    return new StringBuilder(2048)
        .append("<!doctype html><html lang=\"").append(english ? "en" : "zh-CN").append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(escapedTitle).append("</title>")
        .append("<style>body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;background:#f4f6f8;")
        .append("display:flex;justify-content:center;padding-top:10vh;margin:0}main{background:#fff;padding:2rem;")
        .append("border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.12);width:min(22rem,90vw)}label{display:block;")
        .append("margin-top:1rem}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;margin-top:.25rem}")
        .append("button{margin-top:1.5rem;width:100%;padding:.6rem;font-size:1rem;background:#1676f3;color:#fff;")
        .append("border:0;border-radius:4px}.alert{padding:.5rem;margin-top:1rem;border-radius:4px}")
        .append(".error{background:#fde8e8;color:#9b1c1c}.info{background:#e8f1fd;color:#1c4b9b}</style></head><body><main>");
  }

  /** The hidden CSRF field of a form, if the request has a token. */
  static void csrf(StringBuilder html, HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    if (csrf != null) {
      html.append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(csrf.getParameterName()))
          .append("\" value=\"").append(HtmlUtils.htmlEscape(csrf.getToken())).append("\">");
    }
  }

  private String text(String code, Locale locale) {
    return HtmlUtils.htmlEscape(messages.get(code, locale));
  }

  /** An explicit choice here, else the client's {@code ui_locales}, else Chinese. */
  static Locale locale(String lang, SavedRequest signingInFor) {
    if (lang != null) {
      return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
    String[] uiLocales = signingInFor == null ? null : signingInFor.getParameterValues("ui_locales");
    if (uiLocales != null && uiLocales.length > 0 && uiLocales[0].toLowerCase(Locale.ROOT).startsWith("en")) {
      return Locale.ENGLISH;
    }
    return Locale.SIMPLIFIED_CHINESE;
  }
}
