package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.assertTapeEmpty;
import static io.github.backprop.processor.probes.Probes.invoke;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input at run time: the gradient throws what the primal throws, gives NaN and infinity
 * where the mathematics does, and leaves the thread's tape empty after every fault.
 */
class RuntimeFaultProbesTest {
  private static Compiled c;
  private static final Class<?>[] ARRAY = {double[].class};
  private static final Class<?>[] TWO = {double[].class, double[].class};

  @BeforeAll
  static void compile() {
    c = Compiled.members("""
        @Differentiable static double deep(double x, int n) {
          double s = 0;
          for (int i = 0; i < 3; i++) {
            s = s * x + Math.sin(s + x);
          }
          if (n == 0) {
            return s;
          }
          return s + 0.5 * deep(x, n - 1);
        }
        @Differentiable static double sum(double[] w) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s += w[i] * w[i] * Math.exp(s * 1e-3);
          }
          return s;
        }
        @Differentiable static double dot(double[] w, double[] x) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s = s * 0.5 + w[i] * x[i];
          }
          return s;
        }
        static double check(double v) {
          if (v < 0) {
            throw new IllegalArgumentException("negative " + v);
          }
          return Math.sqrt(v);
        }
        @Differentiable static double thrower(double[] w) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s = s * w[i] + check(w[i]);
          }
          return s;
        }
        @Differentiable static double callsThrower(double[] w) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s = s * w[i] + thrower(w);
          }
          return s;
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
  }

  private static Object grad(String name, Class<?>[] types, Object... args) throws Throwable {
    return invoke(c, "p.CGrad", name, types, args);
  }

  private static Object primal(String name, Class<?>[] types, Object... args) throws Throwable {
    return invoke(c, "p.C", name, types, args);
  }

  @Test
  void nullArrayThrowsAsThePrimal() {
    assertThrows(NullPointerException.class, () -> primal("sum", ARRAY, (Object) null));
    assertThrows(NullPointerException.class, () -> grad("sum", ARRAY, (Object) null));
    assertThrows(NullPointerException.class, () -> grad("dot", TWO, null, new double[] {1}));
    assertTapeEmpty();
  }

  @Test
  void mismatchedLengthsThrowAsThePrimal() {
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> primal("dot", TWO, new double[3], new double[2]));
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> grad("dot", TWO, new double[3], new double[2]));
    assertTapeEmpty();
  }

  @Test
  void accumulateIntoArraysOfOtherLengths() throws Throwable {
    Class<?>[] four = {double[].class, double[].class, double[].class, double[].class};
    double[] w = {1, 2, 3};
    double[] x = {4, 5, 6};
    // Shorter or longer than the parameter: refused before anything runs, naming both lengths.
    for (int n : new int[] {1, 5}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> grad("dot", four, w, x, new double[n], new double[3]));
      assertEquals("the gradient array for w has length " + n + ", but w has length 3", e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> grad("dot", four, w, x, null, new double[3]));
    assertTapeEmpty();
    double[] dw = new double[3];
    double[] dx = new double[3];
    double value = (Double) grad("dot", four, w, x, dw, dx);
    assertEquals((Double) primal("dot", TWO, w, x), value, 0.0);
    assertArrayEquals(new double[] {1, 2.5, 6}, dw, 0.0);
    assertTapeEmpty();
  }

  @Test
  void emptyArrays() throws Throwable {
    Map<String, Object> g = Compiled.components(grad("sum", ARRAY, (Object) new double[0]));
    assertEquals(0.0, g.get("value"));
    assertArrayEquals(new double[0], (double[]) g.get("w"));
  }

  @Test
  void nanAndInfinityPropagate() throws Throwable {
    Map<String, Object> nan = Compiled.components(grad("sum", ARRAY, (Object) new double[] {Double.NaN, 1}));
    assertTrue(Double.isNaN((Double) nan.get("value")));
    assertTrue(Double.isNaN(((double[]) nan.get("w"))[0]));
    Map<String, Object> inf = Compiled.components(grad("sum", ARRAY, (Object) new double[] {Double.POSITIVE_INFINITY, 1}));
    assertEquals(Double.POSITIVE_INFINITY, inf.get("value"));
    assertEquals(Double.POSITIVE_INFINITY, ((double[]) inf.get("w"))[0]);
    assertTapeEmpty();
  }

  @Test
  void calleeThatThrowsMidwayLeavesTheTapeEmpty() {
    IllegalArgumentException primal = assertThrows(IllegalArgumentException.class,
        () -> primal("thrower", ARRAY, (Object) new double[] {1, 2, -3, 4}));
    IllegalArgumentException grad = assertThrows(IllegalArgumentException.class,
        () -> grad("thrower", ARRAY, (Object) new double[] {1, 2, -3, 4}));
    assertEquals(primal.getMessage(), grad.getMessage());
    assertTapeEmpty();
    assertThrows(IllegalArgumentException.class, () -> grad("callsThrower", ARRAY, (Object) new double[] {1, 2, 4, -3}));
    assertTapeEmpty();
  }

  @Test
  void recursionDeepEnoughToOverflowLeavesTheTapeEmpty() throws Throwable {
    Class<?>[] types = {double.class, int.class};
    assertThrows(StackOverflowError.class, () -> primal("deep", types, 0.3, 10_000_000));
    for (int k = 0; k < 3; k++) {
      assertThrows(StackOverflowError.class, () -> grad("deep", types, 0.3, 10_000_000));
      assertTapeEmpty();
    }
    Map<String, Object> g = Compiled.components(grad("deep", types, 0.3, 50));
    assertEquals((Double) primal("deep", types, 0.3, 50), (Double) g.get("value"), 0.0);
    assertTapeEmpty();
  }

  @Test
  void interruptedThreadComputesAsAnyOther() throws Throwable {
    AtomicReference<Object> out = new AtomicReference<>();
    Thread t = new Thread(() -> {
      Thread.currentThread().interrupt();
      try {
        out.set(Compiled.components(grad("sum", ARRAY, (Object) new double[] {1, 2})).get("value"));
      } catch (Throwable e) {
        out.set(e);
      }
    });
    t.start();
    t.join();
    assertEquals(primal("sum", ARRAY, (Object) new double[] {1, 2}), out.get());
  }
}
