package org.onedoor.backend.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import org.onedoor.backend.platform.crypto.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB wire-protocol server over one H2 MVStore file, {@code <data dir>/onedoor.mv}, started only when
 * no real MongoDB is configured. Writes are acknowledged as {@link Durability} says; sparse chunks are compacted
 * every few minutes; a file that cannot be opened stops the start with a message naming it and the latest backup.
 */
final class EmbeddedStore {

  static final String FILE_NAME = "onedoor.mv";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
  private static final int COMPACT_BELOW_FILL_RATE = 50;

  private volatile MongoServer server;
  private DurableH2Backend backend;
  private Path dataDir;
  private Path file;
  private String connectionString;
  private ScheduledExecutorService maintenance;
  private final Object fileOperations = new Object();

  synchronized String start(Path dataDir, Durability durability) {
    if (server == null) {
      this.dataDir = dataDir.toAbsolutePath().normalize();
      file = this.dataDir.resolve(FILE_NAME);
      try {
        // The store holds personal data: its directory and file are the owner's alone, whatever the umask (a store
        // made before this is restricted at its next start).
        OwnerOnly.createDirectories(this.dataDir);
        OwnerOnly.restrict(this.dataDir);
        if (Files.exists(file)) {
          OwnerOnly.restrict(file);
        } else {
          OwnerOnly.createFile(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the data directory " + this.dataDir, e);
      }
      MVStore store;
      try {
        store = DurableH2Backend.open(file.toString(), durability);
      } catch (RuntimeException e) {
        throw new StoreUnreadableException(file, e, Backups.latest(this.dataDir));
      }
      backend = new DurableH2Backend(store, durability);
      server = new MongoServer(backend);
      connectionString = server.bindAndGetConnectionString();
      if (durability != Durability.NONE) {
        maintenance = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
            .name("onedoor-store-maintenance").factory());
        maintenance.scheduleWithFixedDelay(this::compact, 5, 5, TimeUnit.MINUTES);
      }
      log.info("Embedded store {} opened; writes acknowledged after {}", file, durability);
    }
    return connectionString;
  }

  private void compact() {
    try {
      synchronized (fileOperations) {
        backend.compact(COMPACT_BELOW_FILL_RATE);
      }
    } catch (RuntimeException e) {
      log.warn("Compacting the embedded store failed; it stays as it is: {}", e.toString());
    }
  }

  /** Runs {@code work} with no compaction, no other backup and no shutdown at the same time. */
  <T> T exclusiveFileOperation(Function<DurableH2Backend, T> work) {
    synchronized (fileOperations) {
      if (server == null) {
        throw new IllegalStateException("The embedded store is not running");
      }
      return work.apply(backend);
    }
  }

  Path file() {
    return file;
  }

  Path dataDir() {
    return dataDir;
  }

  /** Stops maintenance (letting a running compaction finish), then the server, which commits and compacts the file. */
  synchronized void stop() {
    if (maintenance != null) {
      maintenance.shutdown();
      try {
        maintenance.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      maintenance = null;
    }
    if (server != null) {
      synchronized (fileOperations) {
        server.shutdownNow();
      }
      server = null;
    }
  }
}
