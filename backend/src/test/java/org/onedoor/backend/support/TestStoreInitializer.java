package org.onedoor.backend.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points each test application context at its own database in the store {@link TestStore} chose. */
public class TestStoreInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final String INLINED = "Inlined Test Properties";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var sources = context.getEnvironment().getPropertySources();
    var store = new MapPropertySource("onedoor-test-store", properties());
    // Below a test's own @TestPropertySource, above application.yml.
    if (sources.contains(INLINED)) {
      sources.addAfter(INLINED, store);
    } else {
      sources.addFirst(store);
    }
  }

  /** Store properties for one fresh database. */
  public static Map<String, Object> properties() {
    String database = "onedoor_test_" + UUID.randomUUID().toString().substring(0, 8);
    return Map.of(
        "onedoor.mongodb.uri", TestStore.uri(database),
        "onedoor.mongodb.database", database,
        "onedoor.mongodb.data-dir", TestStore.newDataDir().toString(),
        // Fast hashing in tests; production keeps the configured cost.
        "onedoor.identity.password-hash-strength", "4",
        // No generated register unless a test asks for one (DemoRegisterTest does).
        "onedoor.demo.children", "0",
        // Several backends run at once in the tests: each its own management port.
        "management.server.port", "0",
        // Every test signs in from 127.0.0.1 and some try wrong passwords on purpose: no waiting between attempts and
        // no address lock here; SignInThrottleIntegrationTest runs with the production values.
        "onedoor.sign-in.first-delay", "PT0S",
        "onedoor.sign-in.address-max-failures", "1000000",
        // The escalation job runs only when a test runs it (EscalationsProbe, Escalations.run at a chosen moment): on
        // its own schedule it would take the lease and add notifications while a test counts them.
        "onedoor.intake.escalation-interval", "P1D");
  }
}
