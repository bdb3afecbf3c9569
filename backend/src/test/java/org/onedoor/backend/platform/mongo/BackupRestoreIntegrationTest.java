package org.onedoor.backend.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.TestApps;
import org.onedoor.backend.support.TestIntakes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's backup of a running embedded store and its restore into an empty data directory: backed up while
 * writes go on, more written after, restored — exactly the backed-up state comes back. Every refusal (a target that
 * is not empty or not writable, no or a wrong token, a missing or damaged backup) says why and changes nothing.
 */
class BackupRestoreIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) { receipt { code } } }""";
  private static final String STATUS = """
      query($code: String!) { intakeStatus(receiptCode: $code) { code } }""";
  /** Rewritten at every start (the portal's client secret is hashed anew): not part of the compared state. */
  private static final Set<String> REWRITTEN_AT_START = Set.of(
      "oauth2_registered_clients", "rate_limits", "leases", "escalation");

  @Test
  void a_backup_taken_while_writes_go_on_restores_exactly_the_backed_up_state() throws Exception {
    Map<String, Object> store = embedded();
    store.put("onedoor.intake.anonymous-per-hour", "100000");
    Path dataDir = Path.of(store.get("onedoor.mongodb.data-dir").toString());
    Path backup = Files.createTempDirectory("onedoor-backup").resolve("taken");
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    try (ConfigurableApplicationContext running = TestApps.start(store, "demo")) {
      int port = TestApps.port(running);
      for (int i = 0; i < 5; i++) {
        before.add(report(port));
      }
      String token = Files.readString(dataDir.resolve(StoreOperatorController.TOKEN_FILE)).trim();
      AtomicBoolean writing = new AtomicBoolean(true);
      java.util.concurrent.CountDownLatch writerStarted = new java.util.concurrent.CountDownLatch(1);
      Thread writer = Thread.ofVirtual().start(() -> {
        while (writing.get()) {
          report(port);
          writerStarted.countDown();
        }
      });
      HttpResponse<String> taken;
      try {
        assertThat(writerStarted.await(30, java.util.concurrent.TimeUnit.SECONDS))
            .as("the writer is writing before the backup").isTrue();
        taken = backup(port, token, backup.toString());
      } finally {
        writing.set(false);
        writer.join();
      }
      assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
      JsonNode manifest = JSON.readTree(taken.body());
      assertThat(manifest.path("sha256").asString()).hasSize(64);
      assertThat(Files.list(backup).map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("onedoor.mv", "backup.properties");
      for (int i = 0; i < 5; i++) {
        after.add(report(port));
      }
      assertThat(Backups.latest(dataDir)).map(Backups.Record::directory).contains(backup.toAbsolutePath());
    }

    Path restored = Files.createTempDirectory("onedoor-restored").resolve("data");
    assertThat(StoreTool.run("restore", backup.toString(), restored.toString())).isZero();
    Map<String, Object> onRestored = new HashMap<>(store);
    onRestored.put("onedoor.mongodb.data-dir", restored.toString());
    try (ConfigurableApplicationContext again = TestApps.start(onRestored, "demo")) {
      int port = TestApps.port(again);
      assertThat(before).allMatch(code -> present(port, code));
      assertThat(after).noneMatch(code -> present(port, code));
      Backups.Record record = Backups.verify(backup);
      MongoTemplate mongo = again.getBean(MongoTemplate.class);
      Map<String, Long> counts = new TreeMap<>();
      for (String collection : mongo.getCollectionNames()) {
        counts.put(mongo.getDb().getName() + "." + collection, mongo.getCollection(collection).countDocuments());
      }
      Map<String, Long> expected = new TreeMap<>(record.documents());
      expected.keySet().removeIf(name -> name.contains(".system.")
          || REWRITTEN_AT_START.stream().anyMatch(name::endsWith));
      counts.keySet().removeIf(name -> REWRITTEN_AT_START.stream().anyMatch(name::endsWith));
      assertThat(counts).as("every collection holds what the backup recorded").isEqualTo(expected);
    }
  }

  @Test
  void a_backup_into_a_non_empty_or_unwritable_directory_or_without_the_token_is_refused_and_changes_nothing()
      throws Exception {
    Map<String, Object> store = embedded();
    Path dataDir = Path.of(store.get("onedoor.mongodb.data-dir").toString());
    try (ConfigurableApplicationContext running = TestApps.start(store, "demo")) {
      int port = TestApps.port(running);
      String token = Files.readString(dataDir.resolve(StoreOperatorController.TOKEN_FILE)).trim();
      assertThat(Files.getPosixFilePermissions(dataDir.resolve(StoreOperatorController.TOKEN_FILE)))
          .as("only the backend's account reads the token")
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

      Path occupied = Files.createTempDirectory("onedoor-occupied");
      Files.writeString(occupied.resolve("keep.txt"), "mine");
      var notEmpty = backup(port, token, occupied.toString());
      assertThat(notEmpty.statusCode()).isEqualTo(400);
      assertThat(notEmpty.body()).contains("not empty");
      assertThat(Files.list(occupied).map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");

      Path aFile = Files.createTempFile("onedoor-a-file", ".txt");
      var unwritable = backup(port, token, aFile.resolve("backup").toString());
      assertThat(unwritable.statusCode()).isEqualTo(400);
      assertThat(unwritable.body()).contains("cannot be created");
      Path deep = Files.createTempDirectory("onedoor-deep");
      assertThat(backup(port, token, deep.resolve("a/b/c").toString()).statusCode()).isEqualTo(400);
      assertThat(deep).isEmptyDirectory();

      Path fresh = Files.createTempDirectory("onedoor-fresh").resolve("b");
      assertThat(backup(port, "wrong", fresh.toString()).statusCode()).isEqualTo(403);
      assertThat(backup(port, null, fresh.toString()).statusCode()).isEqualTo(403);
      assertThat(backup(port, token, "relative/dir").statusCode()).isEqualTo(400);
      assertThat(fresh).doesNotExist();
      assertThat(Backups.latest(dataDir)).isEmpty();
    }
  }

  @Test
  void a_restore_from_a_missing_or_damaged_backup_or_into_a_non_empty_directory_is_refused_and_changes_nothing()
      throws Exception {
    Path missing = Files.createTempDirectory("onedoor-none").resolve("no-backup");
    Path target = Files.createTempDirectory("onedoor-target").resolve("data");
    assertThat(StoreTool.run("restore", missing.toString(), target.toString())).isEqualTo(1);
    assertThat(target).doesNotExist();

    Map<String, Object> store = embedded();
    Path dataDir = Path.of(store.get("onedoor.mongodb.data-dir").toString());
    Path backup = Files.createTempDirectory("onedoor-backup").resolve("taken");
    try (ConfigurableApplicationContext running = TestApps.start(store, "demo")) {
      String token = Files.readString(dataDir.resolve(StoreOperatorController.TOKEN_FILE)).trim();
      assertThat(backup(TestApps.port(running), token, backup.toString()).statusCode()).isEqualTo(200);
    }
    assertThat(StoreTool.run("verify", backup.toString())).isZero();

    Path occupied = Files.createTempDirectory("onedoor-occupied");
    Files.writeString(occupied.resolve("onedoor.mv"), "someone's data");
    assertThat(StoreTool.run("restore", backup.toString(), occupied.toString())).isEqualTo(1);
    assertThat(Files.readString(occupied.resolve("onedoor.mv"))).isEqualTo("someone's data");

    try (var file = java.nio.channels.FileChannel.open(backup.resolve("onedoor.mv"), StandardOpenOption.WRITE)) {
      file.write(java.nio.ByteBuffer.wrap("damage".getBytes(StandardCharsets.UTF_8)), 5000);
    }
    assertThat(StoreTool.run("restore", backup.toString(), target.toString())).isEqualTo(1);
    assertThat(target).doesNotExist();
    var message = new java.io.ByteArrayOutputStream();
    try {
      Backups.verify(backup);
    } catch (Backups.BackupException e) {
      message.writeBytes(e.getMessage().getBytes(StandardCharsets.UTF_8));
    }
    assertThat(message.toString(StandardCharsets.UTF_8)).contains("damaged", "checksum");
  }

  @Test
  void on_a_real_mongodb_there_is_no_operator_token_and_every_backup_call_is_refused() throws Exception {
    Path unused = Files.createTempDirectory("onedoor-real");
    var settings = new MongoSettings("mongodb://db:27017/onedoor", "onedoor", unused, Durability.FSYNC);
    var answer = new StoreOperatorController(settings, new EmbeddedStore(), java.time.Clock.systemUTC())
        .backup("anything", "/tmp/x");
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(unused).isEmptyDirectory();
  }

  /** The embedded store whatever the other tests use: this is its backup. */
  private static Map<String, Object> embedded() {
    Map<String, Object> store = TestApps.freshStore();
    store.put("onedoor.mongodb.uri", "");
    store.put("server.port", "0");
    return store;
  }

  private static String report(int port) {
    return GraphQlHttp.at(port).post(REPORT, Map.of("input", TestIntakes.report(UUID.randomUUID().toString())))
        .data().path("submitMandatoryReport").path("receipt").path("code").asString();
  }

  private static boolean present(int port, String code) {
    return GraphQlHttp.at(port).post(STATUS, Map.of("code", code)).data().path("intakeStatus").path("code")
        .isString();
  }

  private static HttpResponse<String> backup(int port, String token, String directory) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/operator/backup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("directory=" + URLEncoder.encode(directory,
            StandardCharsets.UTF_8)));
    if (token != null) {
      request.header(StoreOperatorController.TOKEN_HEADER, token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
