package org.onedoor.backend.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points each test application context at its own database in the store {@link TestStore} chose. */
public class TestStoreInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("onedoor-test-store", properties()));
  }

  /** Store properties for one fresh database. */
  public static Map<String, Object> properties() {
    String database = "onedoor_test_" + UUID.randomUUID().toString().substring(0, 8);
    return Map.of(
        "onedoor.mongodb.uri", TestStore.uri(database),
        "onedoor.mongodb.database", database,
        "onedoor.mongodb.data-dir", TestStore.newDataDir().toString(),
        // Fast hashing in tests; production keeps the configured cost.
        "onedoor.identity.password-hash-strength", "4");
  }
}
