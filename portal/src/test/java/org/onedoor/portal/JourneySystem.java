package org.onedoor.portal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a browser journey runs against: the real backend (a process from the built jar), the portal in this JVM and a
 * headless Chromium; closed in the reverse order. Shared by the demo and the production journeys.
 */
final class JourneySystem implements AutoCloseable {

  /** Starts the backend for a portal on the given port. */
  interface BackendStarter {
    BackendProcess start(int portalPort) throws Exception;
  }

  final BackendProcess backend;
  final ConfigurableApplicationContext portal;
  final int portalPort;
  final Browser browser;

  private JourneySystem(BackendProcess backend, ConfigurableApplicationContext portal, int portalPort,
      Browser browser) {
    this.backend = backend;
    this.portal = portal;
    this.portalPort = portalPort;
    this.browser = browser;
  }

  static JourneySystem start(BackendStarter backendStarter, String... portalArguments) throws Exception {
    int portalPort = BackendProcess.freePort();
    BackendProcess backend = backendStarter.start(portalPort);
    ConfigurableApplicationContext portal = startPortal(portalPort, backend.url(), portalArguments);
    return new JourneySystem(backend, portal, portalPort, new Browser());
  }

  /** The portal on this port against this backend (also a portal whose backend is gone). */
  static ConfigurableApplicationContext startPortal(int port, String backendUrl, String... more) {
    List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
        "--onedoor.portal.backend-url=" + backendUrl, "--onedoor.portal.oidc.issuer-uri=" + backendUrl));
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(OneDoorPortalApplication.class).run(arguments.toArray(String[]::new));
  }

  /** Keeps what the browser showed when a journey fails (target/browser-failures). */
  static TestWatcher evidence(java.util.function.Supplier<Browser> browser) {
    return new TestWatcher() {
      @Override
      public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser.get() != null) {
          browser.get().keepEvidence(context.getRequiredTestMethod().getName());
        }
      }
    };
  }

  @Override
  public void close() {
    browser.close();
    portal.close();
    backend.close();
  }
}
