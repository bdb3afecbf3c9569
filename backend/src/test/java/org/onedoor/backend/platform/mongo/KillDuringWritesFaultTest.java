package org.onedoor.backend.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.OneDoorBackendApplication;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.OidcClient;
import org.onedoor.backend.support.TestIntakes;
import org.onedoor.backend.support.TestApps;
import org.onedoor.backend.support.TestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The fault test of issue 11: a backend in its own JVM on a fresh data directory takes writes of five kinds from eight
 * threads (anonymous mandatory reports, sign-ups, offers, case-file edits, sign-up approvals); in the middle it is
 * killed with SIGKILL, started again on the same directory, and every write whose answer had arrived must be there.
 *
 * <p>{@code -Donedoor.faulttest.durability=NONE} runs it against MVStore's own background commit (the store before
 * issue 11): acknowledged writes are then lost and the test fails.
 */
class KillDuringWritesFaultTest {

  private static final Logger log = LoggerFactory.getLogger(KillDuringWritesFaultTest.class);
  private static final int THREADS = 8;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 240;

  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) {
        receipt { code } errors { code message } } }""";
  private static final String SIGN_UP = """
      mutation($input: SubmitSignUpInput!) { submitSignUp(input: $input) { receipt { code } errors { code } } }""";
  private static final String OFFER = """
      mutation($input: SubmitOfferInput!) { submitOffer(input: $input) { receipt { code } errors { code } } }""";
  private static final String TASK_OF = """
      query($code: String!) { handlingTasks(receiptCode: $code, first: 1) { edges { node { intake { id } } } } }""";
  private static final String VET = """
      mutation($input: RecordVettingInput!) { recordVetting(input: $input) { errors { code } } }""";
  private static final String DECIDE = """
      mutation($input: DecideSignUpInput!) { decideSignUp(input: $input) { intake { status } errors { code } } }""";
  private static final String STATUS = """
      query($code: String!) { intakeStatus(receiptCode: $code) { code status } }""";
  private static final String FILE = """
      query($id: ID!) { caseFile(id: $id) { version address } }""";

  /** One write whose answer arrived, and how to find it again. */
  sealed interface Acknowledged {
    record Receipt(String kind, String code) implements Acknowledged {
    }

    record Approval(String code) implements Acknowledged {
    }

    record FileEdit(String fileId, int version, String address) implements Acknowledged {
    }
  }

  @Test
  void every_acknowledged_write_survives_a_kill_during_writes_and_the_store_opens_cleanly() throws Exception {
    Path dataDir = TestStore.newDataDir();
    String durability = System.getProperty("onedoor.faulttest.durability", "FSYNC");
    Map<String, Object> properties = TestApps.freshStore();
    // The embedded store, whatever store the other tests use: a real MongoDB would survive the kill by itself.
    properties.put("onedoor.mongodb.uri", "");
    properties.put("onedoor.mongodb.data-dir", dataDir.toString());
    properties.put("onedoor.mongodb.durability", durability);
    properties.put("onedoor.intake.anonymous-per-hour", "100000");
    int port = TestApps.freePort();
    properties.put("server.port", port);

    Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    Process first = startBackend(properties, dataDir.resolve("first.log"));
    int attempted;
    try {
      awaitHealthy(port, first);
      String township = token(port, "township");
      String civil = token(port, "civil");
      AtomicInteger sent = new AtomicInteger();
      CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
      ExecutorService writers = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        running.add(writers.submit(() -> write(port, thread, township, civil, acknowledged, enough, sent)));
      }
      assertThat(enough.await(120, TimeUnit.SECONDS)).as("%s writes acknowledged in time", ACKNOWLEDGED_BEFORE_KILL)
          .isTrue();
      Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
      first.waitFor(30, TimeUnit.SECONDS);
      attempted = sent.get();
      writers.shutdownNow();
      writers.awaitTermination(30, TimeUnit.SECONDS);
      running.forEach(f -> f.cancel(true));
    } finally {
      first.destroyForcibly();
    }
    List<Acknowledged> writes = List.copyOf(acknowledged);

    Process second = startBackend(properties, dataDir.resolve("second.log"));
    try {
      awaitHealthy(port, second);
      String township = token(port, "township");
      List<Acknowledged> lost = writes.stream().filter(write -> !present(port, township, write)).toList();
      log.info("Fault test ({}): {} writes sent, {} acknowledged before the kill, {} lost", durability, attempted,
          writes.size(), lost.size());
      assertThat(writes).as("writes of every kind were acknowledged").hasSizeGreaterThanOrEqualTo(200)
          .extracting(w -> w instanceof Acknowledged.Receipt r ? r.kind() : w.getClass().getSimpleName())
          .contains("report", "signUp", "offer", "FileEdit", "Approval");
      assertThat(lost).as("acknowledged writes missing after the kill and restart (of %s)", writes.size()).isEmpty();
      assertThat(Files.readString(dataDir.resolve("second.log"))).doesNotContain("Chunk", "corrupt");
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
      second.destroyForcibly();
    }
  }

  private static void write(int port, int thread, String township, String civil, Queue<Acknowledged> acknowledged,
      CountDownLatch enough, AtomicInteger sent) {
    GraphQlHttp anonymous = GraphQlHttp.at(port);
    GraphQlHttp staff = GraphQlHttp.at(port).withToken(township);
    GraphQlHttp civilAffairs = GraphQlHttp.at(port).withToken(civil);
    String fileId = null;
    int version = 0;
    List<String> signUps = new ArrayList<>();
    try {
      for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
        sent.incrementAndGet();
        Acknowledged done = switch (i % 5) {
          case 0 -> receipt("report", anonymous.post(REPORT, Map.of("input", TestIntakes.report(UUID.randomUUID().toString()))), "submitMandatoryReport");
          case 1 -> {
            Acknowledged.Receipt signUp = receipt("signUp",
                anonymous.post(SIGN_UP, Map.of("input",
                    TestIntakes.volunteer(UUID.randomUUID().toString(), "fault" + thread + "x" + i))), "submitSignUp");
            if (signUp != null) {
              signUps.add(signUp.code());
            }
            yield signUp;
          }
          case 2 -> receipt("offer", anonymous.post(OFFER, Map.of("input", offer())), "submitOffer");
          case 3 -> {
            if (fileId == null) {
              var created = staff.post(GraphQlHttp.document("createCaseFile"), Map.of("input", child(thread)));
              fileId = created.data().path("createCaseFile").path("caseFile").path("id").asString(null);
              version = created.data().path("createCaseFile").path("caseFile").path("version").asInt();
              yield fileId == null ? null : new Acknowledged.FileEdit(fileId, version, child(thread).get("address")
                  .toString());
            }
            String address = "虎林镇新华村" + thread + "组" + i + "号";
            var edited = staff.post(GraphQlHttp.document("updateCaseFile"),
                Map.of("input", Map.of("id", fileId, "expectedVersion", version, "address", address)));
            JsonNode file = edited.data().path("updateCaseFile").path("caseFile");
            if (file.isMissingNode() || file.isNull()) {
              yield null;
            }
            version = file.path("version").asInt();
            yield new Acknowledged.FileEdit(fileId, version, address);
          }
          default -> signUps.isEmpty() ? null : approve(civilAffairs, signUps.removeFirst());
        };
        if (done != null) {
          acknowledged.add(done);
          enough.countDown();
        }
      }
    } catch (RuntimeException killed) {
      // the backend went away mid-request: that write was not acknowledged
    }
  }

  private static Acknowledged.Receipt receipt(String kind, GraphQlHttp.Response response, String field) {
    String code = response.data().path(field).path("receipt").path("code").asString(null);
    return code == null ? null : new Acknowledged.Receipt(kind, code);
  }

  private static Acknowledged approve(GraphQlHttp civil, String code) {
    String intakeId = civil.post(TASK_OF, Map.of("code", code)).data().path("handlingTasks").path("edges").path(0)
        .path("node").path("intake").path("id").asString(null);
    if (intakeId == null) {
      return null;
    }
    civil.post(VET, Map.of("input", Map.of("intakeId", intakeId, "criminalRecordChecked", true,
        "safeguardingTrained", true)));
    var decided = civil.post(DECIDE, Map.of("input", Map.of("intakeId", intakeId, "approve", true)));
    return "CLOSED".equals(decided.data().path("decideSignUp").path("intake").path("status").asString(null))
        ? new Acknowledged.Approval(code) : null;
  }

  private static boolean present(int port, String township, Acknowledged write) {
    return switch (write) {
      case Acknowledged.Receipt receipt -> GraphQlHttp.at(port).post(STATUS, Map.of("code", receipt.code())).data()
          .path("intakeStatus").path("code").isString();
      case Acknowledged.Approval approval -> "CLOSED".equals(GraphQlHttp.at(port)
          .post(STATUS, Map.of("code", approval.code())).data().path("intakeStatus").path("status").asString(null));
      case Acknowledged.FileEdit edit -> {
        JsonNode file = GraphQlHttp.at(port).withToken(township).post(FILE, Map.of("id", edit.fileId())).data()
            .path("caseFile");
        int version = file.path("version").asInt(-1);
        yield version > edit.version() || version == edit.version() && edit.address().equals(file.path("address")
            .asString(null));
      }
    };
  }

  private static Map<String, Object> offer() {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", UUID.randomUUID().toString());
    input.put("kind", "MONEY");
    input.put("categories", List.of("MEDICAL"));
    input.put("offererName", "王建国");
    input.put("phone", "13812345678");
    input.put("amountYuan", 500);
    input.put("capacity", 1);
    return input;
  }

  private static Map<String, Object> child(int thread) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "王小" + "明亮光华春夏秋冬".charAt(thread));
    input.put("sex", "MALE");
    input.put("birthDate", "2015-03-08");
    input.put("townshipId", "hulin-town");
    input.put("villageId", "hulin-town-xinhua");
    input.put("address", "虎林镇新华村三组12号");
    input.put("causes", List.of("POVERTY"));
    input.put("riskTier", 2);
    return input;
  }

  private static String token(int port, String username) throws Exception {
    return new OidcClient(port).signIn(username, "onedoor-demo").orElseThrow().path("access_token").asString();
  }

  /** The backend in a JVM of its own, as bin/run starts it, with the test class path. */
  private static Process startBackend(Map<String, Object> properties, Path logFile) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), OneDoorBackendApplication.class.getName(),
        "--spring.profiles.active=demo", "--logging.level.root=WARN"));
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
  }

  private static void awaitHealthy(int port, Process process) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the backend is running").isTrue();
      try {
        var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the backend did not start within 120 s");
  }
}
