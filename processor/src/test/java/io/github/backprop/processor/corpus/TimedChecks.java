package io.github.backprop.processor.corpus;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one check at a time on a daemon thread, giving up on one that runs over 10 s. */
final class TimedChecks implements AutoCloseable {
  private ExecutorService pool = newPool();

  /** What the check returns (null when right), or the timeout or what it threw. */
  String run(Callable<String> check) throws InterruptedException {
    Future<String> f = pool.submit(check);
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      pool.shutdownNow();
      pool = newPool();
      return "timeout: the check ran over 10 s";
    } catch (ExecutionException e) {
      return "the check throws " + e.getCause();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static ExecutorService newPool() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "corpus-check");
      t.setDaemon(true);
      return t;
    });
  }
}
