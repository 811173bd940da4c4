package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.tapeHeights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fault injected at every point a gradient passes, one run per point: in a loop's body, in a
 * helper read in place, in a {@code @Differentiable} callee's loop, and in a checkpointed loop's
 * forward run and each of its reverse sweep's runs again. After each fault the thread's tape is
 * back at zero, and the next gradient is bit for bit the undisturbed one; on platform and on
 * virtual threads.
 */
class FaultAtEveryPointTest {
  private static Compiled c;

  @BeforeAll
  static void compile() {
    c = Compiled.members("""
        static long countdown = Long.MAX_VALUE;
        static void tick() {
          if (--countdown == 0) {
            throw new IllegalStateException("injected fault");
          }
        }
        static double helper(double s, double w) {
          tick();
          return Math.sin(s) * w;
        }
        @Differentiable static double looped(double[] w) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            tick();
            s = s * w[i] + Math.cos(s);
          }
          return s;
        }
        @Differentiable static double viaHelper(double[] w) {
          double s = 1;
          for (int i = 0; i < w.length; i++) {
            s = s + helper(s, w[i]);
          }
          return s;
        }
        @Differentiable static double inner(double x, int n) {
          double s = x;
          for (int i = 0; i < n; i++) {
            tick();
            s = Math.tanh(s * x);
          }
          return s;
        }
        @Differentiable static double viaCallee(double[] w) {
          double s = 0.5;
          for (int i = 0; i < w.length; i++) {
            s = s * inner(w[i] + s, 3);
          }
          return s;
        }
        @Differentiable static double checkpointed(double x, double k, int n) {
          double v = 0;
          for (@io.github.backprop.Checkpointed(snapshots = 3, segment = 2) int i = 0; i < n; i++) {
            tick();
            double a = -k * x;
            x = x + 0.01 * v;
            v = v + 0.01 * Math.sin(a);
          }
          return x * x + v;
        }
        @Differentiable @io.github.backprop.CheckpointLoops(above = 5, snapshots = 3, segment = 2)
        static double pastTheBound(double[] u, int n) {
          for (int t = 0; t < n; t++) {
            tick();
            for (int j = 1; j < u.length; j++) {
              u[j] = Math.tanh(u[j] + 0.3 * u[j - 1]);
            }
          }
          return u[u.length - 1];
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
  }

  /** One gradient, named by the method and its arguments (fresh each call: some write them). */
  private record Case(String name, Class<?>[] types, java.util.function.Supplier<Object[]> args) {}

  private static final List<Case> CASES = List.of(
      new Case("looped", new Class<?>[] {double[].class}, () -> new Object[] {new double[] {0.3, -0.7, 1.1, 0.2, 0.9}}),
      new Case("viaHelper", new Class<?>[] {double[].class}, () -> new Object[] {new double[] {0.3, -0.7, 1.1, 0.2}}),
      new Case("viaCallee", new Class<?>[] {double[].class}, () -> new Object[] {new double[] {0.3, -0.7, 1.1}}),
      new Case("checkpointed", new Class<?>[] {double.class, double.class, int.class}, () -> new Object[] {0.8, 1.7, 23}),
      new Case("checkpointed", new Class<?>[] {double.class, double.class, int.class}, () -> new Object[] {0.8, 1.7, 4}),
      new Case("pastTheBound", new Class<?>[] {double[].class, int.class}, () -> new Object[] {new double[] {0.1, 0.5, -0.4}, 17}),
      new Case("pastTheBound", new Class<?>[] {double[].class, int.class}, () -> new Object[] {new double[] {0.1, 0.5, -0.4}, 5}));

  private static void setCountdown(long n) throws ReflectiveOperationException {
    Field f = c.loadClass("p.C").getDeclaredField("countdown");
    f.setAccessible(true);
    f.setLong(null, n);
  }

  private static long countdown() throws ReflectiveOperationException {
    Field f = c.loadClass("p.C").getDeclaredField("countdown");
    f.setAccessible(true);
    return f.getLong(null);
  }

  private static Map<String, Object> gradient(Case k) throws Throwable {
    return Compiled.components(Probes.invoke(c, "p.CGrad", k.name(), k.types(), k.args().get()));
  }

  /** Runs every case with a fault at each of its points in turn; returns the faults injected. */
  private static int campaign() throws Throwable {
    int faults = 0;
    for (Case k : CASES) {
      setCountdown(Long.MAX_VALUE);
      Map<String, Object> clean = gradient(k);
      long points = Long.MAX_VALUE - countdown();
      assertTrue(points > 0, k.name() + " ticks");
      for (long at = 1; at <= points; at++) {
        setCountdown(at);
        try {
          gradient(k);
          fail(k.name() + ": no fault at point " + at + " of " + points);
        } catch (IllegalStateException e) {
          assertEquals("injected fault", e.getMessage());
        }
        assertEquals(List.of(0, 0, 0, 0, 0), tapeHeights(), k.name() + ": entries left by a fault at point " + at);
        faults++;
      }
      setCountdown(Long.MAX_VALUE);
      Map<String, Object> after = gradient(k);
      for (Map.Entry<String, Object> e : clean.entrySet()) {
        Object v = after.get(e.getKey());
        if (v instanceof double[] a) {
          assertArrayEquals((double[]) e.getValue(), a, 0.0, k.name() + "." + e.getKey());
        } else {
          assertEquals(e.getValue(), v, k.name() + "." + e.getKey());
        }
      }
    }
    return faults;
  }

  /** The checkpointed loop's body runs again in the reverse sweep: its points there are faults too. */
  @Test
  void aCheckpointedLoopRunsItsBodyAgainAndEveryRunCanFail() throws Throwable {
    setCountdown(Long.MAX_VALUE);
    gradient(CASES.get(3));
    long points = Long.MAX_VALUE - countdown();
    assertTrue(points > 2 * 23, "ticks in the forward run and the reverse sweep's runs: " + points);
  }

  @Test
  void everyPointOnAPlatformThread() throws Throwable {
    int faults = campaign();
    assertTrue(faults > 100, "faults injected: " + faults);
  }

  @Test
  void everyPointOnAVirtualThread() throws Throwable {
    ExecutorService executor;
    try {
      executor = (ExecutorService) java.util.concurrent.Executors.class
          .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (NoSuchMethodException e) {
      assumeTrue(false, "virtual threads need JDK 21");
      return;
    }
    List<Future<Integer>> runs = new ArrayList<>();
    try {
      // One at a time: the countdown is one static field.
      runs.add(executor.submit(() -> {
        try {
          return campaign();
        } catch (Throwable e) {
          throw new AssertionError(e);
        }
      }));
      int faults = runs.get(0).get(120, TimeUnit.SECONDS);
      assertTrue(faults > 100, "faults injected: " + faults);
    } finally {
      executor.shutdown();
    }
  }
}
