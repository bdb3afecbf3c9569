package org.onedoor.backend.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.AtOnce;

/** The embedded store's acknowledgement, through the real driver: committed, forced, shared by concurrent writers. */
class DurableH2BackendTest {

  @Test
  void with_fsync_every_acknowledged_write_is_covered_by_a_forced_commit() throws Exception {
    Path file = Files.createTempDirectory("onedoor-durable").resolve("onedoor.mv");
    DurableH2Backend backend = new DurableH2Backend(DurableH2Backend.open(file.toString(), Durability.FSYNC),
        Durability.FSYNC);
    MongoServer server = new MongoServer(backend);
    try (var client = MongoClients.create(server.bindAndGetConnectionString())) {
      var collection = client.getDatabase("t").getCollection("reports");
      collection.insertOne(new Document("_id", 0));
      long syncsBefore = backend.syncs();
      for (int i = 1; i <= 30; i++) {
        long before = backend.syncs();
        collection.insertOne(new Document("_id", i));
        assertThat(backend.syncs()).as("write %s was forced to the disk before its answer", i).isGreaterThan(before);
      }
      assertThat(backend.syncs() - syncsBefore).isEqualTo(30);
      assertThat(collection.find(new Document("_id", 7)).first()).isNotNull();
      long syncs = backend.syncs();
      collection.find().into(new ArrayList<>());
      assertThat(backend.syncs()).as("a read commits nothing").isEqualTo(syncs);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void with_commit_writes_are_committed_and_not_forced_and_concurrent_writers_share_commits() throws Exception {
    Path file = Files.createTempDirectory("onedoor-durable").resolve("onedoor.mv");
    DurableH2Backend backend = new DurableH2Backend(DurableH2Backend.open(file.toString(), Durability.COMMIT),
        Durability.COMMIT);
    MongoServer server = new MongoServer(backend);
    int writers = 8;
    int each = 50;
    try (var client = MongoClients.create(server.bindAndGetConnectionString())) {
      var collection = client.getDatabase("t").getCollection("reports");
      collection.insertOne(new Document("_id", "first"));
      long commitsBefore = backend.commits();
      List<java.util.concurrent.Callable<Void>> batches = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        batches.add(() -> {
          for (int i = 0; i < each; i++) {
            collection.insertOne(new Document("_id", writer + "-" + i));
          }
          return null;
        });
      }
      AtOnce.call(batches);
      assertThat(backend.syncs()).isZero();
      assertThat(backend.commits() - commitsBefore).as("commits for %s writes", writers * each)
          .isPositive().isLessThanOrEqualTo(writers * each);
    } finally {
      server.shutdownNow();
    }
    // Opened again, as after a restart: every acknowledged document is in the file.
    DurableH2Backend reopened = new DurableH2Backend(DurableH2Backend.open(file.toString(), Durability.COMMIT),
        Durability.COMMIT);
    MongoServer again = new MongoServer(reopened);
    try (var client = MongoClients.create(again.bindAndGetConnectionString())) {
      assertThat(client.getDatabase("t").getCollection("reports").countDocuments()).isEqualTo(writers * each + 1);
    } finally {
      again.shutdownNow();
    }
  }

  @Test
  void only_known_reads_skip_the_commit_and_an_aggregation_that_writes_is_a_write() {
    assertThat(DurableH2Backend.isWrite("find", new de.bwaldvogel.mongo.bson.Document())).isFalse();
    assertThat(DurableH2Backend.isWrite("getMore", new de.bwaldvogel.mongo.bson.Document())).isFalse();
    assertThat(DurableH2Backend.isWrite("insert", new de.bwaldvogel.mongo.bson.Document())).isTrue();
    assertThat(DurableH2Backend.isWrite("findAndModify", new de.bwaldvogel.mongo.bson.Document())).isTrue();
    assertThat(DurableH2Backend.isWrite("someFutureCommand", new de.bwaldvogel.mongo.bson.Document())).isTrue();
    var reading = new de.bwaldvogel.mongo.bson.Document("pipeline",
        List.of(new de.bwaldvogel.mongo.bson.Document("$match", new de.bwaldvogel.mongo.bson.Document())));
    var writing = new de.bwaldvogel.mongo.bson.Document("pipeline",
        List.of(new de.bwaldvogel.mongo.bson.Document("$out", "copy")));
    assertThat(DurableH2Backend.isWrite("aggregate", reading)).isFalse();
    assertThat(DurableH2Backend.isWrite("aggregate", writing)).isTrue();
  }
}
