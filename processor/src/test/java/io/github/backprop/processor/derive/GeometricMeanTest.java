package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

/**
 * Commons Math 3's geometric mean, written out as the library computes it, {@code
 * FastMath.exp(sumOfLogs / length)}: the value is the library's to the last bit, and the
 * derivative with respect to element i is G / (n x_i).
 */
class GeometricMeanTest {
  private static final Compiled C =
      Compiled.members(
          """
          static final org.apache.commons.math3.stat.descriptive.moment.GeometricMean GM =
              new org.apache.commons.math3.stat.descriptive.moment.GeometricMean();

          @Differentiable(forward = true, hessian = true)
          static double whole(double[] x) {
            return org.apache.commons.math3.stat.StatUtils.geometricMean(x);
          }

          @Differentiable
          static double part(double[] x) {
            return org.apache.commons.math3.stat.StatUtils.geometricMean(x, 1, 2);
          }

          @Differentiable
          static double object(double[] x) {
            return GM.evaluate(x);
          }
          """);

  @Test
  void valuesAreTheLibrarysAndGradientsExact() {
    for (double[] x : new double[][] {{1.5, 2.0, 4.0}, {0.25, 8.0, 3.0, 1.0}}) {
      double g = StatUtils.geometricMean(x);
      for (String name : new String[] {"whole", "object"}) {
        Map<String, Object> r = GradCheck.check(C, name, (Object) x);
        assertEquals(g, (Double) r.get("value"), 0.0);
        double[] d = (double[]) r.get("x");
        for (int i = 0; i < x.length; i++) {
          assertEquals(g / (x.length * x[i]), d[i], 1e-14 * g / x[i]);
        }
      }
      Map<String, Object> p = GradCheck.check(C, "part", (Object) x);
      assertEquals(StatUtils.geometricMean(x, 1, 2), (Double) p.get("value"), 0.0);
      assertEquals(0.0, ((double[]) p.get("x"))[0], 0.0);
    }
  }

  @Test
  void otherModesAndTheLibrarysChecks() {
    double[] x = {1.5, 2.0, 4.0};
    assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "whole", new Object[] {x}, new Random(11), 3).ran());
    double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "wholeHessian", (Object) x)).get("hessian");
    double g = StatUtils.geometricMean(x);
    // d2G/dxi dxj = G (1/n^2 - [i == j] / n) / (xi xj)
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double exact = g * (1.0 / 9 - (i == j ? 1.0 / 3 : 0)) / (x[i] * x[j]);
        assertEquals(exact, h[i][j], 1e-13);
      }
    }
    assertTrue(Double.isNaN((Double) Compiled.components(C.call("p.CGrad", "whole", (Object) new double[0])).get("value")));
  }
}
