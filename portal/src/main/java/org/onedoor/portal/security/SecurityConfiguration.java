package org.onedoor.portal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onedoor.portal.PortalSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizedClientRefreshedEventListener;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

/**
 * Sign-in and sign-out through the issuer (authorization code with PKCE; OIDC RP-initiated logout). Views declare
 * who may open them; the backend decides what data each caller gets.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  @Bean
  SecurityFilterChain portal(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
    http.authorizeHttpRequests(requests -> requests
        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
        .requestMatchers("/styles/**").permitAll()
        .requestMatchers(new UnknownPages()).permitAll());
    http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(SignIn.LOGIN_PATH, "{baseUrl}"));
    // After Vaadin's configurer, which sets the login page: this only adds ui_locales to the authorization request.
    http.oauth2Login(login -> login.authorizationEndpoint(
        endpoint -> endpoint.authorizationRequestResolver(new UiLocalesAuthorizationRequests(registrations))));
    return http.build();
  }

  @Bean
  ClientRegistrationRepository clientRegistrations(PortalSettings settings, RestClient.Builder http) {
    return new IssuerClientRegistrations(settings.oidc(), http);
  }

  /**
   * Access tokens for backend calls, refreshed with the refresh token when they expire. Each refresh is announced,
   * so that {@link #refreshedIdTokens} can swap in the new ID token.
   */
  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientService authorizedClients, ApplicationEventPublisher events) {
    var refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
    refresh.setApplicationEventPublisher(events);
    var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(
        new AuthorizationCodeOAuth2AuthorizedClientProvider(), refresh));
    return manager;
  }

  /**
   * Keeps the signed-in user's ID token current after a refresh: the issuer only knows the newest ID token of a
   * sign-in, and sign-out sends it as {@code id_token_hint}.
   */
  @Bean
  OidcAuthorizedClientRefreshedEventListener refreshedIdTokens(GrantedAuthoritiesMapper rolesFromIdToken) {
    var listener = new OidcAuthorizedClientRefreshedEventListener();
    listener.setAuthoritiesMapper(rolesFromIdToken);
    listener.setSecurityContextHolderStrategy(new CurrentSecurityContextHolderStrategy());
    return listener;
  }

  /** The ID token's roles claim becomes ROLE_ authorities, so views can use {@code @RolesAllowed}. */
  @Bean
  GrantedAuthoritiesMapper rolesFromIdToken(PortalSettings settings) {
    String claim = settings.oidc().rolesClaim();
    return authorities -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          Object roles = oidc.getIdToken().getClaims().get(claim);
          if (roles instanceof Collection<?> names) {
            names.forEach(name -> mapped.add(new SimpleGrantedAuthority(PortalRoles.authority(String.valueOf(name)))));
          }
        }
      }
      return List.copyOf(mapped);
    };
  }
}
