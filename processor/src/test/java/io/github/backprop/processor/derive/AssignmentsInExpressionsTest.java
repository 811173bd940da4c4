package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Assignments and increments used as values, with Java's left-to-right evaluation kept: an
 * operand read before an assignment to what it reads keeps the value it had.
 */
class AssignmentsInExpressionsTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double chained(double x) {
            double a, b;
            a = b = x * x;
            return a * b + (a = 2 * x) * a;
          }

          @Differentiable static double increments(double x, double[] w) {
            int i = 0;
            double s = 0;
            s += w[i++] * x;
            s += w[i++] * x * x;
            int j = i++;
            double xcopy = x;
            double second = 0;
            second += w[j] / ++xcopy;
            second += w[0] / xcopy++;
            return s + second * xcopy;
          }

          @Differentiable static double orderKept(double x) {
            double y = x;
            double r = y + (y = 3 * x) * y;
            double t = (y = x * x) + y;
            return r + t;
          }

          @Differentiable static double nested(double x) {
            double t;
            double s = 1;
            s += (t = x * x);
            return s * t;
          }

          @Differentiable static double inCondition(double x) {
            double y = x;
            int n = 0;
            while ((y = y * 0.5) > 0.3 && n < 50) {
              n++;
            }
            return y * x + n;
          }

          @Differentiable static double storeIndexFirst(double x) {
            double[] w = {x, 2 * x, 3 * x};
            int i = 0;
            w[i] = i++ + x * w[2];
            w[i++] = w[i] * x;
            return w[0] + w[1] * w[2];
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double x : new double[] {-1.2, 0.4, 1.7, 3.0}) {
      GradCheck.check(C, "chained", x);
      GradCheck.check(C, "increments", x, new double[] {0.5, -1.5, 2.0});
      GradCheck.check(C, "orderKept", x);
      GradCheck.check(C, "nested", x);
      GradCheck.check(C, "inCondition", x);
      GradCheck.check(C, "storeIndexFirst", x);
    }
  }

  @Test
  void valuesFollowJavasEvaluationOrder() {
    for (double x : new double[] {-1.2, 0.4, 1.7}) {
      for (String m : new String[] {"chained", "orderKept", "storeIndexFirst", "nested"}) {
        double primal = (double) C.call("p.C", m, x);
        Map<String, Object> g = Compiled.components(C.call("p.CGrad", m, x));
        assertEquals(primal, (double) g.get("value"), 0.0, m);
      }
    }
    // y + (y = 3x) * y at x = 1: 1 + 3 * 3; (y = x * x) + y: 1 + 1.
    assertEquals(12.0, (double) C.call("p.C", "orderKept", 1.0));
    // d/dx of x + 9x^2 + 2x^2 = 1 + 22x.
    assertEquals(23.0, (double) Compiled.components(C.call("p.CGrad", "orderKept", 1.0)).get("x"), 1e-12);
  }
}
