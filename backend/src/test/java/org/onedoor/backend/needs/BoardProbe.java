package org.onedoor.backend.needs;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/** For the benchmarks: what the board's in-memory model weighs and what applying a change to it costs. */
public final class BoardProbe {

  private BoardProbe() {
  }

  /**
   * The heap a freshly loaded copy of the board holds (the difference in used heap after full collections, with and
   * without it), and how many needs it holds.
   */
  public static long[] footprint(MongoTemplate mongo, LocalDate today) throws InterruptedException {
    long before = usedAfterCollection();
    BoardIndex index = BoardModel.load(mongo, today);
    long after = usedAfterCollection();
    long size = index.size();
    java.lang.ref.Reference.reachabilityFence(index);
    return new long[] {after - before, size};
  }

  /** Milliseconds to apply one need's change on this instance (re-read it, a new index), as a writer does. */
  public static double applyOne(BoardModel model, String needId) {
    long started = System.nanoTime();
    model.changed(List.of(needId));
    return (System.nanoTime() - started) / 1e6;
  }

  private static long usedAfterCollection() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
