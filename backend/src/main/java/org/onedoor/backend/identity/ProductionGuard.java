package org.onedoor.backend.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * A production start ({@code prod}) refuses what only a demonstration may have: the {@code demo} profile (accounts
 * whose password the README prints) unless {@code onedoor.demo.allow-in-production=true} says so explicitly, and the
 * embedded issuer with the portal's well-known demo client secret.
 */
@Component
@Profile("prod")
class ProductionGuard {

  static final String DEMO_CLIENT_SECRET = "onedoor-portal-secret";

  ProductionGuard(Environment environment, IdentitySettings identity) {
    if (environment.acceptsProfiles(Profiles.of("demo"))
        && !environment.getProperty("onedoor.demo.allow-in-production", Boolean.class, false)) {
      throw new UnsafeProductionException("The profiles 'demo' and 'prod' are both active: the demo seeds accounts "
          + "whose password is published.", "Start production without 'demo' (SPRING_PROFILES_ACTIVE=prod). For a "
          + "public demonstration on production settings only, set onedoor.demo.allow-in-production=true "
          + "(ONEDOOR_DEMO_ALLOW_IN_PRODUCTION=true).");
    }
    if (identity.embeddedIssuer() && DEMO_CLIENT_SECRET.equals(identity.portal().clientSecret())
        && !environment.acceptsProfiles(Profiles.of("demo"))) {
      throw new UnsafeProductionException("The portal's client secret is the published demo value.",
          "Set ONEDOOR_PORTAL_CLIENT_SECRET to a long random secret of your own, the same on the backend and the "
          + "portal (e.g. openssl rand -base64 32).");
    }
  }

  /** A production start with demonstration settings. */
  static final class UnsafeProductionException extends IllegalStateException {
    private final String action;

    UnsafeProductionException(String message, String action) {
      super(message);
      this.action = action;
    }
  }

  /** Reports it as what it is and what to set; registered in META-INF/spring.factories. */
  static final class Analyzer extends AbstractFailureAnalyzer<UnsafeProductionException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionException cause) {
      return new FailureAnalysis(cause.getMessage(), cause.action, cause);
    }
  }
}
