package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An anonymous class implementing a functional interface, as code written before Java 8 or
 * against its own interface does, is read as the lambda it spells out, in every mode.
 */
class AnonymousFunctionsTest {
  private static final Compiled C =
      Compiled.members(
          """
          interface Kernel {
            double at(double u);
          }

          static double integrate(Kernel k, double a, double b, int n) {
            double h = (b - a) / n;
            double s = 0;
            for (int i = 0; i < n; i++) {
              s += k.at(a + (i + 0.5) * h) * h;
            }
            return s;
          }

          @Differentiable(forward = true, hessian = true)
          static double twice(double x) {
            java.util.function.DoubleUnaryOperator f = new java.util.function.DoubleUnaryOperator() {
              @Override
              public double applyAsDouble(double t) {
                return Math.sin(t) * x;
              }
            };
            return f.applyAsDouble(x) + f.applyAsDouble(2 * x);
          }

          @Differentiable(forward = true, hessian = true)
          static double smoothed(double scale, double width) {
            Kernel gauss = new Kernel() {
              public double at(double u) {
                double z = u / width;
                return scale * Math.exp(-0.5 * z * z);
              }
            };
            return integrate(gauss, -1, 1, 20);
          }

          @Differentiable(forward = true, hessian = true)
          static double branchy(double x, double y) {
            java.util.function.DoubleBinaryOperator op = new java.util.function.DoubleBinaryOperator() {
              public double applyAsDouble(double a, double b) {
                if (a > b) {
                  return a * b;
                }
                return a + b * b;
              }
            };
            return op.applyAsDouble(x, y);
          }
          """);

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double x : new double[] {0.7, -1.3, 2.2}) {
      GradCheck.check(C, "twice", x);
      GradCheck.check(C, "smoothed", x, 0.9);
      GradCheck.check(C, "branchy", x, 0.3);
    }
  }

  @Test
  void exactValuesAndOtherModes() {
    double x = 0.7;
    Map<String, Object> g = GradCheck.check(C, "twice", x);
    // x sin x + x sin 2x
    assertEquals(Math.sin(x) * x + Math.sin(2 * x) * x, (Double) g.get("value"), 0.0);
    assertEquals(Math.sin(x) + x * Math.cos(x) + Math.sin(2 * x) + 2 * x * Math.cos(2 * x), (Double) g.get("x"), 1e-15);
    g = GradCheck.check(C, "branchy", 0.7, 0.3);
    assertEquals(0.3, (Double) g.get("x"), 0.0);
    assertEquals(0.7, (Double) g.get("y"), 0.0);
    double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "branchyHessian", 0.2, 0.3)).get("hessian");
    // a + b²: [[0, 0], [0, 2]]
    assertEquals(0.0, h[0][0], 0.0);
    assertEquals(0.0, h[0][1], 0.0);
    assertEquals(2.0, h[1][1], 0.0);
    for (String m : new String[] {"twice", "smoothed"}) {
      Object[] point = m.equals("twice") ? new Object[] {0.7} : new Object[] {0.7, 0.9};
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", m, point, new Random(7), 3).ran());
    }
  }
}
