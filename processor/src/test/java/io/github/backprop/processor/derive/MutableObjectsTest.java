package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Objects the method makes and changes, as users write accumulators: {@code Acc acc = new Acc();
 * acc.sum += x;} or {@code stats.push(x)} in a loop. Each is held as one local per field, which
 * its methods (and static helpers it is given) write in place.
 */
class MutableObjectsTest {
  static final String ACC =
      """
      package p;

      final class Acc {
        double sum;
        int n;

        void add(double x) {
          sum += x;
          n++;
        }

        double mean() {
          return sum / n;
        }
      }
      """;

  static final String STATS =
      """
      package p;

      /** Welford's running mean and variance. */
      final class Stats {
        private int n;
        private double mean;
        private double m2 = 0;
        final double floor;

        Stats(double floor) {
          this.floor = floor;
        }

        void push(double x) {
          n++;
          double d = x - mean;
          mean += d / n;
          m2 += d * (x - mean);
        }

        double variance() {
          return n > 1 ? m2 / (n - 1) + floor : floor;
        }
      }
      """;

  static final String SOURCE =
      """
      package p;

      import io.github.backprop.Differentiable;

      class C {
        static void bump(Acc a, double x) {
          a.sum += x * x;
        }

        @Differentiable(forward = true, hessian = true)
        static double fields(double x, double y) {
          Acc acc = new Acc();
          acc.sum += x;
          acc.sum *= y;
          acc.n = 2;
          return acc.sum * acc.sum / acc.n;
        }

        @Differentiable(forward = true, hessian = true)
        static double methods(double x, double y, int k) {
          Acc acc = new Acc();
          acc.add(x);
          for (int i = 0; i < k; i++) {
            acc.add(Math.sin(y * x * i));
          }
          bump(acc, y);
          return acc.mean() * acc.sum;
        }

        @Differentiable(forward = true, hessian = true)
        static double spread(double[] xs, double floor) {
          Stats s = new Stats(floor);
          for (double x : xs) {
            s.push(x);
          }
          return s.variance();
        }
      }
      """;

  static final Compiled C = Compiled.compileAll(Map.of("p.Acc", ACC, "p.Stats", STATS, "p.C", SOURCE));

  @Test
  void gradientsMatchFiniteDifferencesInEveryMode() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random random = new Random(2026212003L);
    double[][] points = {{0.7, -1.3}, {1.9, 0.2}, {-0.6, 1.1}};
    for (double[] pt : points) {
      Object[][] calls = {
        {"fields", pt[0], pt[1]},
        {"methods", pt[0], pt[1], 0},
        {"methods", pt[0], pt[1], 3},
        {"spread", new double[] {pt[0], pt[1], pt[0] * pt[1], 2.0}, 0.1},
        {"spread", new double[] {pt[0]}, pt[1]},
      };
      for (Object[] call : calls) {
        String name = (String) call[0];
        Object[] args = java.util.Arrays.copyOfRange(call, 1, call.length);
        GradCheck.check(C, name, args);
        assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", name, args, random, 2).ran(), name);
        HessianCheck.check(C, name, args);
      }
    }
  }

  /** Welford's variance: d var / d x_i = 2 (x_i - mean) / (n - 1), exactly as the two-pass formula's. */
  @Test
  void runningVarianceHasTheTwoPassGradient() {
    double[] xs = {1.5, -0.5, 2.0, 4.0};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "spread", xs, 0.25));
    double mean = (1.5 - 0.5 + 2.0 + 4.0) / 4;
    double[] expected = new double[4];
    double var = 0;
    for (int i = 0; i < 4; i++) {
      expected[i] = 2 * (xs[i] - mean) / 3;
      var += (xs[i] - mean) * (xs[i] - mean) / 3;
    }
    assertEquals(var + 0.25, (Double) g.get("value"), 1e-12);
    assertArrayEquals(expected, (double[]) g.get("xs"), 1e-12);
    assertEquals(1.0, (Double) g.get("floor"), 0.0);
  }
}
