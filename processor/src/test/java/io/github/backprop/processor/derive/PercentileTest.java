package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

/**
 * Commons Math 3's percentiles: {@code StatUtils.percentile}, {@code new Median().evaluate(x)},
 * {@code new Percentile(p).evaluate(x)}, written out with the library's checks, its NaN removal
 * and its legacy estimate between order statistics. The value is the library's, the derivative
 * reaches the order statistics it interpolates between (and the quantile, through the weight),
 * in every mode.
 */
class PercentileTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import org.apache.commons.math3.stat.StatUtils;
          import org.apache.commons.math3.stat.descriptive.rank.Median;
          import org.apache.commons.math3.stat.descriptive.rank.Percentile;

          class C {
            static final Percentile QUARTILE = new Percentile(25);

            @Differentiable(forward = true, hessian = true)
            static double median(double[] x) {
              return new Median().evaluate(x) * x[0];
            }

            @Differentiable(forward = true, hessian = true)
            static double quantiles(double[] x, double p) {
              return StatUtils.percentile(x, p) + QUARTILE.evaluate(x) * new Percentile().evaluate(x, 1, x.length - 1)
                  + new Percentile(90).evaluate(x, 0, 3, p);
            }
          }
          """);

  private static final double[][] SAMPLES = {
    {1.5, -2.25, 3.0, 0.5, 7.0}, {0.7, 2.1, 1.3, 4.2, 0.9, -0.35}, {2.0, 1.1, 0.4, 3.1, 0.6, 1.7, -1.2, 5.5, 2.6}
  };

  @Test
  void everyMode() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random r = new Random(41);
    for (double[] x : SAMPLES) {
      GradCheck.check(C, "median", (Object) x.clone());
      JvpCheck.check(C, "p.C", "p.CGrad", "median", new Object[] {x.clone()}, r, 2);
      hvp("median", x, r);
      for (double p : new double[] {13.7, 47.5, 62.5, 97}) {  // p (n + 1) / 100 never a whole number: no kink
        GradCheck.check(C, "quantiles", x.clone(), p);
        JvpCheck.check(C, "p.C", "p.CGrad", "quantiles", new Object[] {x.clone(), p}, r, 2);
      }
    }
  }

  @Test
  void valuesAreTheLibrarys() {
    for (double[] x : SAMPLES) {
      for (double p : new double[] {0.5, 13.7, 25, 50, 62.5, 97, 100}) {
        double expected = StatUtils.percentile(x, p) + new Percentile(25).evaluate(x) * new Percentile().evaluate(x, 1, x.length - 1)
            + new Percentile(90).evaluate(x, 0, 3, p);
        double value = (double) Compiled.components(C.call("p.CGrad", "quantiles", x.clone(), p)).get("value");
        assertEquals(expected, value, 0.0, "at p = " + p);
      }
      double value = (double) Compiled.components(C.call("p.CGrad", "median", (Object) x.clone())).get("value");
      assertEquals(new Median().evaluate(x) * x[0], value, 0.0);
    }
    // NaN elements are dropped, a single element returned as it is, an empty range NaN.
    double[] nan = {2.0, Double.NaN, 1.0, 4.0};
    assertEquals(StatUtils.percentile(nan, 40) + new Percentile(25).evaluate(nan) * new Percentile().evaluate(nan, 1, 3)
        + new Percentile(90).evaluate(nan, 0, 3, 40),
        (double) Compiled.components(C.call("p.CGrad", "quantiles", nan.clone(), 40.0)).get("value"), 0.0);
  }

  /** Exact: the median of an odd sample is its middle element; between two, the weights of the legacy estimate. */
  @Test
  void exactGradients() {
    double[] x = {1.5, -2.25, 3.0, 0.5, 7.0};
    // median 1.5 = x[0]: d/dx (median x0) = 2 x0 at 0
    double[] g = (double[]) Compiled.components(C.call("p.CGrad", "median", (Object) x.clone())).get("x");
    assertArrayEquals(new double[] {3.0, 0, 0, 0, 0}, g, 0.0);
    // StatUtils.percentile(x, 62.5) alone moves with p: pos = 0.625 * 6 = 3.75 between the 3rd
    // and 4th smallest (1.5 and 3), so d/dp = 6 / 100 * (3 - 1.5)
    double[] y = {1.5, -2.25, 3.0, 0.5, 7.0};
    double plus = StatUtils.percentile(y, 62.5 + 1e-6);
    double minus = StatUtils.percentile(y, 62.5 - 1e-6);
    assertEquals(0.06 * 1.5, (plus - minus) / 2e-6, 1e-9);
    Map<String, Object> q = Compiled.components(C.call("p.CGrad", "quantiles", y.clone(), 62.5));
    // the other terms do not depend on p: the third one's pos = 0.625 * 4 = 2.5 of x[0..3)
    double third = 0.04 * (3.0 - 1.5);
    assertEquals(0.06 * 1.5 + third, (double) q.get("p"), 1e-15);
  }

  private static void hvp(String name, double[] x, Random r) {
    double[] v = new double[x.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
    }
    double[] hv = (double[]) Compiled.components(C.call("p.CGrad", name + "Hvp", x.clone(), v)).get("hvp");
    double eps = 1e-6;
    double[] xp = x.clone();
    double[] xm = x.clone();
    for (int i = 0; i < x.length; i++) {
      xp[i] += eps * v[i];
      xm[i] -= eps * v[i];
    }
    double[] gp = (double[]) Compiled.components(C.call("p.CGrad", name, (Object) xp)).get("x");
    double[] gm = (double[]) Compiled.components(C.call("p.CGrad", name, (Object) xm)).get("x");
    for (int i = 0; i < x.length; i++) {
      double fd = (gp[i] - gm[i]) / (2 * eps);
      assertEquals(fd, hv[i], 1e-6 * Math.max(1, Math.abs(fd)), name + " hvp " + i);
    }
  }
}
