package org.onedoor.backend.platform.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's H2 backend with durable acknowledgement: a write command's reply leaves only after an MVStore
 * commit that covers the whole command (and, with {@link Durability#FSYNC}, after the file was forced to the disk).
 * See docs/decisions/005-durable-embedded-store.md.
 *
 * <ul>
 *   <li><b>Whole commands only.</b> MVStore's own auto-commit is off; commits happen only here, under the exclusive
 *       side of a read-write lock whose shared side every write command holds while it runs, so a commit never
 *       persists half a command (a document without its unique-index entry).</li>
 *   <li><b>Group commit.</b> Writers that finish while a commit runs are covered by the next one, made once for all
 *       of them: under load one commit (and one fsync) acknowledges many writes.</li>
 *   <li><b>Pinned versions.</b> Every command registers the store version it reads, so chunks it still reads are
 *       not freed while it runs (the "Chunk … not found" failure of h2database#4383 under frequent commits).</li>
 * </ul>
 */
final class DurableH2Backend extends H2Backend {

  /** Commands that never change the store; any other command is treated as a write. */
  private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
      "listindexes", "listdatabases", "dbstats", "collstats", "ping", "ismaster", "hello", "buildinfo",
      "whatsmyuri", "serverstatus", "killcursors", "endsessions", "getlasterror", "getparameter",
      "connectionstatus", "explain", "hostinfo", "getlog", "getcmdlineopts", "getfreemonitoringstatus");

  private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
  private static final int SHUTDOWN_COMPACTION_MILLIS = 2_000;

  private final MVStore store;
  private final Durability durability;
  private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
  private final AtomicLong applied = new AtomicLong();
  private final Object commitMonitor = new Object();
  private long committed; // guarded by commitMonitor
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong syncs = new AtomicLong();

  DurableH2Backend(MVStore store, Durability durability) {
    super(store);
    this.store = store;
    this.durability = durability;
  }

  /** Opens the file with MVStore's auto-commit off unless durability is {@link Durability#NONE}. */
  static MVStore open(String file, Durability durability) {
    MVStore.Builder builder = new MVStore.Builder().fileName(file);
    if (durability != Durability.NONE) {
      builder.autoCommitDisabled().autoCommitBufferSize(0);
    }
    return builder.open();
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    if (durability == Durability.NONE) {
      return super.handleCommand(channel, databaseName, command, query);
    }
    if (!isWrite(command, query)) {
      return pinned(() -> super.handleCommand(channel, databaseName, command, query));
    }
    long sequence = 0;
    commands.readLock().lock();
    try {
      return pinned(() -> super.handleCommand(channel, databaseName, command, query));
    } finally {
      sequence = applied.incrementAndGet();
      commands.readLock().unlock();
      awaitDurable(sequence);
    }
  }

  static boolean isWrite(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (name.equals("aggregate")) {
      return query.get("pipeline") instanceof List<?> stages && stages.stream()
          .anyMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }
    return !READS.contains(name);
  }

  private <T> T pinned(Supplier<T> work) {
    MVStore.TxCounter version = store.registerVersionUsage();
    try {
      return work.get();
    } finally {
      store.deregisterVersionUsage(version);
    }
  }

  /** Returns once a commit covering write number {@code sequence} is done (and forced, with FSYNC). */
  private void awaitDurable(long sequence) {
    synchronized (commitMonitor) {
      if (committed >= sequence) {
        return;
      }
      long upTo;
      commands.writeLock().lock();
      try {
        upTo = applied.get();
        store.commit();
      } finally {
        commands.writeLock().unlock();
      }
      if (durability == Durability.FSYNC) {
        store.sync();
        syncs.incrementAndGet();
      }
      commits.incrementAndGet();
      committed = upTo;
    }
  }

  /**
   * Runs {@code work} with no write command in flight, after a commit (forced, with FSYNC) that covers every write so
   * far: what it reads of the file is a whole-command state. Writers wait meanwhile; readers go on.
   */
  <T> T quiesced(Supplier<T> work) {
    synchronized (commitMonitor) {
      commands.writeLock().lock();
      try {
        long upTo = applied.get();
        store.commit();
        if (durability == Durability.FSYNC) {
          store.sync();
        }
        committed = upTo;
        return work.get();
      } finally {
        commands.writeLock().unlock();
      }
    }
  }

  /** Rewrites sparse chunks with no write in flight, so the file does not grow without bound. */
  void compact(int targetFillRate) {
    quiesced(() -> {
      if (store.getFileStore() != null && store.getFillRate() < targetFillRate) {
        store.compact(targetFillRate, 16 * 1024 * 1024);
        store.commit();
      }
      return null;
    });
  }

  /**
   * At shutdown (the server has stopped listening and closed its clients), moves the live chunks together and
   * truncates the file for up to two seconds, so that the space burst-time commits took is given back.
   */
  @Override
  public void close() {
    if (durability != Durability.NONE && !store.isClosed() && store.getFileStore() != null) {
      try {
        store.compactFile(SHUTDOWN_COMPACTION_MILLIS);
      } catch (RuntimeException e) {
        log.warn("Compacting the store file at shutdown failed; it stays as it is: {}", e.toString());
      }
    }
    super.close();
  }

  MVStore store() {
    return store;
  }

  /** How many group commits acknowledged writes (for tests and measurements). */
  long commits() {
    return commits.get();
  }

  /** How many of them forced the file to the disk. */
  long syncs() {
    return syncs.get();
  }
}
