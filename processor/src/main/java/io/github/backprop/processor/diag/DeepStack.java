package io.github.backprop.processor.diag;

/**
 * Runs the processor's work on a thread of its own with a large stack, while javac's thread
 * waits. Every stage recurses over expression trees, several frames per level, so a sum of a
 * few thousand terms that javac itself compiles would overflow javac's stack in backprop; the
 * stack is only reserved, so it costs memory only as deep as it is used.
 */
public final class DeepStack {
  /** 512 MiB: an expression javac's own default stack can compile is far from it. */
  static final long SIZE = 512L << 20;

  /** Run on each worker as it ends; the cost benchmark reads the thread's CPU time there. */
  private static volatile Runnable onEnd = () -> {};

  private DeepStack() {}

  /**
   * Runs {@code hook} on every worker thread as its work ends, for a benchmark measuring the
   * processor's CPU time (javac's thread only waits meanwhile).
   */
  public static void onEnd(Runnable hook) {
    onEnd = hook;
  }

  /** Runs {@code work} to its end on a large stack; what it throws is thrown here. */
  public static void run(Runnable work) {
    Throwable[] thrown = {null};
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                work.run();
              } catch (Throwable t) {
                thrown[0] = t;
              } finally {
                onEnd.run();
              }
            },
            "backprop",
            SIZE);
    worker.setDaemon(true);
    worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    worker.start();
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // javac's thread: finish the round, then keep the interrupt
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (thrown[0] instanceof RuntimeException r) {
      throw r;
    }
    if (thrown[0] instanceof Error e) {
      throw e;
    }
    if (thrown[0] != null) {
      throw new IllegalStateException(thrown[0]);
    }
  }
}
