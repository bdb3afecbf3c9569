package org.onedoor.backend.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.TestApps;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded store's own failure modes: a damaged file at start, and "Chunk … not found" (h2database#4383). */
class StoreFailureModesTest {

  @Test
  void a_damaged_store_file_stops_the_start_with_a_message_naming_the_file_and_the_latest_backup() throws Exception {
    Path dataDir = Files.createTempDirectory("onedoor-damaged");
    Files.write(dataDir.resolve("onedoor.mv"), "H:2,block:2,blockSize:1000,chunk:7,format:3 garbage".repeat(200)
        .getBytes());
    Properties latest = new Properties();
    latest.setProperty("directory", "/srv/onedoor/backups/2026-11-29");
    latest.setProperty("takenAt", Instant.parse("2026-11-29T02:00:00Z").toString());
    try (var out = Files.newOutputStream(dataDir.resolve(Backups.LATEST))) {
      latest.store(out, null);
    }
    Map<String, Object> properties = TestApps.freshStore();
    properties.put("onedoor.mongodb.uri", "");
    properties.put("onedoor.mongodb.data-dir", dataDir.toString());
    properties.put("server.port", "0");

    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> TestApps.start(properties, "demo"));

    FailureAnalysis analysis = new StoreUnreadableFailureAnalyzer().analyze(failure);
    assertThat(analysis).as("the start fails on the store, with an analysis: %s", failure).isNotNull();
    assertThat(analysis.getDescription()).contains(dataDir.resolve("onedoor.mv").toString(), "cannot be opened");
    assertThat(analysis.getAction()).contains("/srv/onedoor/backups/2026-11-29", "2026-11-29T02:00:00Z",
        "bin/restore");
    assertThat(Files.readString(dataDir.resolve("onedoor.mv"))).as("the damaged file is left for analysis")
        .startsWith("H:2,block:2");
  }

  @Test
  void a_second_backend_on_the_same_data_directory_refuses_to_start_and_says_another_one_uses_it() {
    Map<String, Object> properties = TestApps.freshStore();
    properties.put("onedoor.mongodb.uri", "");
    properties.put("server.port", "0");
    try (var first = TestApps.start(properties, "demo")) {
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> TestApps.start(properties, "demo"));

      FailureAnalysis analysis = new StoreUnreadableFailureAnalyzer().analyze(failure);
      assertThat(analysis).as("%s", failure).isNotNull();
      assertThat(analysis.getAction()).contains("Another OneDoor backend", "ONEDOOR_DATA_DIR");
      assertThat(first.isRunning()).isTrue();
    }
  }

  @Test
  void an_empty_data_directory_without_a_recorded_backup_says_so() {
    var unreadable = new StoreUnreadableException(Path.of("/srv/data/onedoor.mv"),
        new IllegalStateException("File corrupted in chunk 3"), java.util.Optional.empty());
    FailureAnalysis analysis = new StoreUnreadableFailureAnalyzer().analyze(unreadable);
    assertThat(analysis.getAction()).contains("No backup of this store is recorded", "bin/restore");
  }

  /**
   * h2database#4383 reproduced on MVStore itself: a scan over a map while the store commits and compacts loses
   * chunks it still reads ("Chunk … not found") once they are old enough to be freed. The durable backend registers
   * the version every command reads ({@link DurableH2Backend}), which keeps those chunks; the same scan then finishes.
   * Retention is set to zero so that "old enough" comes at once, as after 45 s in production.
   */
  @Test
  void a_scan_with_its_version_pinned_survives_commits_and_compaction_that_break_an_unpinned_one() throws Exception {
    Path unpinned = Files.createTempDirectory("onedoor-chunks").resolve("unpinned.mv");
    Path pinned = unpinned.resolveSibling("pinned.mv");
    fill(unpinned);
    fill(pinned);

    assertThatThrownBy(() -> scanWhileCompacting(unpinned, false)).isInstanceOf(MVStoreException.class)
        .hasMessageContaining("not found");
    assertThat(scanWhileCompacting(pinned, true)).isEqualTo(4_000);
  }

  private static void fill(Path file) {
    try (MVStore store = open(file)) {
      MVMap<String, String> map = store.openMap("data");
      for (int i = 0; i < 4_000; i++) {
        map.put(Integer.toString(i), "x".repeat(50) + i);
        if (i % 1000 == 0) {
          store.commit();
        }
      }
      for (int i = 0; i < 4_000; i += 2) {
        map.put(Integer.toString(i), i + "x".repeat(50));
        if (i % 1000 == 0) {
          store.commit();
        }
      }
      store.commit();
    }
  }

  private static int scanWhileCompacting(Path file, boolean pinned) {
    try (MVStore store = open(file)) {
      MVMap<String, String> map = store.openMap("data");
      MVMap<String, String> side = store.openMap("side");
      MVStore.TxCounter version = pinned ? store.registerVersionUsage() : null;
      try {
        int seen = 0;
        Iterator<Map.Entry<String, String>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
          entries.next();
          if (++seen % 1000 == 0) {
            side.put("tick", Integer.toString(seen));
            store.commit();
            store.compact(95, 16 * 1024 * 1024);
          }
        }
        return seen;
      } finally {
        if (version != null) {
          store.deregisterVersionUsage(version);
        }
      }
    }
  }

  private static MVStore open(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    store.setVersionsToKeep(0);
    store.setRetentionTime(0);
    return store;
  }
}
