package org.onedoor.backend.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onedoor.backend.OneDoorBackendApplication;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.OidcClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.convert.encryption.MongoEncryptionConverter;
import org.springframework.data.mongodb.core.encryption.EncryptionContext;

/**
 * Benchmark, not a test (run by {@code bin/benchmark encryption}): what encrypting personal fields at rest costs.
 * Two backends in one JVM, on the same 2,000-child demo register generated from the same seed: one as shipped
 * (fields encrypted by the driver), one with the encryption converter replaced by a pass-through (plain, as before
 * issue 19), asked in turns. For each: the start (writing the register), ledger pages, a file read with all its
 * sections, and an application through the one door; p50/p95 and the encrypted/plain ratio; and what one field costs
 * the driver alone. A first backend, not reported, warms the JVM.
 */
public final class EncryptionBenchmark {

  private static final String APPLY = """
      mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) {
        receipt { code } errors { code } } }""";

  /**
   * The converter as it was before: every marked field written and read as it is. Deliberately not a
   * {@code @Configuration}: component scanning of the test classes would put it in every test's context and switch
   * encryption off there. It is given to the benchmark's own backend only, as a source.
   */
  static class PlainFields {
    @Bean
    @Primary
    MongoEncryptionConverter plainFieldsConverter() {
      return new MongoEncryptionConverter(null, null) {
        @Override
        public Object encrypt(Object value, EncryptionContext context) {
          return value;
        }

        @Override
        public Object decrypt(Object value, EncryptionContext context) {
          return value;
        }
      };
    }
  }

  private EncryptionBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rounds = 6;
    int perRound = Math.max(5, runs / rounds);
    // A first backend, thrown away, warms the JVM (JIT, class loading) so that neither measured start pays for it.
    try (ConfigurableApplicationContext warmUp = start(true)) {
      LedgerBenchmark.measure(signIn(warmUp, "civil"), signIn(warmUp, "township"), 10);
    }
    long starting = System.nanoTime();
    ConfigurableApplicationContext plainApp = start(false);
    double plainStart = (System.nanoTime() - starting) / 1e6;
    starting = System.nanoTime();
    ConfigurableApplicationContext encryptedApp = start(true);
    double encryptedStart = (System.nanoTime() - starting) / 1e6;
    try (plainApp; encryptedApp) {
      Map<String, GraphQlHttp[]> clients = Map.of(
          "plain", new GraphQlHttp[] {signIn(plainApp, "civil"), signIn(plainApp, "township"),
              signIn(plainApp, "family")},
          "encrypted", new GraphQlHttp[] {signIn(encryptedApp, "civil"), signIn(encryptedApp, "township"),
              signIn(encryptedApp, "family")});
      // Both backends live in this JVM and are asked in turns, round after round (which goes first alternates), so
      // that warm-up, garbage collection and the machine's other work fall on both alike.
      Map<String, Map<String, List<double[]>>> byMode = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        List<String> order = round % 2 == 0 ? List.of("plain", "encrypted") : List.of("encrypted", "plain");
        for (String mode : order) {
          GraphQlHttp[] as = clients.get(mode);
          Map<String, double[]> measured = new LinkedHashMap<>(LedgerBenchmark.measure(as[0], as[1], perRound));
          measured.put("application through the one door", applications(as[2], perRound));
          measured.forEach((query, times) -> byMode.computeIfAbsent(mode, m -> new LinkedHashMap<>())
              .computeIfAbsent(query, q -> new ArrayList<>()).add(times));
        }
      }
      double[] field = fieldCost(encryptedApp);
      StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
          "Encryption at rest — embedded mongo-java-server (H2), 2,000-child demo register each, Java %s, %d cores,"
              + " %d rounds of %d runs per query, the two backends asked in turns%n%n", Runtime.version(),
          Runtime.getRuntime().availableProcessors(), rounds, perRound));
      report.append("| measure | plain p50 ms | plain p95 ms | encrypted p50 ms | encrypted p95 ms | ratio p50 |\n");
      report.append("|---|---:|---:|---:|---:|---:|\n");
      report.append(String.format(Locale.ROOT, "| backend start with the 2,000-child register written (once) | %.0f |"
          + " | %.0f | | %.2f |%n", plainStart, encryptedStart, encryptedStart / plainStart));
      for (String query : byMode.get("plain").keySet()) {
        double[] plain = medianOfRounds(byMode.get("plain").get(query));
        double[] encrypted = medianOfRounds(byMode.get("encrypted").get(query));
        report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n", query, plain[0],
            plain[1], encrypted[0], encrypted[1], encrypted[0] / plain[0]));
      }
      report.append(String.format(Locale.ROOT, "%nOne field encrypted and decrypted by the driver alone: p50 %.1f µs,"
          + " p95 %.1f µs.%n", field[0] * 1000, field[1] * 1000));
      System.out.println();
      System.out.println(report);
    }
  }

  /** The median over the rounds of each round's p50 and p95. */
  private static double[] medianOfRounds(List<double[]> rounds) {
    double[] p50 = rounds.stream().mapToDouble(r -> r[0]).sorted().toArray();
    double[] p95 = rounds.stream().mapToDouble(r -> r[1]).sorted().toArray();
    return new double[] {p50[p50.length / 2], p95[p95.length / 2]};
  }

  private static ConfigurableApplicationContext start(boolean encrypted) throws Exception {
    Path dataDir = Files.createTempDirectory("onedoor-encryption-benchmark");
    SpringApplicationBuilder builder = encrypted ? new SpringApplicationBuilder(OneDoorBackendApplication.class)
        : new SpringApplicationBuilder(OneDoorBackendApplication.class, PlainFields.class);
    return builder.profiles("demo").run("--server.port=0", "--management.server.port=0",
        "--onedoor.mongodb.data-dir=" + dataDir,
        "--onedoor.encryption.key-file=" + dataDir.resolveSibling(dataDir.getFileName() + "-key").resolve("k"),
        "--onedoor.mongodb.database=benchmark", "--onedoor.demo.children=2000", "--onedoor.demo.seed=7",
        "--logging.level.root=WARN", "--logging.level.de.bwaldvogel=ERROR");
  }

  private static GraphQlHttp signIn(ConfigurableApplicationContext app, String username) throws Exception {
    int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    return GraphQlHttp.at(port).withToken(new OidcClient(port).signIn(username, "onedoor-demo").orElseThrow()
        .path("access_token").asString());
  }

  /** p50 and p95 of applications through the one door, in ms. */
  private static double[] applications(GraphQlHttp family, int runs) {
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long started = System.nanoTime();
      var answer = family.post(APPLY, Map.of("input",
          org.onedoor.backend.support.TestIntakes.application(UUID.randomUUID().toString())));
      times[i] = (System.nanoTime() - started) / 1e6;
      if (!answer.data().path("submitAssistanceApplication").path("errors").isEmpty()) {
        throw new IllegalStateException("application refused: " + answer.body());
      }
    }
    Arrays.sort(times);
    return new double[] {times[runs / 2], times[(int) Math.ceil(runs * 0.95) - 1]};
  }

  /** p50 and p95, in ms, of one value encrypted and decrypted by the driver alone (libmongocrypt over JNA). */
  private static double[] fieldCost(ConfigurableApplicationContext app) {
    var driver = app.getBean(com.mongodb.client.vault.ClientEncryption.class);
    var options = new com.mongodb.client.model.vault.EncryptOptions(
        org.onedoor.backend.platform.crypto.PersonalData.SEALED)
        .keyAltName(org.onedoor.backend.platform.crypto.PersonalData.KEY);
    double[] times = new double[2_000];
    for (int i = -500; i < times.length; i++) {
      long started = System.nanoTime();
      driver.decrypt(driver.encrypt(new org.bson.BsonString("新华村三组" + i + "号"), options));
      if (i >= 0) {
        times[i] = (System.nanoTime() - started) / 1e6;
      }
    }
    Arrays.sort(times);
    return new double[] {times[times.length / 2], times[(int) Math.ceil(times.length * 0.95) - 1]};
  }
}
