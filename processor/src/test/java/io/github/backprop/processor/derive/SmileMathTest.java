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
 * Smile 1.x's {@code smile.math.Math} functions that {@code java.lang.Math} has no twin of
 * ({@code sqr}, {@code log2}, {@code logistic}), as Smile's own code calls them (Smile's {@code
 * KSTest.invqks} squares with {@code Math.sqr}): each differentiates in every mode, its value the
 * library's.
 */
class SmileMathTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import smile.math.Math;

          class C {
            @Differentiable(forward = true, hessian = true)
            static double sqrOfSmileMath(double q, double y) {
              return q / Math.sqr(1. + Math.pow(y, 4)) + Math.sqr(q - y);
            }

            @Differentiable(forward = true, hessian = true)
            static double log2AndLogistic(double x, double w) {
              return Math.log2(x * w) + Math.logistic(w - x) * x;
            }
          }
          """);

  @Test
  void sqrOfSmileMath() {
    assertTrue(C.succeeded(), C.diagnostics());
    Map<String, Object> g = GradCheck.check(C, "sqrOfSmileMath", 0.7, 1.3);
    double d = 1 + java.lang.Math.pow(1.3, 4);
    assertEquals(0.7 / (d * d) + (0.7 - 1.3) * (0.7 - 1.3), (double) g.get("value"), 0.0);
    assertEquals(1 / (d * d) + 2 * (0.7 - 1.3), (double) g.get("q"), 1e-14);
    JvpCheck.check(C, "p.C", "p.CGrad", "sqrOfSmileMath", new Object[] {0.7, 1.3}, new Random(5), 2);
  }

  @Test
  void log2AndLogistic() {
    for (double[] p : new double[][] {{0.7, 1.3}, {2.5, 0.4}, {0.3, 45.0}}) {
      GradCheck.check(C, "log2AndLogistic", p[0], p[1]);
      JvpCheck.check(C, "p.C", "p.CGrad", "log2AndLogistic", new Object[] {p[0], p[1]}, new Random(6), 2);
    }
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "log2AndLogistic", 0.7, 1.3));
    double s = smile.math.Math.logistic(0.6);
    assertEquals(1 / (0.7 * java.lang.Math.log(2)) - s * (1 - s) * 0.7 + s, (double) g.get("x"), 1e-14);
  }
}
