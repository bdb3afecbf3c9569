package org.onedoor.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.onedoor.backend.OneDoorBackendApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole backends started by a test itself (restarts, two cooperating instances), on the store TestStore chose. */
public final class TestApps {

  private TestApps() {
  }

  /** Properties for one fresh database, to reuse across restarts. */
  public static Map<String, Object> freshStore() {
    return new HashMap<>(TestStoreInitializer.properties());
  }

  /**
   * Starts a backend with these properties as command-line arguments, so that they win over application.yml as
   * the run command's would.
   */
  public static ConfigurableApplicationContext start(Map<String, Object> properties, String... profiles) {
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(OneDoorBackendApplication.class).profiles(profiles).run(args);
  }

  public static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
