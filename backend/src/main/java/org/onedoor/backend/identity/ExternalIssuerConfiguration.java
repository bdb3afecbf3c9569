package org.onedoor.backend.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An external OIDC issuer instead of the embedded one: tokens are checked against its published keys and issuer
 * (discovered on first use, so the backend starts even while the issuer is briefly unreachable); roles come from
 * the configured claim. The embedded issuer's endpoints and sign-in page do not exist in this mode.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalIssuerConfiguration.ExternalIssuerCondition.class)
class ExternalIssuerConfiguration {

  @Bean
  JwtDecoder jwtDecoder(IdentitySettings settings) {
    return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(settings.external().issuerUri()));
  }

  @Bean
  @Order(3)
  SecurityFilterChain nothingElse(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.requestMatchers("/error").permitAll().anyRequest().denyAll());
    return http.build();
  }

  static class ExternalIssuerCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new EmbeddedIssuerCondition().matches(context, metadata);
    }
  }
}
