package org.onedoor.backend.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.onedoor.backend.platform.graphql.Messages;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * Choosing one's own password when the current one was set by someone else (the first administrator's initial
 * password, a reset). The sign-in with such a password fails as "credentials expired" — no session is signed in, no
 * code or token can be issued — and {@link #failureHandler()} sends the browser here with the username remembered in
 * its session. The user gives the current password and a new one twice; the change is one conditional update on the
 * hash just checked, then the user signs in with the new password and continues where they were going.
 */
@Controller
@Conditional(EmbeddedIssuerCondition.class)
class PasswordChangePage {

  static final String PATH = "/login/password";
  private static final String EXPIRED_USER = PasswordChangePage.class.getName() + ".username";

  private final MongoTemplate mongo;
  private final PasswordEncoder passwords;
  private final Messages messages;
  private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

  PasswordChangePage(MongoTemplate mongo, PasswordEncoder passwords, Messages messages) {
    this.mongo = mongo;
    this.passwords = passwords;
    this.messages = messages;
  }

  /** The sign-in form's failure handler: an expired password goes here, anything else back to the form. */
  static AuthenticationFailureHandler failureHandler() {
    return (request, response, exception) -> {
      if (exception instanceof CredentialsExpiredException) {
        request.getSession().setAttribute(EXPIRED_USER, request.getParameter("username"));
        response.sendRedirect(request.getContextPath() + PATH);
      } else {
        response.sendRedirect(request.getContextPath() + "/login?error");
      }
    };
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(HttpServletRequest request, HttpServletResponse response,
      @RequestParam(name = "lang", required = false) String lang) throws IOException {
    Optional<String> username = expiredUser(request);
    if (username.isEmpty()) {
      response.sendRedirect(request.getContextPath() + "/login");
      return null;
    }
    return html(request, response, lang, username.get(), null);
  }

  @PostMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> change(HttpServletRequest request, HttpServletResponse response,
      @RequestParam(name = "lang", required = false) String lang,
      @RequestParam(name = "current", defaultValue = "") String current,
      @RequestParam(name = "password", defaultValue = "") String password,
      @RequestParam(name = "repeat", defaultValue = "") String repeat) throws IOException {
    Optional<String> username = expiredUser(request);
    if (username.isEmpty()) {
      response.sendRedirect(request.getContextPath() + "/login");
      return null;
    }
    Account account = mongo.findById(username.get(), Account.class);
    String problem;
    if (account == null || !account.enabled() || !account.mustChangePassword() || account.passwordHash() == null
        || !passwords.matches(current, account.passwordHash())) {
      problem = "password.currentWrong";
    } else if (!password.equals(repeat)) {
      problem = "password.repeatDiffers";
    } else if (password.equals(current)) {
      problem = "password.unchanged";
    } else {
      problem = Passwords.problem(password, account.id()).orElse(null);
    }
    if (problem == null) {
      boolean changed = mongo.updateFirst(
          query(where("_id").is(account.id()).and("passwordHash").is(account.passwordHash())
              .and("mustChangePassword").is(true)),
          new Update().set("passwordHash", passwords.encode(password)).set("mustChangePassword", false),
          Account.class).getModifiedCount() == 1;
      if (changed) {
        request.getSession().removeAttribute(EXPIRED_USER);
        response.sendRedirect(request.getContextPath() + "/login?changed");
        return null;
      }
      problem = "password.currentWrong";
    }
    return html(request, response, lang, username.get(), problem);
  }

  private static Optional<String> expiredUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return Optional.ofNullable(session == null ? null : (String) session.getAttribute(EXPIRED_USER));
  }

  private ResponseEntity<String> html(HttpServletRequest request, HttpServletResponse response, String lang,
      String username, String problem) {
    Locale locale = SignInPage.locale(lang, savedRequests.getRequest(request, response));
    boolean english = locale.getLanguage().equals("en");
    StringBuilder html = SignInPage.open(english, text("password.title", locale))
        .append("<h1>").append(text("password.title", locale)).append("</h1>")
        .append("<p id=\"password-account\">").append(HtmlUtils.htmlEscape(username)).append("</p>")
        .append("<div class=\"alert info\" role=\"status\">").append(text("password.why", locale)).append("</div>");
    if (problem != null) {
      html.append("<div class=\"alert error\" id=\"password-error\" role=\"alert\">")
          .append(HtmlUtils.htmlEscape(messages.get(problem, locale, Passwords.MIN_LENGTH))).append("</div>");
    }
    html.append("<form method=\"post\" action=\"password\">")
        .append(field("current", "current-password", text("password.current", locale)))
        .append(field("password", "new-password", text("password.new", locale)))
        .append(field("repeat", "new-password", text("password.repeat", locale)));
    SignInPage.csrf(html, request);
    html.append("<button type=\"submit\" id=\"password-submit\">").append(text("password.submit", locale))
        .append("</button></form></main></body></html>");
    return ResponseEntity.status(problem == null ? 200 : 400).contentType(MediaType.TEXT_HTML).body(html.toString());
  }

  private static String field(String name, String autocomplete, String label) {
    return "<label for=\"" + name + "\">" + label + "</label><input id=\"" + name + "\" name=\"" + name
        + "\" type=\"password\" autocomplete=\"" + autocomplete + "\" required>";
  }

  private String text(String code, Locale locale) {
    return HtmlUtils.htmlEscape(messages.get(code, locale, Passwords.MIN_LENGTH));
  }
}
