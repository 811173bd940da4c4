package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

/**
 * Commons Math 3's statistic objects held in locals, as users write them ({@code Mean m = new
 * Mean(); m.evaluate(x)}), and {@code StandardDeviation}: written out as the library computes
 * them, so values are the library's to the bit and gradients exact.
 */
class StatisticObjectsTest {
  private static final String M = "org.apache.commons.math3.stat.descriptive.moment.";

  private static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true, hessian = true)
          static double variance(double[] x) {
            M.Variance v = new M.Variance();
            return v.evaluate(x);
          }

          @Differentiable(forward = true)
          static double zScore(double[] x, double y) {
            var mean = new M.Mean();
            M.StandardDeviation sd = new M.StandardDeviation(false);
            return (y - mean.evaluate(x)) / sd.evaluate(x);
          }

          @Differentiable
          static double partSd(double[] x) {
            org.apache.commons.math3.stat.descriptive.UnivariateStatistic s = new M.StandardDeviation();
            return s.evaluate(x, 1, 2);
          }

          @Differentiable(hessian = true)
          static double sdAbout(double[] x, double c) {
            final M.StandardDeviation sd = (new M.StandardDeviation());
            return sd.evaluate(x, c);
          }
          """.replace("M.", M));

  private static final double[][] POINTS = {{1.5, 2.0, 4.0}, {0.25, -8.0, 3.0, 1.0}, {3.0, 3.5, -1.25, 7.0, 2.0}};

  @Test
  void aLocalVarianceIsTheLibrarysWithExactGradientAndHessian() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] x : POINTS) {
      int n = x.length;
      double mean = new Mean().evaluate(x);
      Map<String, Object> r = GradCheck.check(C, "variance", (Object) x);
      assertEquals(new Variance().evaluate(x), (Double) r.get("value"), 0.0);
      double[] d = (double[]) r.get("x");
      for (int i = 0; i < n; i++) {
        assertEquals(2 * (x[i] - mean) / (n - 1), d[i], 1e-13);
      }
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "varianceHessian", (Object) x)).get("hessian");
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          assertEquals(2.0 / (n - 1) * ((i == j ? 1 : 0) - 1.0 / n), h[i][j], 1e-13);
        }
      }
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "variance", new Object[] {x}, new Random(3), 3).ran());
    }
  }

  @Test
  void aLocalMeanAndStandardDeviationGiveTheLibrarysZScore() {
    for (double[] x : POINTS) {
      int n = x.length;
      double y = 1.75;
      double m = new Mean().evaluate(x);
      double sigma = new StandardDeviation(false).evaluate(x);
      Map<String, Object> r = GradCheck.check(C, "zScore", x, y);
      assertEquals((y - m) / sigma, (Double) r.get("value"), 0.0);
      assertEquals(1 / sigma, (Double) r.get("y"), 1e-13);
      double[] d = (double[]) r.get("x");
      for (int i = 0; i < n; i++) {
        double dSigma = (x[i] - m) / (n * sigma);
        assertEquals(-1 / (n * sigma) - (y - m) / (sigma * sigma) * dSigma, d[i], 1e-12);
      }
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "zScore", new Object[] {x, y}, new Random(5), 3).ran());
    }
  }

  @Test
  void aStandardDeviationOfAPartAndAboutAGivenMean() {
    for (double[] x : POINTS) {
      Map<String, Object> r = GradCheck.check(C, "partSd", (Object) x);
      assertEquals(new StandardDeviation().evaluate(x, 1, 2), (Double) r.get("value"), 0.0);
      double[] d = (double[]) r.get("x");
      assertEquals(0.0, d[0], 0.0);
      // two values: sd = |x1 - x2| / sqrt(2)
      assertEquals(Math.signum(x[1] - x[2]) / Math.sqrt(2), d[1], 1e-13);
      double c = 0.5;
      Map<String, Object> about = GradCheck.check(C, "sdAbout", x, c);
      assertEquals(new StandardDeviation().evaluate(x, c), (Double) about.get("value"), 0.0);
      HessianCheck.check(C, "sdAbout", new Object[] {x, c});
    }
  }
}
