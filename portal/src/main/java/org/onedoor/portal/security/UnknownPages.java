package org.onedoor.portal.security;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Page requests for an address no view answers (e.g. {@code /no-such-page}): let through, so that the portal shows
 * its localised "not found" page in its menu instead of sending a visitor to the sign-in page for a page that does
 * not exist. Only a GET for a page (no file extension, no framework request) matches; every view still decides who
 * may open it (Vaadin's navigation access control), and everything else stays denied.
 */
final class UnknownPages implements RequestMatcher {

  /** Paths the portal's own machinery serves: never treated as a page. */
  private static final List<String> MACHINERY = List.of("/VAADIN", "/HEARTBEAT", "/UIDL", "/login", "/logout",
      "/oauth2", "/actuator", "/styles", "/sw", "/offline", "/favicon", "/icons", "/manifest", "/error");

  /** What a page address looks like: letters, digits, dashes and underscores between single slashes. */
  private static final java.util.regex.Pattern PAGE = java.util.regex.Pattern.compile("(/[A-Za-z0-9_-]+)+/?");

  @Override
  public boolean matches(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) {
      return false;
    }
    // The decoded path, as the servlet (and Vaadin's router) will see it: %61ctuator is /actuator here.
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.isEmpty() || !PAGE.matcher(path).matches() || MACHINERY.stream().anyMatch(path::startsWith)) {
      return false;
    }
    String route = path.startsWith("/") ? path.substring(1) : path;
    return !ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()))
        .getNavigationRouteTarget(route).hasTarget();
  }
}
