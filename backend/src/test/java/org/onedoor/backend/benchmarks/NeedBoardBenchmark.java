package org.onedoor.backend.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.onedoor.backend.OneDoorBackendApplication;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.needs.BoardModel;
import org.onedoor.backend.needs.BoardProbe;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.NeedBoard;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedInputs.NeedFilter;
import org.onedoor.backend.needs.PublicNeed;
import org.onedoor.backend.needs.PublicStatistics;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.graphql.Connection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test (run by {@code bin/benchmark board}): the public read path — the need board, a need by id and
 * the statistics — with a small board (1,000 published needs) and a large one (100,000 by default) in one run.
 * For each size: p50/p95 in process (the service the controller calls) and over HTTP from one client (the portal's
 * own board and need documents), then a load phase of 32 keep-alive connections alternating between the board's
 * first page and {@code { __typename }} on the same server (throughput and p99 of each). Also: the time to load the
 * board's in-memory model at start-up, its heap, and the time to apply one change. Uses MongoDB at MONGODB_URI when
 * set, else the embedded store in a fresh temporary directory; the children are the 2,000-child demo register and the
 * needs {@link SyntheticNeeds}. Prints a Markdown report and checks it against the targets of issue 16.
 */
public final class NeedBoardBenchmark {

  private static final int CONNECTIONS = 32;
  private static final Duration WINDOW = Duration.ofSeconds(5);
  private static final int ROUNDS = 3;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String STATISTICS = "{ statistics { children { township { id name } cause count } "
      + "childrenTotals { cause count } needs { township { id name } category count } "
      + "careNetwork { township { id name } kind count } } }";

  private NeedBoardBenchmark() {
  }

  /** One phase's figures. */
  private record Phase(int needs, Map<String, double[]> inProcess, Map<String, double[]> overHttp,
      HttpLoad.Result typename, HttpLoad.Result board, HttpLoad.Result boardWorkedOut, double snapshotMs) {
  }

  public static void main(String[] args) throws Exception {
    int small = 1_000;
    int large = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dataDir = Files.createTempDirectory("onedoor-benchmark");
    Path documents = Path.of("portal", "src", "main", "resources", "graphql-documents");
    String boardDocument = Files.readString(documents.resolve("needs.graphql"));
    String needDocument = Files.readString(documents.resolve("need.graphql"));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OneDoorBackendApplication.class)
        .profiles("demo")
        .run("--server.port=0", "--management.server.port=0", "--onedoor.mongodb.data-dir=" + dataDir,
            "--onedoor.mongodb.database=benchmark", "--onedoor.demo.children=2000", "--logging.level.root=WARN",
            "--logging.level.de.bwaldvogel=ERROR")) {
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      MongoTemplate mongo = app.getBean(MongoTemplate.class);
      BoardModel model = app.getBean(BoardModel.class);
      List<CaseFile> files = mongo.find(new Query(), CaseFile.class);
      LocalDate today = CityTime.today(Clock.systemUTC());
      String store = System.getenv("MONGODB_URI") == null || System.getenv("MONGODB_URI").isBlank()
          ? "embedded mongo-java-server (H2)" : "MongoDB at MONGODB_URI";

      mongo.remove(new Query(), Need.class);
      mongo.insertAll(SyntheticNeeds.make(files, small, 1, today));
      model.resync();
      Phase smallPhase = phase(app, port, small, boardDocument, needDocument);

      long inserting = System.nanoTime();
      for (int done = small, batch = 0; done < large; done += 10_000, batch++) {
        mongo.insertAll(SyntheticNeeds.make(files, Math.min(10_000, large - done), 2 + batch, today));
      }
      double insertSeconds = (System.nanoTime() - inserting) / 1e9;
      model.resync();
      double loadMs = model.lastReload().toNanos() / 1e6;
      long[] footprint = BoardProbe.footprint(mongo, today);
      List<String> ids = mongo.find(new Query().limit(50), Need.class).stream().map(Need::id).toList();
      double[] apply = new double[ids.size()];
      for (int i = 0; i < ids.size(); i++) {
        apply[i] = BoardProbe.applyOne(model, ids.get(i));
      }
      Arrays.sort(apply);
      Phase largePhase = phase(app, port, (int) mongo.count(new Query(), Need.class), boardDocument, needDocument);

      System.out.println();
      System.out.println(report(store, files.size(), smallPhase, largePhase, insertSeconds, loadMs, footprint, apply));
    }
  }

  private static Phase phase(ConfigurableApplicationContext app, int port, int needs, String boardDocument,
      String needDocument) throws Exception {
    NeedBoard board = app.getBean(NeedBoard.class);
    PublicStatistics statistics = app.getBean(PublicStatistics.class);
    MongoTemplate mongo = app.getBean(MongoTemplate.class);
    // Today's statistics are taken anew from this board (the first call of a day takes them).
    mongo.dropCollection("statistics_snapshots_k5");
    long taking = System.nanoTime();
    statistics.statistics();
    double snapshotMs = (System.nanoTime() - taking) / 1e6;
    List<String> publicIds = new ArrayList<>();
    board.board(null, 100, null).edges().forEach(e -> publicIds.add(e.node().id()));
    Random random = new Random(7);
    NeedFilter filter = new NeedFilter(NeedCategory.MEDICAL, "hulin-town", null, null, null);

    Map<String, Supplier<Object>> inProcess = new LinkedHashMap<>();
    inProcess.put("board, first page of 20", () -> board.board(null, 20, null));
    inProcess.put("board, township + category filter", () -> board.board(filter, 20, null));
    inProcess.put("board, pages 1-5 by keyset (per page)", () -> {
      String after = null;
      for (int page = 0; page < 5; page++) {
        Connection<PublicNeed> connection = board.board(null, 20, after);
        after = connection.pageInfo().endCursor();
      }
      return after;
    });
    inProcess.put("need by id", () -> board.publicNeed(publicIds.get(random.nextInt(publicIds.size()))));
    inProcess.put("statistics", statistics::statistics);
    Map<String, double[]> inProcessTimes = new LinkedHashMap<>();
    for (var operation : inProcess.entrySet()) {
      boolean perPage = operation.getKey().contains("per page");
      inProcessTimes.put(operation.getKey(), time(300, 1000, perPage ? 5 : 1, () -> {
        if (operation.getValue().get() == null && !operation.getKey().contains("need")) {
          throw new IllegalStateException(operation.getKey() + " answered nothing");
        }
      }));
    }

    Map<String, double[]> httpTimes = new LinkedHashMap<>();
    httpTimes.put("board, first page of 20", time(30, 300, 1,
        () -> post(port, boardDocument, Map.of("first", 20))));
    int[] nonce = new int[1];
    // A variable the document does not declare (ignored by GraphQL) makes every request a new one to the cache.
    httpTimes.put("board, first page of 20, worked out each time", time(30, 300, 1,
        () -> post(port, boardDocument, Map.of("first", 20, "nonce", nonce[0]++))));
    httpTimes.put("board, township + category filter", time(30, 300, 1, () -> post(port, boardDocument,
        Map.of("first", 20, "filter", Map.of("category", "MEDICAL", "townshipId", "hulin-town")))));
    httpTimes.put("board, pages 1-5 by keyset (per page)", time(10, 100, 5, () -> {
      String after = null;
      for (int page = 0; page < 5; page++) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("first", 20);
        variables.put("after", after);
        after = post(port, boardDocument, variables).path("data").path("needs").path("pageInfo").path("endCursor")
            .asString();
      }
    }));
    httpTimes.put("need by id", time(30, 300, 1, () -> {
      JsonNode need = post(port, needDocument, Map.of("id", publicIds.get(random.nextInt(publicIds.size()))));
      if (need.path("data").path("need").isNull()) {
        throw new IllegalStateException("a need on the board was not found by its id");
      }
    }));
    httpTimes.put("statistics", time(30, 300, 1, () -> post(port, STATISTICS, Map.of())));

    String boardBody = JSON.writeValueAsString(Map.of("query", boardDocument, "variables", Map.of("first", 20)));
    byte[] boardRequest = HttpLoad.graphQlRequest(port, boardBody);
    byte[] typenameRequest = HttpLoad.graphQlRequest(port, "{\"query\":\"{ __typename }\"}");
    HttpLoad.run(port, typenameRequest, CONNECTIONS, Duration.ofSeconds(3));
    HttpLoad.run(port, boardRequest, CONNECTIONS, Duration.ofSeconds(3));
    HttpLoad.Result typename = null;
    HttpLoad.Result boardLoad = null;
    HttpLoad.Result workedOut = null;
    for (int round = 0; round < ROUNDS; round++) {
      HttpLoad.Result t = HttpLoad.run(port, typenameRequest, CONNECTIONS, WINDOW);
      HttpLoad.Result b = HttpLoad.run(port, boardRequest, CONNECTIONS, WINDOW);
      // The same page with a fresh undeclared variable in every request: never an answer reused.
      HttpLoad.Result w = HttpLoad.runDistinct(port, boardDocument, CONNECTIONS, WINDOW);
      typename = typename == null ? t : typename.plus(t);
      boardLoad = boardLoad == null ? b : boardLoad.plus(b);
      workedOut = workedOut == null ? w : workedOut.plus(w);
    }
    return new Phase(needs, inProcessTimes, httpTimes, typename, boardLoad, workedOut, snapshotMs);
  }

  /** p50 and p95 in milliseconds of {@code runs} runs after {@code warmUp}, each divided by {@code per}. */
  private static double[] time(int warmUp, int runs, int per, ThrowingRunnable body) {
    double[] times = new double[runs];
    try {
      for (int i = 0; i < warmUp + runs; i++) {
        long started = System.nanoTime();
        body.run();
        if (i >= warmUp) {
          times[i - warmUp] = (System.nanoTime() - started) / 1e6 / per;
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Arrays.sort(times);
    return new double[] {times[runs / 2], times[(int) Math.ceil(runs * 0.95) - 1]};
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static JsonNode post(int port, String document, Map<String, Object> variables) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", document);
    body.put("variables", variables);
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/graphql")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(response.body());
    if (response.statusCode() != 200 || json.has("errors")) {
      throw new IllegalStateException("benchmark query failed: " + response.body());
    }
    return json;
  }

  private static String report(String store, int children, Phase small, Phase large, double insertSeconds,
      double loadMs, long[] footprint, double[] apply) {
    StringBuilder out = new StringBuilder();
    List<String> failed = new ArrayList<>();
    out.append(String.format(Locale.ROOT, "Public read path — %s, %d children, %,d vs %,d published needs, Java %s, "
        + "%d cores%n%n", store, children, small.needs(), large.needs(), Runtime.version(),
        Runtime.getRuntime().availableProcessors()));
    for (String where : List.of("in process", "over HTTP, one client")) {
      out.append("**").append(where).append("** (ms)\n\n");
      out.append("| query | small p50 | small p95 | large p50 | large p95 | ratio p50 (large/small) |\n");
      out.append("|---|---:|---:|---:|---:|---:|\n");
      Map<String, double[]> s = where.equals("in process") ? small.inProcess() : small.overHttp();
      Map<String, double[]> l = where.equals("in process") ? large.inProcess() : large.overHttp();
      for (String query : s.keySet()) {
        double ratio = l.get(query)[0] / s.get(query)[0];
        out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.2f |%n", query, s.get(query)[0],
            s.get(query)[1], l.get(query)[0], l.get(query)[1], ratio));
        if (where.startsWith("over HTTP") && ratio > 1.5) {
          failed.add("large/small ratio of '" + query + "' over HTTP is " + String.format(Locale.ROOT, "%.2f", ratio));
        }
      }
      out.append('\n');
    }
    out.append(String.format(Locale.ROOT, "**Load, %d connections, %d alternating windows of %d s each**%n%n",
        CONNECTIONS, ROUNDS, WINDOW.toSeconds()));
    out.append("| needs | `{ __typename }` req/s | board req/s | throughput ratio | `__typename` p99 ms | board p99 ms "
        + "| p99 ratio | board worked out each time: req/s, ratio, p99 ms |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Phase phase : List.of(small, large)) {
      double throughput = phase.board().throughput() / phase.typename().throughput();
      double p99 = phase.board().percentile(0.99) / phase.typename().percentile(0.99);
      out.append(String.format(Locale.ROOT, "| %,d | %.0f | %.0f | %.2f | %.1f | %.1f | %.2f | %.0f, %.2f, %.1f |%n",
          phase.needs(), phase.typename().throughput(), phase.board().throughput(), throughput,
          phase.typename().percentile(0.99), phase.board().percentile(0.99), p99,
          phase.boardWorkedOut().throughput(), phase.boardWorkedOut().throughput() / phase.typename().throughput(),
          phase.boardWorkedOut().percentile(0.99)));
      if (throughput < 0.5) {
        failed.add(String.format(Locale.ROOT, "board throughput %.2f x __typename at %,d needs", throughput,
            phase.needs()));
      }
      if (p99 > 1.5) {
        failed.add(String.format(Locale.ROOT, "board p99 %.2f x __typename's at %,d needs", p99, phase.needs()));
      }
    }
    double boardP95 = large.overHttp().get("board, first page of 20")[1];
    double statisticsP95 = large.overHttp().get("statistics")[1];
    if (boardP95 > 20) {
      failed.add("board p95 over HTTP at the large size is " + boardP95 + " ms");
    }
    if (statisticsP95 > 10) {
      failed.add("statistics p95 over HTTP at the large size is " + statisticsP95 + " ms");
    }
    if (footprint[0] > 150L * 1024 * 1024) {
      failed.add("the model holds " + footprint[0] / (1024 * 1024) + " MB");
    }
    out.append(String.format(Locale.ROOT, "%nModel at %,d needs: %.1f MB of heap (%.0f bytes a need); "
        + "loaded in %.0f ms "
        + "(what a start-up spends before taking requests); one change applied in p50 %.1f ms, max %.1f ms. "
        + "Statistics snapshot taken in %.0f ms (small) and %.0f ms (large), once a day. Inserting the needs took "
        + "%.0f s.%n", footprint[1], footprint[0] / 1048576.0, (double) footprint[0] / Math.max(1, footprint[1]),
        loadMs, apply[apply.length / 2], apply[apply.length - 1], small.snapshotMs(), large.snapshotMs(),
        insertSeconds));
    out.append(failed.isEmpty() ? "\nTargets: all met.\n" : "\nTargets NOT met: " + String.join("; ", failed) + "\n");
    return out.toString();
  }
}
