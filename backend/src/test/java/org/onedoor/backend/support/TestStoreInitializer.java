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
    Map<String, Object> properties = new java.util.HashMap<>(Map.ofEntries(
        Map.entry("onedoor.mongodb.uri", TestStore.uri(database)),
        Map.entry("onedoor.mongodb.database", database),
        Map.entry("onedoor.mongodb.data-dir", TestStore.newDataDir().toString()),
        // Each database its own master key, created at the first start, outside the data directory.
        Map.entry("onedoor.encryption.key-file", TestStore.newDataDir().resolve("master.key").toString()),
        // Fast hashing in tests; production keeps the configured cost.
        Map.entry("onedoor.identity.password-hash-strength", "4"),
        // No generated register unless a test asks for one (DemoRegisterTest does).
        Map.entry("onedoor.demo.children", "0"),
        // Several backends run at once in the tests: each its own management port.
        Map.entry("management.server.port", "0"),
        // Every test signs in from 127.0.0.1 and some try wrong passwords on purpose: no waiting between attempts and
        // no address lock here; SignInThrottleIntegrationTest runs with the production values.
        Map.entry("onedoor.sign-in.first-delay", "PT0S"),
        Map.entry("onedoor.sign-in.address-max-failures", "1000000"),
        // The escalation job runs only when a test runs it (EscalationsProbe, Escalations.run at a chosen moment): on
        // its own schedule it would take the lease and add notifications while a test counts them.
        Map.entry("onedoor.intake.escalation-interval", "P1D")));
    if (!TestStore.real()) {
      // The wire-protocol server the tests share refuses the ciphertext subtype (6): generic binary there.
      properties.put("onedoor.encryption.generic-ciphertext", "true");
    }
    return java.util.Collections.unmodifiableMap(properties);
  }
}
