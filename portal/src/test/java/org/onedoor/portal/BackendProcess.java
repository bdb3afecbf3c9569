package org.onedoor.portal;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real backend, started from the jar the build just made, as the README's run command starts it (demo data) or
 * as a deployment does (production): embedded store in a fresh directory, the embedded issuer on its own port.
 */
final class BackendProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private BackendProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static BackendProcess start(int portalPort) throws IOException, InterruptedException {
    return start(portalPort, List.of("--spring.profiles.active=demo",
        // A smaller generated register than the demo's 2,000 children: enough needs for the board, a faster start.
        "--onedoor.demo.children=300"));
  }

  /**
   * A production start as "Deploying" in the README describes it: profile {@code prod} alone, the first
   * administrator and the portal's client secret from configuration, no demo data.
   */
  static BackendProcess startProduction(int portalPort, String adminUsername, String adminInitialPassword,
      String clientSecret) throws IOException, InterruptedException {
    return start(portalPort, List.of("--spring.profiles.active=prod",
        "--onedoor.admin.username=" + adminUsername,
        "--onedoor.admin.initial-password=" + adminInitialPassword,
        "--onedoor.identity.portal.client-secret=" + clientSecret));
  }

  private static BackendProcess start(int portalPort, List<String> profileArguments)
      throws IOException, InterruptedException {
    String jar = System.getProperty("onedoor.backend.jar", "../backend/target/onedoor-backend.jar");
    if (!new File(jar).isFile()) {
      throw new IllegalStateException("Backend jar not found at " + jar + ": build the backend module first");
    }
    int port = freePort();
    Path data = Files.createTempDirectory("onedoor-browser-test-data");
    Path log = Files.createTempFile("onedoor-backend", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar,
        "--server.port=" + port,
        "--management.server.port=0",
        "--onedoor.mongodb.data-dir=" + data,
        "--onedoor.identity.issuer-uri=http://localhost:" + port,
        "--onedoor.identity.portal.urls=http://localhost:" + portalPort,
        "--onedoor.identity.password-hash-strength=4",
        // Shorter than the client's 60 s clock skew: every API call after sign-in goes through a token refresh.
        "--onedoor.identity.access-token-ttl=PT30S"));
    command.addAll(profileArguments);
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    BackendProcess backend = new BackendProcess(process, port, log);
    backend.awaitHealthy(Duration.ofSeconds(120));
    return backend;
  }

  int port() {
    return port;
  }

  String url() {
    return "http://localhost:" + port;
  }

  private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Backend exited: " + Files.readString(log));
      }
      try {
        HttpResponse<String> health = http.send(
            HttpRequest.newBuilder(URI.create(url() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("Backend not healthy within " + timeout);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
