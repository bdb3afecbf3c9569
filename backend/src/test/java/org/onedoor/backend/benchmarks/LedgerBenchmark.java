package org.onedoor.backend.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.onedoor.backend.OneDoorBackendApplication;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.OidcClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Benchmark, not a test (run by {@code bin/benchmark ledger}): the staff side at province scale — the ledger (files in
 * the caller's scope, highest risk first, keyset paged; every file listed logged as read) and a file read — with the
 * 2,000-child demo register and then 100,000 files (copies of the demo files under new ids and names), in one run.
 * Asks over HTTP with the demo accounts' real tokens, as civil affairs (city-wide) and as township staff. With
 * MONGODB_URI set it also asks MongoDB to explain each ledger query's plan and prints the index it chose.
 */
public final class LedgerBenchmark {

  private static final String LEDGER = "query($filter: CaseFileFilter, $after: String) { caseFiles(filter: $filter, "
      + "first: 20, after: $after) { edges { node { id name riskTier causes township { name } } } "
      + "pageInfo { endCursor } } }";
  private static final String FILE = "query($id: ID!) { caseFile(id: $id) { id name birthDate address riskTier "
      + "causes guardianship { parents } benefits needs { id status } } }";

  private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
      .build();

  private LedgerBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int large = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dataDir = Files.createTempDirectory("onedoor-ledger-benchmark");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OneDoorBackendApplication.class)
        .profiles("demo")
        .run("--server.port=0", "--management.server.port=0", "--onedoor.mongodb.data-dir=" + dataDir,
            "--onedoor.mongodb.database=benchmark", "--onedoor.demo.children=2000", "--logging.level.root=WARN",
            "--logging.level.de.bwaldvogel=ERROR")) {
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      GraphQlHttp civil = GraphQlHttp.at(port).withToken(new OidcClient(port).signIn("civil", "onedoor-demo")
          .orElseThrow().path("access_token").asString());
      GraphQlHttp township = GraphQlHttp.at(port).withToken(new OidcClient(port).signIn("township", "onedoor-demo")
          .orElseThrow().path("access_token").asString());
      boolean real = System.getenv("MONGODB_URI") != null && !System.getenv("MONGODB_URI").isBlank();
      int small = (int) mongo.getCollection("case_files").countDocuments();
      Map<String, double[]> smallTimes = measure(civil, township, 40);

      List<Document> demo = mongo.getCollection("case_files").find().into(new ArrayList<>());
      Random random = new Random(11);
      long inserting = System.nanoTime();
      List<Document> batch = new ArrayList<>();
      for (int i = small; i < large; i++) {
        Document copy = new Document(demo.get(random.nextInt(demo.size())));
        copy.put("_id", UUID.randomUUID().toString());
        // The name stays the copied ciphertext (names are encrypted at rest and not part of the ledger's order).
        copy.put("nationalId", null);
        batch.add(copy);
        if (batch.size() == 5_000) {
          mongo.getCollection("case_files").insertMany(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        mongo.getCollection("case_files").insertMany(batch);
      }
      double insertSeconds = (System.nanoTime() - inserting) / 1e9;
      long count = mongo.getCollection("case_files").countDocuments();
      Map<String, double[]> largeTimes = measure(civil, township, real ? 40 : 5);

      StringBuilder report = new StringBuilder();
      report.append(String.format(Locale.ROOT, "Ledger and files — %s, %,d vs %,d files, Java %s, %d cores "
          + "(inserting the copies took %.0f s)%n%n",
          real ? "MongoDB at MONGODB_URI" : "embedded mongo-java-server (H2)",
          small, count, Runtime.version(), Runtime.getRuntime().availableProcessors(), insertSeconds));
      report.append("| query | small p50 ms | small p95 ms | large p50 ms | large p95 ms | ratio p50 |\n");
      report.append("|---|---:|---:|---:|---:|---:|\n");
      smallTimes.keySet().forEach(q -> report.append(String.format(Locale.ROOT,
          "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
          q, smallTimes.get(q)[0], smallTimes.get(q)[1], largeTimes.get(q)[0], largeTimes.get(q)[1],
          largeTimes.get(q)[0] / smallTimes.get(q)[0])));
      if (real) {
        report.append("\nPlans MongoDB chose (explain, queryPlanner.winningPlan):\n\n");
        Document sort = new Document("riskTier", 1).append("villageId", 1).append("_id", 1);
        Map<String, Document> shapes = new LinkedHashMap<>();
        shapes.put("city-wide ledger", new Document());
        shapes.put("township ledger", new Document("townshipId", "hulin-town"));
        shapes.put("village ledger", new Document("villageId", "hulin-town-xinhua"));
        shapes.put("city-wide, one cause", new Document("causes", Cause.POVERTY.name()));
        for (var shape : shapes.entrySet()) {
          Document plan = mongo.getCollection("case_files").find(shape.getValue()).sort(sort).limit(21).explain();
          report.append("- ").append(shape.getKey()).append(": ").append(summary(plan.get("queryPlanner",
              Document.class).get("winningPlan", Document.class))).append('\n');
        }
      }
      System.out.println();
      System.out.println(report);
    }
  }

  /** The plan's stages from the top, with the index an index scan used. */
  private static String summary(Document stage) {
    StringBuilder out = new StringBuilder();
    for (Document at = stage; at != null; at = at.get("inputStage", Document.class)) {
      out.append(out.isEmpty() ? "" : " ← ").append(at.getString("stage"));
      if (at.containsKey("indexName")) {
        out.append(" (").append(at.getString("indexName")).append(')');
      }
      if (at.containsKey("queryPlan")) {
        at = at.get("queryPlan", Document.class);
        out.append(" ← ").append(at.getString("stage"));
      }
    }
    return out.toString();
  }

  static Map<String, double[]> measure(GraphQlHttp civil, GraphQlHttp township, int runs) {
    Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
    String[] aFile = new String[1];
    queries.put("ledger, first page of 20 (civil affairs, city-wide)", () -> {
      Map<String, Object> data = run(civil, LEDGER, Map.of());
      aFile[0] = firstId(data);
      return data;
    });
    queries.put("ledger, township + cause filter (civil affairs)", () -> run(civil, LEDGER,
        Map.of("filter", Map.of("townshipId", "hulin-town", "cause", "POVERTY"))));
    queries.put("ledger, first page (township staff, own township)", () -> run(township, LEDGER, Map.of()));
    queries.put("ledger, pages 1-5 by keyset (per page)", () -> {
      String after = null;
      for (int page = 0; page < 5; page++) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("after", after);
        after = endCursor(run(civil, LEDGER, variables));
      }
      return after;
    });
    queries.put("file read by id (all sections, with its needs)", () -> run(civil, FILE,
        Map.of("id", aFile[0])));
    Map<String, double[]> result = new LinkedHashMap<>();
    for (var query : queries.entrySet()) {
      int per = query.getKey().contains("per page") ? 5 : 1;
      int repeat = per == 5 ? Math.max(2, runs / 4) : runs;
      double[] times = new double[repeat];
      for (int i = 0; i < repeat + 1; i++) {
        long started = System.nanoTime();
        query.getValue().get();
        if (i > 0) {
          times[i - 1] = (System.nanoTime() - started) / 1e6 / per;
        }
      }
      Arrays.sort(times);
      result.put(query.getKey(), new double[] {times[repeat / 2], times[(int) Math.ceil(repeat * 0.95) - 1]});
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> run(GraphQlHttp as, String document, Map<String, Object> variables) {
    var response = as.post(document, variables);
    if (response.status() != 200 || response.json().has("errors")) {
      throw new IllegalStateException("benchmark query failed: " + response.body());
    }
    return JSON.convertValue(response.data(), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static String firstId(Map<String, Object> data) {
    var edges = (List<Map<String, Object>>) ((Map<String, Object>) data.get("caseFiles")).get("edges");
    return (String) ((Map<String, Object>) edges.getFirst().get("node")).get("id");
  }

  @SuppressWarnings("unchecked")
  private static String endCursor(Map<String, Object> data) {
    return (String) ((Map<String, Object>) ((Map<String, Object>) data.get("caseFiles")).get("pageInfo"))
        .get("endCursor");
  }

}
