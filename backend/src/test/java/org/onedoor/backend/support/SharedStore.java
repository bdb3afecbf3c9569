package org.onedoor.backend.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One store that several backends started by a test share, as instances behind a load balancer share MongoDB: real
 * MongoDB when Docker answers, else one wire-protocol server they all reach. Closing it stops every backend started
 * on it, then the server.
 */
public final class SharedStore implements AutoCloseable {

  private final MongoServer server;
  private final Map<String, Object> properties = TestApps.freshStore();
  private final List<ConfigurableApplicationContext> started = new ArrayList<>();

  public SharedStore() {
    if (TestStore.real()) {
      server = null;
    } else {
      server = new MongoServer(new MemoryBackend());
      properties.put("onedoor.mongodb.uri",
          server.bindAndGetConnectionString() + "/" + properties.get("onedoor.mongodb.database"));
    }
    properties.put("server.port", "0");
  }

  /** The properties every backend on this store starts with (a test may add its own before starting one). */
  public Map<String, Object> properties() {
    return properties;
  }

  /** Starts a backend on this store. */
  public ConfigurableApplicationContext start(String... profiles) {
    ConfigurableApplicationContext context = TestApps.start(properties, profiles);
    started.add(context);
    return context;
  }

  @Override
  public void close() {
    started.forEach(ConfigurableApplicationContext::close);
    if (server != null) {
      server.shutdownNow();
    }
  }
}
