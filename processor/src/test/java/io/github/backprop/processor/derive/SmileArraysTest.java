package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Smile's selections and moments called on differentiated arrays: {@code Math.median}, {@code
 * mad}, {@code QuickSelect.q1/q3/select} (which rearrange the array they are given), and {@code
 * Math.cor}, {@code cov}, {@code var}, {@code sd}, {@code mean}. Each is checked in every mode:
 * the gradient against central differences (its value and the array it leaves against Smile's,
 * exactly), {@code mJvp} against the gradient and differences, {@code mHvp} against differences
 * of gradients and the array it leaves.
 */
class SmileArraysTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import smile.math.Math;
          import smile.sort.QuickSelect;

          class C {
            @Differentiable(forward = true, hessian = true)
            static double median(double[] x) {
              double[] y = x.clone();
              return Math.median(y) * x[0] + y[1];
            }

            @Differentiable(forward = true, hessian = true)
            static double inPlace(double[] x) {
              double m = Math.median(x);
              return m * m + x[0] * x[x.length - 1];
            }

            @Differentiable(forward = true, hessian = true)
            static double mad(double[] x) {
              double third = x[2];
              return Math.mad(x) * third;
            }

            @Differentiable(forward = true, hessian = true)
            static double quantiles(double[] x) {
              return QuickSelect.q1(x) + 2 * QuickSelect.q3(x) * QuickSelect.select(x, 1) + Math.q3(x);
            }

            @Differentiable(forward = true, hessian = true)
            static double moments(double[] x, double[] y) {
              return Math.cor(x, y) + Math.sd(x) * Math.mean(y) + Math.cov(y, x) - Math.var(y) * Math.sum(x);
            }

            @Differentiable(forward = true)
            static double rows(double[][] m) {
              double s = 0;
              for (int i = 0; i < m.length; i++) {
                s += QuickSelect.median(m[i]) * (i + 1);
              }
              return s;
            }
          }
          """);

  private static final double[][] SAMPLES = {
    {1.5, -2.25, 3.0, 0.5, 7.0}, {0.7, 2.1, 1.3, 4.2, 0.9, -0.35}, {2.0, 1.1, 0.4, 3.1, 0.6, 1.7, -1.2, 5.5, 2.6}
  };

  @Test
  void compilesClean() {
    assertTrue(C.succeeded(), C.diagnostics());
    String grad = C.source("p.CGrad");
    assertFalse(grad.contains("import smile."), grad); // written out: Smile is not needed at run time
  }

  @Test
  void selectionsInEveryMode() {
    Random r = new Random(21);
    for (double[] x : SAMPLES) {
      for (String name : List.of("median", "inPlace", "mad", "quantiles")) {
        everyMode(name, r, (Object) x.clone());
      }
    }
  }

  @Test
  void momentsInEveryMode() {
    Random r = new Random(22);
    for (double[] x : SAMPLES) {
      double[] y = new double[x.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = java.lang.Math.sin(1.3 * i) + 0.1 * x[i] * x[i];
      }
      everyMode("moments", r, x.clone(), y);
    }
  }

  @Test
  void rowsOfAMatrix() {
    double[][] m = {{1.5, 0.25, 3.25}, {0.7, 2.1}, {2.0, 1.1, 0.4, 0.3}};
    GradCheck.check(C, "rows", (Object) m);
    JvpCheck.check(C, "p.C", "p.CGrad", "rows", new Object[] {m}, new Random(23), 2);
  }

  /** The values and the rearranged arrays are Smile's own, bit for bit, in every generated method. */
  @Test
  void valuesAndArraysAreSmiles() {
    for (double[] x : SAMPLES) {
      double[] lib = x.clone();
      double median = smile.math.Math.median(lib);
      double expected = median * median + lib[0] * lib[lib.length - 1];
      double[] mine = x.clone();
      assertEquals(expected, (double) Compiled.components(C.call("p.CGrad", "inPlace", (Object) mine)).get("value"), 0.0);
      assertArrayEquals(lib, mine, 0.0);
      double[] jvp = x.clone();
      assertEquals(expected, (double) Compiled.components(C.call("p.CGrad", "inPlaceJvp", jvp, new double[x.length])).get("value"), 0.0);
      assertArrayEquals(lib, jvp, 0.0);
      double[] mad = x.clone();
      double madValue = smile.math.Math.mad(mad.clone()) * x[2];
      double[] leftByMad = x.clone();
      smile.math.Math.mad(leftByMad);
      assertEquals(madValue, (double) Compiled.components(C.call("p.CGrad", "mad", (Object) mad)).get("value"), 0.0);
      assertArrayEquals(leftByMad, mad, 0.0);
    }
    double[] x = SAMPLES[1];
    double[] y = {0.3, -1.1, 2.5, 0.8, 1.9, -0.4};
    double expected = smile.math.Math.cor(x, y) + smile.math.Math.sd(x) * smile.math.Math.mean(y)
        + smile.math.Math.cov(y, x) - smile.math.Math.var(y) * smile.math.Math.sum(x);
    assertEquals(expected, (double) Compiled.components(C.call("p.CGrad", "moments", x.clone(), y.clone())).get("value"), 0.0);
  }

  /**
   * Exact gradients: the median's derivative is 1 at the element Smile picks (for an even length
   * the upper middle one) and 0 elsewhere; the MAD's flows to the picked deviation's element and,
   * through the median it subtracts, to the median's element.
   */
  @Test
  void exactGradients() {
    // sorted: -2.25 0.5 1.5 3.0 7.0; median 1.5 at index 0; x[0] * median + y[1]
    double[] x = {1.5, -2.25, 3.0, 0.5, 7.0};
    double[] g = (double[]) Compiled.components(C.call("p.CGrad", "median", (Object) x.clone())).get("x");
    double[] y = x.clone();
    smile.math.Math.median(y);
    // y[1] after the selection is one of the elements; its derivative goes where it came from
    int from = indexOf(x, y[1]);
    double[] expected = new double[x.length];
    expected[0] += 1.5 + x[0];
    expected[from] += 1;
    assertArrayEquals(expected, g, 0.0);
    // an even length: Smile picks the upper middle element, index 3 of 0.7 0.9 1.3 2.1 4.2 -0.35 sorted
    double[] even = {0.7, 2.1, 1.3, 4.2, 0.9, -0.35};
    double[] ge = (double[]) Compiled.components(C.call("p.CGrad", "inPlace", (Object) even.clone())).get("x");
    // median 1.3 (x[2]); m * m + x[0] * x[last] where the array is rearranged by then
    double[] after = even.clone();
    smile.math.Math.median(after);
    double[] exact = new double[even.length];
    exact[2] += 2 * 1.3;
    exact[indexOf(even, after[0])] += after[after.length - 1];
    exact[indexOf(even, after[after.length - 1])] += after[0];
    assertArrayEquals(exact, ge, 1e-15);
    // mad: 1.5, -2.25, 3, 0.5, 7 has median 1.5 (x[0]); deviations 0, 3.75, 1.5, 1, 5.5, median
    // 1.5 = |x[2] - x[0]|: d/dx2 = 1, d/dx0 = -1; times x[2] = 3, plus mad = 1.5 at x[2]
    double[] gm = (double[]) Compiled.components(C.call("p.CGrad", "mad", (Object) x.clone())).get("x");
    assertArrayEquals(new double[] {-3, 0, 3 + 1.5, 0, 0}, gm, 0.0);
  }

  @Test
  void smilesExceptions() {
    assertEquals("java.lang.IllegalArgumentException", thrown(() -> C.call("p.CGrad", "moments", new double[] {1, 2, 3}, new double[] {1, 2})));
    assertEquals("java.lang.IllegalArgumentException", thrown(() -> C.call("p.CGrad", "moments", new double[] {1, 2}, new double[] {1, 2})));
    assertEquals("java.lang.ArrayIndexOutOfBoundsException", thrown(() -> C.call("p.CGrad", "inPlace", (Object) new double[] {})));
  }

  private static int indexOf(double[] a, double v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new AssertionError(v);
  }

  private static String thrown(Runnable r) {
    try {
      r.run();
    } catch (AssertionError | RuntimeException e) {
      Throwable t = e;
      while (t.getCause() != null) {
        t = t.getCause();
      }
      return t.getClass().getName();
    }
    return "nothing";
  }

  /** The gradient, the forward mode and the Hessian-vector product of {@code name} at {@code point}. */
  private static void everyMode(String name, Random r, Object... point) {
    GradCheck.check(C, name, GradCheck.copy(point));
    JvpCheck.check(C, "p.C", "p.CGrad", name, GradCheck.copy(point), r, 2);
    hvp(name, r, point);
  }

  /**
   * {@code nameHvp} along a random direction against central differences of the gradient, and
   * the arrays it leaves against the primal's.
   */
  private static void hvp(String name, Random r, Object[] point) {
    Object[] direction = new Object[point.length];
    for (int i = 0; i < point.length; i++) {
      double[] d = new double[((double[]) point[i]).length];
      for (int j = 0; j < d.length; j++) {
        d[j] = r.nextGaussian();
      }
      direction[i] = d;
    }
    Object[] args = new Object[2 * point.length];
    Object[] at = GradCheck.copy(point);
    System.arraycopy(at, 0, args, 0, point.length);
    System.arraycopy(GradCheck.copy(direction), 0, args, point.length, point.length);
    double[] hv = (double[]) Compiled.components(C.call("p.CGrad", name + "Hvp", args)).get("hvp");
    Object[] primal = GradCheck.copy(point);
    C.call("p.C", name, primal);
    for (int i = 0; i < point.length; i++) {
      assertArrayEquals((double[]) primal[i], (double[]) at[i], 0.0, name + "Hvp must leave argument " + i + " as the primal does");
    }
    double eps = 1e-6;
    double[] plus = gradient(name, shifted(point, direction, eps));
    double[] minus = gradient(name, shifted(point, direction, -eps));
    assertEquals(plus.length, hv.length);
    for (int k = 0; k < hv.length; k++) {
      double fd = (plus[k] - minus[k]) / (2 * eps);
      assertEquals(fd, hv[k], 1e-5 * java.lang.Math.max(1, java.lang.Math.abs(fd)), name + " hvp component " + k);
    }
  }

  private static Object[] shifted(Object[] point, Object[] direction, double eps) {
    Object[] out = GradCheck.copy(point);
    for (int i = 0; i < out.length; i++) {
      double[] a = (double[]) out[i];
      for (int j = 0; j < a.length; j++) {
        a[j] += eps * ((double[]) direction[i])[j];
      }
    }
    return out;
  }

  /** The gradient of {@code name}, flattened in parameter order. */
  private static double[] gradient(String name, Object[] point) {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", name, point));
    List<Double> out = new ArrayList<>();
    g.forEach((k, v) -> {
      if (v instanceof double[] a) {
        for (double d : a) {
          out.add(d);
        }
      }
    });
    double[] flat = new double[out.size()];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = out.get(i);
    }
    return flat;
  }
}
