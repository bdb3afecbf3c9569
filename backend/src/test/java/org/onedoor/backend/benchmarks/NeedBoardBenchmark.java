package org.onedoor.backend.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.OneDoorBackendApplication;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.platform.CityTime;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test (run by {@code bin/benchmark}): the public need board and statistics through the real HTTP
 * GraphQL endpoint with a small board (1,000 needs) and a large one (100,000 needs) in the same run, reporting
 * p50/p95 and the large/small ratio per query. Uses MongoDB at MONGODB_URI when set, else the embedded store in a
 * fresh temporary directory. The 2,000-child demo register is the children; the needs are {@link SyntheticNeeds}.
 */
public final class NeedBoardBenchmark {

  private static final int WARM_UP = 5;
  private static final int RUNS_SMALL = 40;
  private static final int RUNS_LARGE = 15;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private NeedBoardBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int small = 1_000;
    int large = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dataDir = Files.createTempDirectory("onedoor-benchmark");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OneDoorBackendApplication.class)
        .profiles("demo")
        .run("--server.port=0", "--management.server.port=0", "--onedoor.mongodb.data-dir=" + dataDir,
            "--onedoor.mongodb.database=benchmark",
            "--onedoor.demo.children=2000", "--logging.level.root=WARN",
            "--logging.level.de.bwaldvogel=ERROR")) {
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      List<CaseFile> files = mongo.find(new Query(), CaseFile.class);
      LocalDate today = CityTime.today(java.time.Clock.systemUTC());
      String store = System.getenv("MONGODB_URI") == null || System.getenv("MONGODB_URI").isBlank()
          ? "embedded mongo-java-server (H2)" : "MongoDB at MONGODB_URI";
      Map<String, String> queries = new LinkedHashMap<>();
      queries.put("board, first page of 20", "{ needs(first: 20) { edges { node { id title ageBand township { name } "
          + "} } pageInfo { endCursor } } }");
      queries.put("board, township + category filter", "{ needs(first: 20, filter: {townshipId: \"hulin-town\", "
          + "category: MEDICAL}) { edges { node { id title } } } }");
      queries.put("board, pages 1-5 walked by keyset (per page)", "FIFTH_PAGE");
      queries.put("statistics", "{ statistics { needs { category count } children { cause count } } }");

      mongo.remove(new Query(), Need.class);
      mongo.insertAll(SyntheticNeeds.make(files, small, 1, today));
      Map<String, double[]> smallTimes = measure(port, queries, RUNS_SMALL);
      mongo.insertAll(SyntheticNeeds.make(files, large - small, 2, today));
      long count = mongo.count(new Query(), Need.class);
      Map<String, double[]> largeTimes = measure(port, queries, RUNS_LARGE);

      StringBuilder report = new StringBuilder();
      report.append(String.format(Locale.ROOT, "Need board benchmark — %s, %d children, %,d vs %,d published needs, "
          + "Java %s, %d cores%n%n", store, files.size(), small, count, Runtime.version(),
          Runtime.getRuntime().availableProcessors()));
      report.append("| query | small p50 ms | small p95 ms | large p50 ms | large p95 ms | ratio p50 (large/small) |\n");
      report.append("|---|---:|---:|---:|---:|---:|\n");
      queries.keySet().forEach(q -> report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
          q, smallTimes.get(q)[0], smallTimes.get(q)[1], largeTimes.get(q)[0], largeTimes.get(q)[1],
          largeTimes.get(q)[0] / smallTimes.get(q)[0])));
      System.out.println();
      System.out.println(report);
    }
  }

  /** p50 and p95 in milliseconds per query. */
  private static Map<String, double[]> measure(int port, Map<String, String> queries, int runs)
      throws Exception {
    Map<String, double[]> result = new LinkedHashMap<>();
    for (var query : queries.entrySet()) {
      double[] times = new double[runs];
      for (int i = 0; i < WARM_UP + runs; i++) {
        long started = System.nanoTime();
        if (query.getValue().equals("FIFTH_PAGE")) {
          String after = null;
          for (int page = 0; page < 5; page++) {
            JsonNode answer = post(port, "query($a: String) { needs(first: 20, after: $a) { edges { node { id } } "
                + "pageInfo { endCursor } } }", after);
            after = answer.path("data").path("needs").path("pageInfo").path("endCursor").asString();
          }
        } else {
          post(port, query.getValue(), null);
        }
        if (i >= WARM_UP) {
          times[i - WARM_UP] = (System.nanoTime() - started) / 1e6 / (query.getValue().equals("FIFTH_PAGE") ? 5 : 1);
        }
      }
      Arrays.sort(times);
      result.put(query.getKey(), new double[] {times[runs / 2], times[(int) (runs * 0.95)]});
    }
    return result;
  }

  private static JsonNode post(int port, String document, String after) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", document);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("a", after);
    body.put("variables", variables);
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/graphql")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(response.body());
    if (json.has("errors")) {
      throw new IllegalStateException("benchmark query failed: " + response.body());
    }
    return json;
  }
}
