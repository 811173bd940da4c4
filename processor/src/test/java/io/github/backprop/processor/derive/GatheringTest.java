package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The updates of one gradient element are brought together ({@code Gathering}), past updates of
 * elements that are provably others, so the gradients are the same to the bit as the reverse
 * sweep in statement order, written out by hand here; an update of an element that may be the
 * same as another stays where it is.
 */
class GatheringTest {
  static final Compiled C =
      Compiled.members(
          """
      @Differentiable
      static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
          double t = x[i + 1] - x[i] * x[i];
          double u = 1 - x[i];
          sum += 100 * t * t + u * u;
        }
        return sum;
      }

      @Differentiable
      static double rows(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
          for (int k = 0; k + 1 < m[i].length; k++) {
            double t = m[i][k + 1] - m[i][k] * m[i][k];
            double u = 1 - m[i][k];
            s += 3 * t * t + u * u;
          }
        }
        return s;
      }

      @Differentiable
      static double rebound(double x, double y, boolean first) {
        double[] a = {x, y};
        double[] b = {y * y, x};
        double[] c = first ? a : b;
        c[0] = c[0] * c[1];
        c = new double[] {c[0] + 1, c[1]};
        return a[0] * 3 + b[0] * 5 + c[0] * 7;
      }

      @Differentiable(wrt = "x")
      static double maybeSame(double[] x, int j) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
          double a = Math.cos(x[i]) + Math.sin(x[j]);
          double b = Math.exp(x[j]);
          s += a * b;
        }
        return s;
      }
      """);

  @Test
  void theTwoUpdatesOfOneElementPerIterationAreAdjacentAndTheGradientIsBitIdentical() {
    String grad = C.source("p.CGrad");
    assertTrue(lines(grad).contains(String.join("\n", "_d_x[i] -= _d_u;",
        "// grad of: double t = x[i + 1] - x[i] * x[i];", "_d_x[i] -= 2 * _d_t * x[i];", "_d_x[i + 1] += _d_t;")), grad);
    SplittableRandom r = new SplittableRandom(2026120701L);
    for (int n : new int[] {0, 1, 2, 7, 40}) {
      double[] x = uniform(r, n, 3);
      double[] expected = new double[n];
      for (int i = 0; i < n - 1; i++) {
        // the reverse sweep in statement order
        double t = x[i + 1] - x[i] * x[i];
        double u = 1 - x[i];
        double dt = 200 * t;
        double du = 2 * u;
        expected[i] -= du;
        expected[i + 1] += dt;
        expected[i] -= 2 * dt * x[i];
      }
      assertArrayEquals(expected, (double[]) Compiled.components(C.call("p.CGrad", "rosenbrock", (Object) x)).get("x"));
    }
    GradCheck.check(C, "rosenbrock", (Object) uniform(r, 6, 1.5));
  }

  @Test
  void theRowsOfAMatrixGatherTooBitIdentically() {
    assertTrue(lines(C.source("p.CGrad")).contains("_d_m[i][k] -= _d_u;\n"
        + "// grad of: double t = m[i][k + 1] - m[i][k] * m[i][k];\n"
        + "_d_m[i][k] -= 2 * _d_t * m[i][k];\n_d_m[i][k + 1] += _d_t;"), C.source("p.CGrad"));
    SplittableRandom r = new SplittableRandom(2026120702L);
    double[][] m = {uniform(r, 5, 2), uniform(r, 1, 2), uniform(r, 9, 2)};
    double[][] expected = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      expected[i] = new double[m[i].length];
      for (int k = m[i].length - 2; k >= 0; k--) {
        double t = m[i][k + 1] - m[i][k] * m[i][k];
        double u = 1 - m[i][k];
        double dt = 6 * t;
        double du = 2 * u;
        expected[i][k] -= du;
        expected[i][k + 1] += dt;
        expected[i][k] -= 2 * dt * m[i][k];
      }
    }
    double[][] got = (double[][]) Compiled.components(C.call("p.CGrad", "rows", (Object) m)).get("m");
    for (int i = 0; i < m.length; i++) {
      assertArrayEquals(expected[i], got[i], "row " + i);
    }
    GradCheck.check(C, "rows", (Object) new double[][] {uniform(r, 4, 1.5), uniform(r, 3, 1.5)});
  }

  @Test
  void anElementThatMayBeAnotherKeepsItsOrder() {
    SplittableRandom r = new SplittableRandom(2026120703L);
    for (int trial = 0; trial < 20; trial++) {
      double[] x = uniform(r, 12, 2);
      int j = r.nextInt(x.length);
      double[] expected = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        // when i == j the three updates of x[j] add in this order
        double a = Math.cos(x[i]) + Math.sin(x[j]);
        double b = Math.exp(x[j]);
        expected[j] += a * b;
        expected[i] -= b * Math.sin(x[i]);
        expected[j] += b * Math.cos(x[j]);
      }
      double[] got = (double[]) Compiled.components(C.call("p.CGrad", "maybeSame", x, j)).get("x");
      assertArrayEquals(expected, got, "j = " + j);
    }
    GradCheck.check(C, "maybeSame", uniform(r, 5, 1), 2);
  }

  /** The source with each line's indentation taken off. */
  private static String lines(String source) {
    return source.replaceAll("(?m)^\\s+", "");
  }

  private static double[] uniform(SplittableRandom r, int n, double scale) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextDouble(-scale, scale);
    }
    return out;
  }

  @Test
  void anUpdateMovedAboveTheRebindingOfItsOwnAdjointArray() {
    // _d_c[0] += ... moved above _d_c = first ? _d_a : _d_b added into the new c's adjoint.
    for (double[] p : new double[][] {{0.5, -0.3}, {1.7, 2.1}, {-0.8, 0.4}}) {
      GradCheck.check(C, "rebound", p[0], p[1], true);
      GradCheck.check(C, "rebound", p[0], p[1], false);
    }
  }
}
