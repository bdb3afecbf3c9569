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

  /**
   * The external issuer's tokens, checked against its keys and issuer and — always — the audience this API is known
   * by there: an ID token for the portal, or a token meant for another service, is refused.
   */
  @Bean
  JwtDecoder jwtDecoder(IdentitySettings settings) {
    String audience = settings.external().audience();
    if (audience == null || audience.isBlank()) {
      throw new IllegalStateException("onedoor.identity.external.audience (ONEDOOR_EXTERNAL_AUDIENCE) must name the"
          + " audience of the external issuer's access tokens for this API");
    }
    return new SupplierJwtDecoder(() -> {
      JwtDecoder discovered = JwtDecoders.fromIssuerLocation(settings.external().issuerUri());
      if (discovered instanceof org.springframework.security.oauth2.jwt.NimbusJwtDecoder nimbus) {
        var types = new org.springframework.security.oauth2.jwt.JwtTypeValidator("JWT", "at+jwt");
        types.setAllowEmpty(true); // issuers differ in what they put in typ; the audience is what tells
        nimbus.setJwtValidator(org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithValidators(
            new org.springframework.security.oauth2.jwt.JwtIssuerValidator(settings.external().issuerUri()), types,
            AuthorizationServerConfiguration.audience(audience)));
      }
      return discovered;
    });
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
