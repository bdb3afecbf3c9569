package org.onedoor.backend.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls made at one moment, for race tests: each on its own thread, none released before every thread is started and
 * waiting (a pool alone runs its first tasks while still starting threads for the others). Results in call order; a
 * failed call fails with its ExecutionException.
 */
public final class AtOnce {

  private AtOnce() {
  }

  public static <T> List<T> call(List<? extends Callable<T>> calls) throws Exception {
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Callable<T> each : calls) {
        running.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return each.call();
        }));
      }
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not all " + calls.size() + " threads started within 30 s");
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> result : running) {
        results.add(result.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      go.countDown();
      pool.shutdownNow();
    }
  }
}
