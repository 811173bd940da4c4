package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A functional value chosen by a condition ({@code op = multiply ? (a, b) -> a * b : Double::sum})
 * is the one the condition picked where the choice was written, in every mode.
 */
class ChosenFunctionsTest {
  private static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true, hessian = true)
          static double combine(double x, double y, boolean multiply) {
            java.util.function.DoubleBinaryOperator op = multiply ? (a, b) -> a * b : Double::sum;
            multiply = !multiply; // the choice was made above
            return op.applyAsDouble(x, y) * x;
          }

          @Differentiable(forward = true)
          static double shape(double x, int kind) {
            java.util.function.DoubleUnaryOperator f = kind > 0 ? v -> v * v : kind < 0 ? Math::sin : v -> 2 * v;
            double s = 0;
            for (int i = 1; i <= 3; i++) {
              s += f.applyAsDouble(x * i);
            }
            return s;
          }
          """);

  @Test
  void gradientsMatchFiniteDifferencesOnEveryBranch() {
    for (boolean multiply : new boolean[] {true, false}) {
      GradCheck.check(C, "combine", 1.5, 2.5, multiply);
      GradCheck.check(C, "combine", -0.7, 0.3, multiply);
    }
    for (int kind : new int[] {-1, 0, 1}) {
      GradCheck.check(C, "shape", 0.4, kind);
      GradCheck.check(C, "shape", -1.1, kind);
    }
  }

  @Test
  void exactValuesAndOtherModes() {
    Map<String, Object> g = GradCheck.check(C, "combine", 1.5, 2.5, true);
    assertEquals(1.5 * 2.5 * 1.5, (Double) g.get("value"), 0.0);
    assertEquals(2 * 1.5 * 2.5, (Double) g.get("x"), 0.0);
    assertEquals(1.5 * 1.5, (Double) g.get("y"), 0.0);
    g = GradCheck.check(C, "combine", 1.5, 2.5, false);
    assertEquals((1.5 + 2.5) * 1.5, (Double) g.get("value"), 0.0);
    for (Object[] point : new Object[][] {{1.5, 2.5, true}, {1.5, 2.5, false}}) {
      assertEquals(true, JvpCheck.check(C, "p.C", "p.CGrad", "combine", point, new Random(3), 3).ran());
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "combineHessian", point)).get("hessian");
      boolean multiply = (Boolean) point[2];
      // x y x: [[2y, 2x], [2x, 0]];  (x + y) x: [[2, 1], [1, 0]]
      assertEquals(multiply ? 5.0 : 2.0, h[0][0], 0.0);
      assertEquals(multiply ? 3.0 : 1.0, h[0][1], 0.0);
      assertEquals(h[0][1], h[1][0], 0.0);
      assertEquals(0.0, h[1][1], 0.0);
    }
    assertEquals(true, JvpCheck.check(C, "p.C", "p.CGrad", "shape", new Object[] {0.4, -1}, new Random(5), 2).ran());
  }

  @Test
  void aChoiceOfAFunctionAndSomethingElseIsStillAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x, boolean none) {
              java.util.function.DoubleUnaryOperator g = none ? null : v -> v * v;
              return g.applyAsDouble(x);
            }
            """);
    assertFalse(c.succeeded());
  }
}
