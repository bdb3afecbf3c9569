package org.onedoor.backend.identity;

import java.util.Map;
import org.onedoor.backend.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The API's filter chain only authenticates (a bearer token, if any, must be valid: else 401); what a caller may
 * do is decided in the services with {@code @PreAuthorize} and {@link Roles}. Anonymous callers are the public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, JwtAuthenticationConverter tokenToCaller) throws Exception {
    http.securityMatcher("/graphql", "/graphql/**", "/graphiql", "/graphiql/**", "/actuator/**", "/livez", "/readyz",
            "/api/**",
            "/operator/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenToCaller))
            .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    return http.build();
  }

  /** Roles come from the configured claim ({@code roles} for the embedded issuer) as ROLE_ authorities. */
  @Bean
  JwtAuthenticationConverter tokenToCaller(IdentitySettings settings) {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(settings.embeddedIssuer() ? TokenClaims.ROLES : settings.external().rolesClaim());
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return converter;
  }

  /** bcrypt with a configurable cost, behind a delegating encoder so the algorithm can be upgraded later. */
  @Bean
  PasswordEncoder passwordEncoder(IdentitySettings settings) {
    return new DelegatingPasswordEncoder("bcrypt",
        Map.of("bcrypt", new BCryptPasswordEncoder(settings.passwordHashStrength())));
  }
}
