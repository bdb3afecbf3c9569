package org.onedoor.portal.api;

import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.onedoor.portal.security.SignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * How every backend call is dressed: the signed-in user's access token (refreshed when it expires), none for the
 * anonymous public, and the user's language so that messages come back localised. Tokens are looked up by the
 * signed-in principal in the authorized-client service, so calls work from any thread of a Vaadin session.
 */
@Configuration(proxyBeanMethods = false)
class BackendClientConfiguration {

  /** The interceptors, in order. */
  record Interceptors(List<ClientHttpRequestInterceptor> list) {
  }

  @Bean
  Interceptors backendInterceptors(OAuth2AuthorizedClientManager authorizedClients) {
    ClientHttpRequestInterceptor bearer = (request, body, execution) -> {
      Authentication user = SecurityContextHolder.getContext().getAuthentication();
      if (user instanceof OAuth2AuthenticationToken) {
        OAuth2AuthorizedClient client = authorizedClients.authorize(
            OAuth2AuthorizeRequest.withClientRegistrationId(SignIn.REGISTRATION_ID).principal(user).build());
        if (client != null) {
          request.getHeaders().setBearerAuth(client.getAccessToken().getTokenValue());
        }
      }
      return execution.execute(request, body);
    };
    ClientHttpRequestInterceptor language = (request, body, execution) -> {
      if (!request.getHeaders().containsHeader(HttpHeaders.ACCEPT_LANGUAGE)) {
        request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, currentLocale().toLanguageTag());
      }
      return execution.execute(request, body);
    };
    ClientHttpRequestInterceptor clientAddress = (request, body, execution) -> {
      // The backend limits anonymous submissions per client: it must see the browser's address, not the portal's.
      com.vaadin.flow.server.VaadinRequest current = com.vaadin.flow.server.VaadinRequest.getCurrent();
      if (current != null && current.getRemoteAddr() != null) {
        request.getHeaders().set("X-Forwarded-For", current.getRemoteAddr());
      }
      return execution.execute(request, body);
    };
    return new Interceptors(List.of(language, clientAddress, bearer));
  }

  private static Locale currentLocale() {
    VaadinSession session = VaadinSession.getCurrent();
    // Downloads run without the session lock: the caller passes the language explicitly there.
    return session != null && session.hasLock() && session.getLocale() != null ? session.getLocale()
        : Language.ZH_CN.locale();
  }
}
