package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The accumulate overloads: rVjp's, which adds a vector-Jacobian product into arrays the caller
 * owns as the gradient's does, checked exactly against the closed-form Jacobian; and the check
 * every accumulate overload makes first, that each array the caller passes is shaped like its
 * parameter.
 */
class AccumulateShapesTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(wrt = "p")
          static double[] residuals(double[] p, double[] t, double[] y) {
            double[] r = new double[t.length];
            for (int i = 0; i < t.length; i++) {
              r[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i];
            }
            return r;
          }

          @Differentiable
          static double bilinear(double[][] m, double[] v) {
            double s = 0;
            for (int i = 0; i < m.length; i++) {
              for (int j = 0; j < m[i].length; j++) {
                s += v[i] * m[i][j] * v[j];
              }
            }
            return s;
          }
          """);

  private static final double[] T = {0.0, 0.5, 1.0, 2.0};
  private static final double[] Y = {1.9, 1.2, 0.8, 0.5};

  /** The residuals' Jacobian with respect to p, in closed form. */
  private static double[][] jacobian(double[] p) {
    double[][] j = new double[T.length][];
    for (int i = 0; i < T.length; i++) {
      double e = Math.exp(-p[1] * T[i]);
      j[i] = new double[] {e, -p[0] * T[i] * e, 1};
    }
    return j;
  }

  /** The accumulate overload of {@code name}: the one with the most parameters. */
  private static Method overload(String name) {
    Method best = null;
    for (Method m : C.loadClass("p.CGrad").getDeclaredMethods()) {
      if (m.getName().equals(name) && (best == null || m.getParameterCount() > best.getParameterCount())) {
        best = m;
      }
    }
    return best;
  }

  private static Object invoke(Method m, Object... args) throws Throwable {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void vjpAddsIntoTheCallersArrays() throws Throwable {
    assertTrue(C.succeeded(), C.diagnostics());
    Method add = overload("residualsVjp");
    assertEquals(5, add.getParameterCount(), add.toString()); // p, t, y, the cotangent, then the array for p
    double[][] points = {{2.0, 0.7, 0.1}, {1.5, 1.3, -0.2}, {-0.5, 0.2, 0.4}};
    double[] u = {0.3, -1.1, 0.6, 2.0};
    double[] sum = {10, 20, 30}; // nothing is zeroed
    double[] expected = sum.clone();
    for (double[] p : points) {
      double[] value = (double[]) invoke(add, p.clone(), T, Y, u, sum);
      assertArrayEquals((double[]) C.call("p.C", "residuals", p.clone(), T, Y), value, 0.0);
      double[][] j = jacobian(p);
      for (int k = 0; k < 3; k++) {
        for (int i = 0; i < T.length; i++) {
          expected[k] += u[i] * j[i][k];
        }
      }
      assertArrayEquals(expected, sum, 1e-12);
      Map<String, Object> record = Compiled.components(C.call("p.CGrad", "residualsVjp", p.clone(), T, Y, u));
      assertArrayEquals(value, (double[]) record.get("value"), 0.0);
    }
  }

  /**
   * Regression aGradientArrayOfTheWrongLengthFailedDeepInside: a gradient array shorter than its
   * parameter failed with an ArrayIndexOutOfBoundsException inside the reverse sweep, and a
   * longer one was taken without a word; now each fails first, naming the parameter and both
   * lengths.
   */
  @Test
  void aGradientArrayOfTheWrongLengthFailedDeepInside() {
    Method add = overload("residualsVjp");
    double[] p = {2.0, 0.7, 0.1};
    double[] u = {1, 1, 1, 1};
    for (int n : new int[] {2, 4}) {
      Throwable e = assertThrows(Throwable.class, () -> invoke(add, p, T, Y, u, new double[n]));
      assertInstanceOf(IllegalArgumentException.class, e, e.toString());
      assertEquals("the gradient array for p has length " + n + ", but p has length 3", e.getMessage());
    }
    Method bilinear = overload("bilinear");
    double[][] m = {{1, 2}, {3, 4}};
    double[] v = {0.5, -0.25};
    Throwable rows = assertThrows(Throwable.class, () -> invoke(bilinear, m, v, new double[3][2], new double[2]));
    assertEquals("the gradient array for m has length 3, but m has length 2", rows.getMessage());
    Throwable row = assertThrows(Throwable.class, () -> invoke(bilinear, m, v, new double[][] {{0, 0}, {0}}, new double[2]));
    assertEquals("row 1 of the gradient array for m has length 1, but m[1] has length 2", row.getMessage());
    Throwable second = assertThrows(Throwable.class, () -> invoke(bilinear, m, v, new double[2][2], new double[5]));
    assertEquals("the gradient array for v has length 5, but v has length 2", second.getMessage());
  }

  @Test
  void theGradientsAccumulateOverloadStillAdds() throws Throwable {
    Method add = overload("bilinear");
    double[][] m = {{1, 2}, {3, 4}};
    double[] v = {0.5, -0.25};
    double[][] dm = new double[2][2];
    double[] dv = new double[2];
    invoke(add, m, v, dm, dv);
    invoke(add, m, v, dm, dv);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(2 * v[i] * v[j], dm[i][j], 1e-15);
      }
      // d/dv_i of v'Mv is (M + M')v
      assertEquals(2 * ((m[i][0] + m[0][i]) * v[0] + (m[i][1] + m[1][i]) * v[1]), dv[i], 1e-15);
    }
  }
}
