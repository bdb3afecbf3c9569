package org.onedoor.backend.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.onedoor.backend.OneDoorBackendApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test (run by {@code bin/benchmark writes}): the latency of an acknowledged write — an anonymous
 * mandatory report through {@code POST /graphql} — on the embedded store with each {@code onedoor.mongodb.durability}
 * (NONE: MVStore's background commit, as before issue 11; COMMIT; FSYNC, the default): three backends in the same
 * JVM, each on a fresh data directory, measured interleaved (a write to each in turn; blocks of eight concurrent
 * clients in turn) so that all three meet the same JVM state: p50/p95 from one client and from eight at once, the
 * ratio to NONE and the size of the data file.
 */
public final class WriteLatencyBenchmark {

  private static final int WARM_UP = 100;
  private static final int SEQUENTIAL = 400;
  private static final int CLIENTS = 8;
  private static final int PER_CLIENT = 25;
  private static final int BLOCKS = 4;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String REPORT = "{\"query\":\"mutation($input: SubmitMandatoryReportInput!) { "
      + "submitMandatoryReport(input: $input) { receipt { code } errors { code } } }\",\"variables\":{\"input\":{"
      + "\"idempotencyKey\":\"%s\",\"reporterKind\":\"NEIGHBOUR\",\"townshipId\":\"hutou-town\","
      + "\"place\":\"虎头镇虎头村\",\"description\":\"孩子独自在家多日。\",\"immediateDanger\":false}}}";

  private WriteLatencyBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    List<String> settings = List.of("NONE", "COMMIT", "FSYNC");
    Map<String, ConfigurableApplicationContext> apps = new LinkedHashMap<>();
    Map<String, Path> dirs = new LinkedHashMap<>();
    try {
      for (String durability : settings) {
        Path dataDir = Files.createTempDirectory("onedoor-write-benchmark");
        dirs.put(durability, dataDir);
        apps.put(durability, new SpringApplicationBuilder(OneDoorBackendApplication.class).profiles("demo")
            .run("--server.port=0", "--management.server.port=0", "--onedoor.mongodb.data-dir=" + dataDir,
                "--onedoor.mongodb.uri=",
                "--onedoor.mongodb.durability=" + durability, "--onedoor.demo.children=200",
                "--onedoor.intake.anonymous-per-hour=10000000", "--logging.level.root=WARN",
                "--logging.level.de.bwaldvogel=ERROR"));
      }
      Map<String, Integer> ports = new LinkedHashMap<>();
      apps.forEach((durability, app) -> ports.put(durability,
          app.getEnvironment().getRequiredProperty("local.server.port", Integer.class)));
      // Interleaved, so that every setting meets the same JVM state: warm-up, then one client, then eight.
      for (int i = 0; i < WARM_UP; i++) {
        for (int port : ports.values()) {
          write(port);
        }
      }
      Map<String, double[]> one = new LinkedHashMap<>();
      settings.forEach(durability -> one.put(durability, new double[SEQUENTIAL]));
      for (int i = 0; i < SEQUENTIAL; i++) {
        for (String durability : settings) {
          one.get(durability)[i] = write(ports.get(durability));
        }
      }
      Map<String, List<Double>> many = new LinkedHashMap<>();
      settings.forEach(durability -> many.put(durability, new ArrayList<>()));
      for (int block = 0; block < BLOCKS; block++) {
        for (String durability : settings) {
          for (double millis : concurrently(ports.get(durability))) {
            many.get(durability).add(millis);
          }
        }
      }
      double[] base = {pct(one.get("NONE"), 50), pct(many(many, "NONE"), 50)};
      System.out.printf(Locale.ROOT, "%nembedded mongo-java-server (H2), Java %s, %d cores; %d writes from one client "
          + "and %d from %d clients per setting, interleaved%n", System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), SEQUENTIAL, BLOCKS * CLIENTS * PER_CLIENT, CLIENTS);
      System.out.println("| durability | 1 client p50 ms | 1 client p95 ms | 8 clients p50 ms | 8 clients p95 ms "
          + "| ratio p50 to NONE (1 / 8 clients) | data file MB |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      for (String durability : settings) {
        double[] m = many(many, durability);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2f / %.2f | %.1f |%n", durability,
            pct(one.get(durability), 50), pct(one.get(durability), 95), pct(m, 50), pct(m, 95),
            pct(one.get(durability), 50) / base[0], pct(m, 50) / base[1],
            Files.size(dirs.get(durability).resolve("onedoor.mv")) / 1e6);
      }
    } finally {
      apps.values().forEach(ConfigurableApplicationContext::close);
    }
    dirs.forEach((durability, dir) -> {
      try {
        System.out.printf(Locale.ROOT, "%s: data file %.1f MB after shutdown%n", durability,
            Files.size(dir.resolve("onedoor.mv")) / 1e6);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private static double[] many(Map<String, List<Double>> many, String durability) {
    return many.get(durability).stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] concurrently(int port) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<double[]>> each = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        each.add(clients.submit(() -> {
          double[] times = new double[PER_CLIENT];
          for (int i = 0; i < PER_CLIENT; i++) {
            times[i] = write(port);
          }
          return times;
        }));
      }
      double[] all = new double[CLIENTS * PER_CLIENT];
      for (int c = 0; c < CLIENTS; c++) {
        System.arraycopy(each.get(c).get(), 0, all, c * PER_CLIENT, PER_CLIENT);
      }
      return all;
    } finally {
      clients.shutdownNow();
    }
  }

  private static double write(int port) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(REPORT.formatted(UUID.randomUUID()))).build();
    long start = System.nanoTime();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200 || !response.body().contains("\"receipt\":{")) {
      throw new IllegalStateException("write refused: " + response.body());
    }
    return millis;
  }

  private static double pct(double[] values, int percentile) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }
}
