package org.onedoor.backend.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches unless an external issuer is configured ({@code onedoor.identity.external.issuer-uri}). */
class EmbeddedIssuerCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String external = context.getEnvironment().getProperty("onedoor.identity.external.issuer-uri", "");
    return external.isBlank();
  }
}
