package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tape's lifecycle: every exit, an exception included, puts the stacks back at their heights
 * at entry; oversized stacks are given back; virtual threads share a few pooled tapes; and a
 * stack that cannot grow says so. The gradients here are written the way the processor writes
 * them: {@code Tape _tape = Tape.enter(); try { ... } finally { _tape.exit(); }}.
 */
class TapeTest {
  @AfterEach
  void release() {
    Tape.release();
  }

  static double gradient(double x, int steps, int failAt) {
    return gradient(x, steps, failAt, -1);
  }

  /**
   * A loop that saves y each iteration, with a nested call; it fails at step {@code failAt}, or
   * its nested call at step {@code innerFailsAt}.
   */
  static double gradient(double x, int steps, int failAt, int innerFailsAt) {
    Tape _tape = Tape.enter();
    try {
      DoubleStack _doubles = _tape.doubles();
      ObjectStack _objects = _tape.objects();
      IntStack _ints = _tape.ints();
      double y = x;
      for (int i = 0; i < steps; i++) {
        _doubles.push(y);
        _objects.push(new double[] {y});
        if (i == failAt) {
          throw new IllegalArgumentException("step " + i);
        }
        _ints.push(i);
        y = y * x + inner(y, 3, i == innerFailsAt ? 1 : -1);
      }
      double d = 1;
      for (int i = steps - 1; i >= 0; i--) {
        _ints.pop();
        _objects.pop();
        d = d * x + _doubles.pop();
      }
      return y + d;
    } finally {
      _tape.exit();
    }
  }

  /** A nested gradient: saves {@code steps} values and fails after {@code failAt} of them. */
  static double inner(double y, int steps, int failAt) {
    Tape _tape = Tape.enter();
    try {
      DoubleStack _doubles = _tape.doubles();
      BooleanStack _booleans = _tape.booleans();
      LongStack _longs = _tape.longs();
      for (int i = 0; i < steps; i++) {
        _doubles.push(y);
        _booleans.push(y > 0);
        _longs.push(i);
        if (i == failAt) {
          throw new ArithmeticException("inner step " + i);
        }
      }
      double s = 0;
      for (int i = 0; i < steps; i++) {
        _longs.pop();
        _booleans.pop();
        s += _doubles.pop();
      }
      return s * 1e-3;
    } finally {
      _tape.exit();
    }
  }

  private static void assertEmpty(Tape tape) {
    assertEquals(0, tape.doubles().size(), "doubles");
    assertEquals(0, tape.ints().size(), "ints");
    assertEquals(0, tape.longs().size(), "longs");
    assertEquals(0, tape.booleans().size(), "booleans");
    assertEquals(0, tape.objects().size(), "objects");
  }

  @Test
  void faultMidwayLeavesNoEntries() {
    double clean = gradient(0.5, 10, -1);
    assertThrows(IllegalArgumentException.class, () -> gradient(0.5, 10, 6));
    assertEmpty(Tape.current());
    // A fault in the nested call, below the outer call's pushes.
    assertThrows(ArithmeticException.class, () -> gradient(0.5, 10, -1, 4));
    assertEmpty(Tape.current());
    assertEquals(clean, gradient(0.5, 10, -1));
  }

  @Test
  void faultCaughtInsideAGradientLeavesTheOuterCallsEntries() {
    Tape outer = Tape.enter();
    try {
      outer.doubles().push(42);
      outer.objects().push("kept");
      assertThrows(IllegalArgumentException.class, () -> gradient(0.5, 10, 3));
      assertEquals(1, outer.doubles().size());
      assertEquals(1, outer.objects().size());
      assertEquals("kept", outer.objects().pop());
      assertEquals(42.0, outer.doubles().pop());
    } finally {
      outer.exit();
    }
  }

  /** Probe: 100,000 faults left 15 million doubles on one thread. */
  @Test
  void tenThousandFaultsLeaveTheStacksAtZero() {
    for (int i = 0; i < 10_000; i++) {
      int failAt = i % 7;
      assertThrows(RuntimeException.class, () -> gradient(0.9, 8, failAt, 6 - failAt));
    }
    Tape tape = Tape.current();
    assertEmpty(tape);
    assertTrue(tape.capacity() <= 5L * Tape.RETAINED, "capacity " + tape.capacity());
  }

  @Test
  void faultForgetsTheReferencesItSaved() {
    assertThrows(IllegalArgumentException.class, () -> gradient(0.5, 10, 6));
    ObjectStack objects = Tape.current().objects();
    objects.push("a");
    assertEquals(1, objects.size());
    assertEquals("a", objects.pop());
  }

  /** Probe: one loop of 10^7 iterations left 130 MB on its thread. */
  @Test
  void oversizedStacksAreGivenBackAtTheOutermostExit() {
    Tape tape = Tape.enter();
    try {
      for (int i = 0; i < 4 * Tape.RETAINED; i++) {
        tape.doubles().push(i);
        tape.ints().push(i);
      }
      // Nested calls keep what the outer one uses.
      Tape nested = Tape.enter();
      assertSame(tape, nested);
      nested.exit();
      assertEquals(4 * Tape.RETAINED, tape.doubles().size());
      assertTrue(tape.doubles().capacity() >= 4 * Tape.RETAINED);
    } finally {
      tape.exit();
    }
    assertSame(tape, Tape.current(), "a platform thread keeps its tape");
    assertEmpty(tape);
    assertTrue(tape.doubles().capacity() <= Tape.RETAINED, "doubles " + tape.doubles().capacity());
    assertTrue(tape.ints().capacity() <= Tape.RETAINED, "ints " + tape.ints().capacity());
  }

  @Test
  void recursionMarksEveryLevel() {
    assertEquals(55, recurse(10));
    assertEmpty(Tape.current());
    assertThrows(IllegalStateException.class, () -> recurse(-1000));
    assertEmpty(Tape.current());
  }

  private static int recurse(int n) {
    Tape _tape = Tape.enter();
    try {
      IntStack _ints = _tape.ints();
      _ints.push(n);
      if (n == -900) {
        throw new IllegalStateException("deep");
      }
      int r = n == 0 ? 0 : n + recurse(n > 0 ? n - 1 : n + 1);
      return r + 0 * _ints.pop();
    } finally {
      _tape.exit();
    }
  }

  @Test
  void releaseForgetsTheIdleTapeOnly() {
    Tape tape = Tape.enter();
    Tape.release(); // a gradient is running: kept
    assertSame(tape, Tape.current());
    tape.exit();
    Tape.release();
    assertNull(Tape.current());
    Tape next = Tape.enter();
    next.exit();
    assertNotSame(tape, next);
  }

  /** Probe: one virtual thread per task rebuilt its tape every call and kept 160 KB per thread. */
  @Test
  void virtualThreadsShareAFewPooledTapes() throws Exception {
    ExecutorService executor;
    try {
      executor =
          (ExecutorService)
              java.util.concurrent.Executors.class
                  .getMethod("newVirtualThreadPerTaskExecutor")
                  .invoke(null);
    } catch (NoSuchMethodException e) {
      assumeTrue(false, "virtual threads need JDK 21");
      return;
    }
    Set<Tape> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    double expected = gradient(0.5, 50, -1);
    List<Future<Double>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 10_000; i++) {
        int task = i;
        results.add(
            executor.submit(
                () -> {
                  if (task % 10 == 3) {
                    assertThrows(IllegalArgumentException.class, () -> gradient(0.5, 50, 20));
                  }
                  double g = gradient(0.5, 50, -1);
                  Tape.enter().exit();
                  // Between gradients a virtual thread holds no tape.
                  assertNull(Tape.current());
                  Tape t = Tape.enter();
                  t.exit();
                  // Recorded after exit: on JDK 24+ a virtual thread that waits for a monitor
                  // parks, and one parked while holding its tape would force others to make new
                  // ones.
                  synchronized (seen) {
                    seen.add(t);
                  }
                  return g;
                }));
      }
    } finally {
      executor.shutdown();
      assertTrue(executor.awaitTermination(60, TimeUnit.SECONDS));
    }
    for (Future<Double> f : results) {
      assertEquals(expected, f.get());
    }
    int bound = Math.max(200, 4 * Runtime.getRuntime().availableProcessors());
    assertTrue(seen.size() < bound, "tapes for 10,000 virtual threads: " + seen.size());
    assertTrue(TapePool.size() >= 1);
  }

  /** Probe: at 2^30 entries the doubling overflowed to NegativeArraySizeException. */
  @Test
  void growthStopsAtTheLargestArrayWithAClearException() {
    assertEquals(Growth.MAX, Growth.next(1 << 30, "double"));
    assertEquals(Growth.MAX, Growth.next(Growth.MAX - 1, "double"));
    assertEquals(128, Growth.next(64, "double"));
    TapeLimitException e =
        assertThrows(TapeLimitException.class, () -> Growth.next(Growth.MAX, "double"));
    assertEquals((long) Growth.MAX + 1, e.entries());
    assertTrue(
        e.getMessage().startsWith("backprop: a gradient's tape of double values needs more than "
            + ((long) Growth.MAX + 1) + " entries, more than a Java array holds, saved at "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("split the loop into shorter gradient calls, or checkpoint it"
        + " (recompute instead of saving): for (@Checkpointed(snapshots = 64) int i = ...)."), e.getMessage());
  }

  /** Probe: under -Xmx1g a long loop died with an OutOfMemoryError in DoubleStack.push. */
  @Test
  void fullHeapSaysHowManyEntriesAndWhatToDo() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.github.backprop.limits.FillTheHeap")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("io.github.backprop.TapeLimitException "), out);
    assertTrue(out.contains("backprop: a gradient's tape of double values needs "), out);
    assertTrue(out.contains(" entries ("), out);
    assertTrue(out.contains("MiB), and the heap has no room for them (maximum heap "), out);
    assertTrue(
        out.contains(", saved at io.github.backprop.limits.FillTheHeap.main(FillTheHeap.java:"), out);
    assertTrue(out.contains("Give the JVM a larger heap (-Xmx), or run fewer loop iterations"), out);
  }
}
