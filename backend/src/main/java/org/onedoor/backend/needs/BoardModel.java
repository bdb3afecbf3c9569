package org.onedoor.backend.needs;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.onedoor.backend.platform.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public board as this instance serves it: every published and fulfilled need's public face, in memory
 * ({@link BoardIndex}), so that the board, a need by id and the counts of needs cost the same at 100 needs as at
 * 100,000, on any store. The store stays the truth:
 * <ul>
 *   <li>every write that changes what the public sees is counted and recorded in the store ({@link BoardChanges})
 *       and applied here at once ({@link #changed});</li>
 *   <li>every instance looks for changes recorded by the others every {@link BoardSettings#poll()} and applies them
 *       (the needs named, fetched by id) — so another instance's change shows here within the poll interval plus
 *       the time to apply it;</li>
 *   <li>a whole reload happens at start-up (before the server takes requests), when the day turns, when the store's
 *       counter went backwards (a restore) or ran far ahead, when a counted change stayed unrecorded past
 *       {@link BoardSettings#gapGrace()}, and every {@link BoardSettings#resync()} regardless — beside the polls and
 *       the writes, which never wait for it;</li>
 *   <li>consents and deadlines that lapse are checked on every read, so nothing lapsed shows even between reloads.</li>
 * </ul>
 * Readers never wait: they read the current immutable index. See docs/decisions/009-public-read-model.md.
 *
 * <p>Upgrading from a version without it: stop every instance first (instances that do not record their changes
 * would be seen by the others only at their next reload).
 */
@Component
public class BoardModel implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BoardModel.class);
  /** Changes kept for recording while the store refuses; beyond, the others learn of them at their next reload. */
  private static final int MAX_UNRECORDED = 10_000;

  private final MongoTemplate mongo;
  private final BoardChanges changes;
  private final BoardSettings settings;
  private final Clock clock;
  private volatile BoardIndex index = BoardIndex.EMPTY;
  private volatile long version;
  private volatile boolean running;
  private volatile Duration lastReload = Duration.ZERO;

  private final AtomicBoolean reloading = new AtomicBoolean();
  private final java.util.concurrent.locks.ReentrantLock reloadLock = new java.util.concurrent.locks.ReentrantLock();
  private volatile boolean reloadDue;
  private volatile long reloadRequests;

  // Guarded by this.
  private long watermark;
  private final NavigableSet<Long> appliedAbove = new TreeSet<>();
  private long gapAt;
  private Instant gapSince;
  private LocalDate day;
  private Instant reloadedAt;
  private final Deque<Unrecorded> unrecorded = new ArrayDeque<>();

  /** A change made here that the store has not recorded yet (its number, once counted, and the needs). */
  private record Unrecorded(Long number, List<String> needIds) {
  }

  BoardModel(MongoTemplate mongo, BoardChanges changes, BoardSettings settings, Clock clock) {
    this.mongo = mongo;
    this.changes = changes;
    this.settings = settings;
    this.clock = clock;
  }

  /** The board as of now (immutable; readers keep the one they took). */
  BoardIndex index() {
    return index;
  }

  /** A number that changes whenever the board here changes (answers worked out before it may be stale). */
  long version() {
    return version;
  }

  /** The city's day (what lapses by the day is checked against it). */
  LocalDate today() {
    return CityTime.today(clock);
  }

  /** How long the last whole reload took. */
  public Duration lastReload() {
    return lastReload;
  }

  /**
   * After a write that changed what the public sees of these needs (published, withdrawn, matched, released,
   * fulfilled): counts and records the change for every instance and applies it here at once. Never fails the
   * write it follows, and never waits for a whole reload: what cannot be recorded now is retried on the next poll
   * (and re-read here on every refresh until then).
   */
  void changed(Collection<String> needIds) {
    if (needIds.isEmpty()) {
      return;
    }
    synchronized (this) {
      if (unrecorded.size() >= MAX_UNRECORDED) {
        // The store has been refusing for long: the others will see these at their next whole reload.
        log.warn("The public board dropped {} changes it could not record; every instance reloads within {}",
            unrecorded.size(), settings.resync());
        unrecorded.clear();
        requestReload();
      }
      unrecorded.add(new Unrecorded(null, List.copyOf(needIds)));
      step("record a change", this::recordUnrecorded);
      step("apply a change", () -> refresh(Set.copyOf(needIds)));
    }
  }

  /** Reloads the whole board from the store now: after the store was changed behind the application's back. */
  public void resync() {
    if (!reload()) {
      throw new IllegalStateException("the public board could not be reloaded now");
    }
  }

  /**
   * Applies the changes any instance recorded since the last look (on the poll interval), and starts a whole
   * reload beside it when one is due (readers and writers go on meanwhile).
   */
  @Scheduled(fixedDelayString = "${onedoor.board.poll:PT1S}", initialDelayString = "${onedoor.board.poll:PT1S}")
  void poll() {
    if (!running) {
      return;
    }
    synchronized (this) {
      step("record a change", this::recordUnrecorded);
      step("look for changes", () -> refresh(Set.of()));
    }
    if (reloadDue && reloading.compareAndSet(false, true)) {
      Thread.ofVirtual().name("board-reload").start(() -> {
        try {
          reload();
        } catch (RuntimeException storeFailed) {
          log.warn("The public board could not reload now ({}); it keeps serving what it has and tries again",
              storeFailed.getClass().getSimpleName());
        } finally {
          reloading.set(false);
        }
      });
    }
  }

  /** Runs one step of keeping in step; a failure of the store is logged (without data) and retried later. */
  private void step(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException storeFailed) {
      log.warn("The public board could not {} now ({}); the next poll retries", what,
          storeFailed.getClass().getSimpleName());
    }
  }

  private void recordUnrecorded() {
    while (!unrecorded.isEmpty()) {
      Unrecorded next = unrecorded.peek();
      if (next.number() == null) {
        long number = changes.count(); // before the entry leaves the queue: a failure keeps it for the retry
        unrecorded.poll();
        next = new Unrecorded(number, next.needIds());
        unrecorded.addFirst(next);
      }
      if (!changes.record(next.number(), next.needIds())) {
        // The number holds another change (a store restored under a running instance): count a new one.
        unrecorded.poll();
        unrecorded.addFirst(new Unrecorded(null, next.needIds()));
        continue;
      }
      unrecorded.poll();
    }
  }

  /** Applies recorded changes (and re-reads these needs, and any not yet recorded). Called under the lock. */
  private void refresh(Set<String> alsoReread) {
    Instant now = clock.instant();
    LocalDate today = today();
    if (!today.equals(day) || reloadedAt == null || reloadedAt.plus(settings.resync()).isBefore(now)) {
      requestReload();
    }
    CatchUp caught = catchUp(index, alsoReread, today, now);
    if (caught.index() != index) {
      index = caught.index();
      version++;
    }
  }

  /**
   * What a base index becomes with every change recorded since the watermark, the needs to re-read and those not yet
   * recorded. {@code complete} is false when the counter cannot be followed (it went back — a restore — or ran too
   * far ahead): then only the re-read needs were applied, and a whole reload is requested. Store reads come first,
   * so a failure changes nothing. Called under the lock.
   */
  private CatchUp catchUp(BoardIndex base, Set<String> alsoReread, LocalDate today, Instant now) {
    Set<String> needIds = new HashSet<>(alsoReread);
    unrecorded.forEach(u -> needIds.addAll(u.needIds()));
    long counted = changes.counted();
    long highest = appliedAbove.isEmpty() ? watermark : Math.max(watermark, appliedAbove.last());
    boolean follows = counted >= highest && counted - watermark <= settings.keptChanges() / 2;
    Map<Long, List<String>> found = Map.of();
    if (follows) {
      List<Long> missing = new ArrayList<>();
      for (long n = watermark + 1; n <= counted; n++) {
        if (!appliedAbove.contains(n)) {
          missing.add(n);
        }
      }
      found = changes.recorded(missing);
      found.values().forEach(needIds::addAll);
    }
    BoardIndex next = base;
    if (!needIds.isEmpty()) {
      Map<String, BoardEntry> entries = new HashMap<>();
      for (Need need : mongo.find(publicFaces(query(where("_id").in(needIds))), Need.class)) {
        BoardEntry entry = BoardEntry.of(need);
        if (entry != null) {
          entries.put(need.id(), entry);
        }
      }
      next = base.with(needIds, entries, today);
    }
    if (!follows) {
      requestReload();
      return new CatchUp(next, false);
    }
    appliedAbove.addAll(found.keySet());
    while (appliedAbove.remove(watermark + 1)) {
      watermark++;
    }
    if (watermark >= counted) {
      gapAt = 0;
      gapSince = null;
    } else if (gapAt != watermark + 1) {
      gapAt = watermark + 1;
      gapSince = now;
    } else if (gapSince.plus(settings.gapGrace()).isBefore(now)) {
      log.warn("Change {} of the public board was counted but never recorded; reloading the board", gapAt);
      requestReload();
    }
    return new CatchUp(next, true);
  }

  /** An index caught up with the store, and whether the counter could be followed to its end. */
  private record CatchUp(BoardIndex index, boolean complete) {
  }

  private void requestReload() {
    reloadRequests++;
    reloadDue = true;
  }

  /**
   * Loads the whole board without holding the lock (readers keep the old index, writers and polls go on), then,
   * under the lock, catches the loaded board up with every change counted since the load began and only then swaps
   * it in — readers never see a board older than the one they had. One reload at a time.
   */
  private boolean reload() {
    reloadLock.lock();
    try {
      long started = System.nanoTime();
      long asked = reloadRequests;
      LocalDate today = today();
      // The counter is read before the needs: a change counted after it is applied again below.
      long counted = changes.counted();
      BoardIndex fresh = load(mongo, today);
      synchronized (this) {
        long keptWatermark = watermark;
        TreeSet<Long> keptApplied = new TreeSet<>(appliedAbove);
        long keptGapAt = gapAt;
        Instant keptGapSince = gapSince;
        watermark = counted;
        appliedAbove.clear();
        gapAt = 0;
        gapSince = null;
        CatchUp caught = null;
        try {
          caught = catchUp(fresh, Set.of(), today, clock.instant());
        } catch (RuntimeException storeFailed) {
          log.warn("The public board could not catch a reload up ({}); it keeps the board it had",
              storeFailed.getClass().getSimpleName());
        }
        if (caught == null || !caught.complete()) {
          watermark = keptWatermark;
          appliedAbove.clear();
          appliedAbove.addAll(keptApplied);
          gapAt = keptGapAt;
          gapSince = keptGapSince;
          requestReload();
          return false;
        }
        index = caught.index();
        version++;
        day = today;
        reloadedAt = clock.instant();
        if (reloadRequests == asked) {
          reloadDue = false;
        }
      }
      lastReload = Duration.ofNanos(System.nanoTime() - started);
      log.info("Public board loaded: {} needs in {} ms", fresh.size(), lastReload.toMillis());
      return true;
    } finally {
      reloadLock.unlock();
    }
  }

  /** The board as the store holds it on a day: every need the public sees, read in one query. */
  static BoardIndex load(MongoTemplate mongo, LocalDate today) {
    String month = YearMonth.from(today).toString();
    List<BoardEntry> entries = new ArrayList<>();
    // In batches: the embedded store otherwise answers with one message, refused above 48 MB (about 50,000 needs).
    Query all = publicFaces(query(where("status").in(NeedStatus.PUBLISHED, NeedStatus.FULFILLED)
        .and("consentValidUntil").gte(today))).cursorBatchSize(2_000);
    try (var needs = mongo.stream(all, Need.class)) {
      needs.forEach(need -> {
        BoardEntry entry = BoardEntry.of(need);
        if (entry != null && entry.visibleOn(today, month)) {
          entries.add(entry);
        }
      });
    }
    return new BoardIndex(entries);
  }

  /** Only what the board needs of a need: never the file's id. */
  private static Query publicFaces(Query query) {
    query.fields().exclude("caseFileId");
    return query;
  }

  /** Loads the board before the web server takes requests; fails the start when the store cannot be read. */
  @Override
  public void start() {
    resync();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server (which starts at a late phase) takes requests. */
  @Override
  public int getPhase() {
    return 0;
  }
}
