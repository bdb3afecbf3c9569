package org.onedoor.backend.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Two backends in one run, on the same 2,000-child demo register generated from the same seed: one as shipped
 * (fields encrypted by the driver), one with the encryption converter replaced by a pass-through (plain, as before
 * issue 19). For each: the demo start (writing the register), ledger pages, a file read with all its sections, and
 * an application through the one door; p50/p95 and the encrypted/plain ratio. A first round, not reported, warms the
 * JVM.
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
    // A first, discarded round warms the JVM (JIT, class loading) so that neither measured round pays for it.
    measure(true, Math.max(10, runs / 3));
    Map<String, Map<String, double[]>> byMode = new LinkedHashMap<>();
    for (String mode : List.of("plain", "encrypted")) {
      byMode.put(mode, measure(mode.equals("encrypted"), runs));
    }
    Map<String, double[]> plain = byMode.get("plain");
    Map<String, double[]> encrypted = byMode.get("encrypted");
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "Encryption at rest — embedded mongo-java-server (H2), 2,000-child demo register, Java %s, %d cores, %d runs"
            + " per query%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), runs));
    report.append("| measure | plain p50 ms | plain p95 ms | encrypted p50 ms | encrypted p95 ms | ratio p50 |\n");
    report.append("|---|---:|---:|---:|---:|---:|\n");
    plain.keySet().forEach(q -> report.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.2f |%n",
        q, plain.get(q)[0], plain.get(q)[1], encrypted.get(q)[0], encrypted.get(q)[1],
        encrypted.get(q)[0] / plain.get(q)[0])));
    System.out.println();
    System.out.println(report);
  }

  private static Map<String, double[]> measure(boolean encrypted, int runs) throws Exception {
    Path dataDir = Files.createTempDirectory("onedoor-encryption-benchmark");
    SpringApplicationBuilder builder = encrypted ? new SpringApplicationBuilder(OneDoorBackendApplication.class)
        : new SpringApplicationBuilder(OneDoorBackendApplication.class, PlainFields.class);
    long starting = System.nanoTime();
    try (ConfigurableApplicationContext app = builder.profiles("demo").run("--server.port=0",
        "--management.server.port=0", "--onedoor.mongodb.data-dir=" + dataDir,
        "--onedoor.encryption.key-file=" + dataDir.resolveSibling(dataDir.getFileName() + "-key").resolve("k"),
        "--onedoor.mongodb.database=benchmark", "--onedoor.demo.children=2000", "--onedoor.demo.seed=7",
        "--logging.level.root=WARN",
        "--logging.level.de.bwaldvogel=ERROR")) {
      double startMs = (System.nanoTime() - starting) / 1e6;
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      GraphQlHttp civil = GraphQlHttp.at(port).withToken(new OidcClient(port).signIn("civil", "onedoor-demo")
          .orElseThrow().path("access_token").asString());
      GraphQlHttp township = GraphQlHttp.at(port).withToken(new OidcClient(port).signIn("township", "onedoor-demo")
          .orElseThrow().path("access_token").asString());
      GraphQlHttp family = GraphQlHttp.at(port).withToken(new OidcClient(port).signIn("family", "onedoor-demo")
          .orElseThrow().path("access_token").asString());
      LedgerBenchmark.measure(civil, township, 10);
      Map<String, double[]> result = new LinkedHashMap<>();
      result.put("demo start: the 2,000-child register written (once)", new double[] {startMs, startMs});
      result.putAll(LedgerBenchmark.measure(civil, township, runs));
      double[] times = new double[runs];
      for (int i = 0; i < runs; i++) {
        long started = System.nanoTime();
        var answer = family.post(APPLY, Map.of("input", application()));
        times[i] = (System.nanoTime() - started) / 1e6;
        if (!answer.data().path("submitAssistanceApplication").path("errors").isEmpty()) {
          throw new IllegalStateException("application refused: " + answer.body());
        }
      }
      Arrays.sort(times);
      result.put("application through the one door", new double[] {times[runs / 2],
          times[(int) Math.ceil(runs * 0.95) - 1]});
      // One field through the driver alone (libmongocrypt over JNA): what each encrypted value costs.
      var driver = app.getBean(com.mongodb.client.vault.ClientEncryption.class);
      var options = new com.mongodb.client.model.vault.EncryptOptions(
          org.onedoor.backend.platform.crypto.PersonalData.SEALED)
          .keyAltName(org.onedoor.backend.platform.crypto.PersonalData.KEY);
      double[] field = new double[2_000];
      for (int i = -500; i < field.length; i++) {
        long started = System.nanoTime();
        if (encrypted) {
          driver.decrypt(driver.encrypt(new org.bson.BsonString("新华村三组" + i + "号"), options));
        }
        if (i >= 0) {
          field[i] = (System.nanoTime() - started) / 1e6;
        }
      }
      Arrays.sort(field);
      result.put("one field encrypted and decrypted by the driver", new double[] {field[field.length / 2],
          field[(int) Math.ceil(field.length * 0.95) - 1]});
      return result;
    }
  }

  private static Map<String, Object> application() {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", UUID.randomUUID().toString());
    input.put("applicantKind", "GUARDIAN");
    input.put("applicantName", "刘桂英");
    input.put("applicantPhone", "13904671234");
    input.put("childName", "刘小雨");
    input.put("childSex", "FEMALE");
    input.put("childBirthDate", "2016-05-20");
    input.put("townshipId", "hulin-town");
    input.put("villageId", "hulin-town-xinhua");
    input.put("causes", new ArrayList<>(List.of("DISABILITY_ILLNESS")));
    input.put("categories", new ArrayList<>(List.of("MEDICAL")));
    input.put("description", "孩子患有先天性心脏病，需要手术费用。");
    return input;
  }
}
