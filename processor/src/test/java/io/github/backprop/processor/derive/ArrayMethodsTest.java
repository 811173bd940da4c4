package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Arrays.sort, fill, copyOf and copyOfRange on primitive arrays: the values they move keep their
 * derivatives, in reverse and forward mode, and a parameter array is left as the primal leaves it.
 */
class ArrayMethodsTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true)
          static double median(double[] x) {
            double[] s = x.clone();
            java.util.Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
          }

          @Differentiable(forward = true)
          static double trimmedMean(double[] x, int k) {
            double[] s = java.util.Arrays.copyOf(x, x.length + 1);
            s[x.length] = Double.MAX_VALUE;
            java.util.Arrays.sort(s, 0, s.length);
            double[] mid = java.util.Arrays.copyOfRange(s, k, s.length - 1 - k);
            double[] w = new double[mid.length];
            java.util.Arrays.fill(w, 1.0 / mid.length);
            double sum = 0;
            for (int i = 0; i < mid.length; i++) {
              sum += w[i] * mid[i] * mid[i];
            }
            return sum;
          }

          // Sorts the caller's array in place, as Arrays.sort does, and weights by rank.
          @Differentiable(forward = true)
          static double rankWeighted(double[] x, double t) {
            java.util.Arrays.sort(x, 1, x.length);
            double[] y = new double[x.length + 2];
            java.util.Arrays.fill(y, 1, y.length - 1, t);
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              s += (i + 1) * x[i] * y[i + 1];
            }
            return s;
          }
          """);

  private static final double[][] POINTS = {{0.3, -1.2, 2.5, 0.9, -0.4}, {4.0, 1.0, 3.0, 2.0}, {1.5}, {-2.0, 7.5, 0.25}};

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] x : POINTS) {
      GradCheck.check(C, "median", (Object) x.clone());
      GradCheck.check(C, "rankWeighted", x.clone(), 0.7);
      if (x.length >= 3) {
        GradCheck.check(C, "trimmedMean", x.clone(), 1);
      }
    }
  }

  /** The median's gradient is 1 at the middle element, wherever it sits in x. */
  @Test
  void exactValues() {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "median", (Object) new double[] {5, 1, 3}));
    assertEquals(3.0, g.get("value"));
    assertArrayEquals(new double[] {0, 0, 1}, (double[]) g.get("x"));
    Map<String, Object> h = Compiled.components(C.call("p.CGrad", "median", (Object) new double[] {4, 1, 3, 2}));
    assertArrayEquals(new double[] {0, 0, 0.5, 0.5}, (double[]) h.get("x"));
  }

  @Test
  void theCallersArrayIsSortedAsThePrimalSortsIt() {
    double[] x = {0.0, 3.0, -1.0, 2.0};
    C.call("p.CGrad", "rankWeighted", x, 1.0);
    assertArrayEquals(new double[] {0.0, -1.0, 2.0, 3.0}, x);
  }

  @Test
  void forwardModeAgreesWithTheGradient() {
    Random r = new Random(3);
    for (double[] x : POINTS) {
      JvpCheck.check(C, "p.C", "p.CGrad", "median", new Object[] {x.clone()}, r, 3);
      JvpCheck.check(C, "p.C", "p.CGrad", "rankWeighted", new Object[] {x.clone(), 0.7}, r, 3);
    }
  }

  /** Bad ranges throw what Arrays throws, from the gradient as from the primal. */
  @Test
  void badRangesThrowAsArraysDoes() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double[] x, int from, int to) {
              double[] s = java.util.Arrays.copyOfRange(x, 0, x.length);
              java.util.Arrays.sort(s, from, to);
              return s[0];
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (int[] bad : new int[][] {{2, 1}, {-1, 2}, {0, 9}}) {
      Throwable primal = cause(assertThrows(Throwable.class, () -> c.call("p.C", "f", new double[] {3, 2, 1}, bad[0], bad[1])));
      Throwable grad = cause(assertThrows(Throwable.class, () -> c.call("p.CGrad", "f", new double[] {3, 2, 1}, bad[0], bad[1])));
      assertEquals(primal.getClass(), grad.getClass());
      assertEquals(primal.getMessage(), grad.getMessage());
    }
  }

  @Test
  void sortingAStaticTableIsAnError() {
    Compiled c =
        Compiled.members(
            """
            static final double[] TABLE = {3, 1, 2};

            @Differentiable static double f(double x) {
              java.util.Arrays.sort(TABLE);
              return x * TABLE[0];
            }
            """);
    assertFalse(c.succeeded());
    assertTrue(c.diagnostics().contains("writing into the static array 'TABLE' is not supported: copy it into a local array"), c.diagnostics());
    assertTrue(c.diagnostics().contains("C.java:9"), c.diagnostics());
  }

  /**
   * {@code MathArrays.sortInPlace(x, y)}, as Hipparchus's Lagrange interpolation calls it: both
   * arrays move by the order of x (ties keep their order, as the library's stable sort does), and
   * arrays of other lengths throw what the library throws.
   */
  @Test
  void mathArraysSortInPlaceMovesEveryArrayByTheFirst() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true) static double f(double[] x, double[] y, double z) {
              double[] xs = x.clone();
              double[] ys = y.clone();
              org.hipparchus.util.MathArrays.sortInPlace(xs, ys);
              double[] us = x.clone();
              double[] vs = y.clone();
              double[] ws = y.clone();
              org.apache.commons.math3.util.MathArrays.sortInPlace(vs, us, ws);
              double s = 0;
              for (int i = 0; i < xs.length; i++) {
                s += ys[i] * Math.exp(-(xs[i] - z) * (xs[i] - z)) * (i + 1) + us[i] * (i + 2) * vs[i] * ws[i];
              }
              return s;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Random r = new Random(8);
    for (double[] x : POINTS) {
      double[] y = new double[x.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = r.nextGaussian();
      }
      GradCheck.check(c, "f", x, y, 0.3);
      JvpCheck.check(c, "p.C", "p.CGrad", "f", new Object[] {x, y, 0.3}, r, 2);
    }
    // Ties: x = {1, 1, 0} puts y[2] first, then y[0], y[1], so y[0] sits at i = 1 (weight 2
    // exp(0)) and y[1] at i = 2 (weight 3); at y = 0 the second sum adds nothing.
    Map<String, Object> g = Compiled.components(c.call("p.CGrad", "f", new double[] {1, 1, 0}, new double[] {0, 0, 0}, 1.0));
    double[] dy = (double[]) g.get("y");
    assertEquals(2.0, dy[0], 1e-15);
    assertEquals(3.0, dy[1], 1e-15);
    for (double[] y : new double[][] {{1, 2}, {1, 2, 3, 4}}) {
      Throwable primal = cause(assertThrows(Throwable.class, () -> c.call("p.C", "f", new double[] {3, 2, 1}, y, 0.0)));
      Throwable grad = cause(assertThrows(Throwable.class, () -> c.call("p.CGrad", "f", new double[] {3, 2, 1}, y, 0.0)));
      assertEquals(primal.getClass(), grad.getClass());
      assertEquals(primal.getMessage(), grad.getMessage());
    }
  }

  private static Throwable cause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
