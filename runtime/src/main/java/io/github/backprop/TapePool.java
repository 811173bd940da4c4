package io.github.backprop;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The tapes that virtual threads borrow for one gradient each: a few slots, so that thousands of
 * virtual threads share the tapes of the few that run at once, and hold none while parked. A
 * tape given back to a full pool is left to the garbage collector.
 */
final class TapePool {
  /** Slots apart in the array, so that two slots never share a cache line. */
  private static final int STRIDE = 16;

  private static final int SLOTS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  private static final AtomicReferenceArray<Tape> TAPES = new AtomicReferenceArray<>(SLOTS * STRIDE);

  private TapePool() {}

  /** A tape from the pool, or a new one when every slot is empty. */
  static Tape take() {
    int start = start();
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) % SLOTS * STRIDE;
      if (TAPES.get(slot) != null) {
        Tape tape = TAPES.getAndSet(slot, null);
        if (tape != null) {
          return tape;
        }
      }
    }
    return new Tape(true);
  }

  /** Puts an idle, trimmed tape back, or drops it when the pool is full. */
  static void give(Tape tape) {
    int start = start();
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) % SLOTS * STRIDE;
      if (TAPES.get(slot) == null && TAPES.compareAndSet(slot, null, tape)) {
        return;
      }
    }
  }

  /** Threads start their search at different slots, to spread the contention. */
  private static int start() {
    return (System.identityHashCode(Thread.currentThread()) & 0x7fffffff) % SLOTS;
  }

  /** Tapes in the pool, for tests. */
  static int size() {
    int n = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (TAPES.get(i * STRIDE) != null) {
        n++;
      }
    }
    return n;
  }
}
