package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Method references where a stream takes a function ({@code map(Math::exp)}, {@code reduce(0,
 * Double::sum)}, a helper's {@code C::sq}), and {@code Double.sum}, {@code max} and {@code min},
 * which Java defines as {@code a + b} and Math's.
 */
class StreamReferencesTest {
  private static final Compiled C =
      Compiled.members(
          """
          static double sq(double v) { return v * v; }

          @Differentiable(forward = true, hessian = true)
          static double sumOfExps(double[] x) {
            return java.util.Arrays.stream(x).map(Math::exp).sum();
          }

          @Differentiable(forward = true, hessian = true)
          static double sumOfSquares(double[] x) {
            return java.util.Arrays.stream(x).map(C::sq).reduce(0, Double::sum);
          }

          @Differentiable(forward = true)
          static double largest(double[] x) {
            return java.util.Arrays.stream(x).reduce(Double.NEGATIVE_INFINITY, Math::max);
          }

          @Differentiable
          static double boxes(double a, double b) {
            return Double.sum(a, b) * Double.max(a, b) + Double.min(a, 2 * b) + Float.sum(1f, 2f);
          }
          """);

  @Test
  void gradientsMatchFiniteDifferences() {
    for (double[] x : new double[][] {{0.5, -1, 2}, {1.5}, {-0.25, 0.75}}) {
      GradCheck.check(C, "sumOfExps", (Object) x);
      GradCheck.check(C, "sumOfSquares", (Object) x);
      GradCheck.check(C, "largest", (Object) x);
    }
    GradCheck.check(C, "boxes", 0.7, 1.3);
    GradCheck.check(C, "boxes", 1.7, 0.3);
  }

  @Test
  void exactValuesAndOtherModes() {
    double[] x = {0.5, -1, 2};
    Map<String, Object> g = GradCheck.check(C, "sumOfSquares", (Object) x);
    assertEquals(5.25, (Double) g.get("value"), 0.0);
    assertEquals(java.util.List.of(1.0, -2.0, 4.0),
        java.util.Arrays.stream((double[]) g.get("x")).boxed().toList());
    Map<String, Object> l = Compiled.components(C.call("p.CGrad", "largest", (Object) x));
    assertEquals(java.util.List.of(0.0, 0.0, 1.0), java.util.Arrays.stream((double[]) l.get("x")).boxed().toList());
    JvpCheck.Result r = JvpCheck.check(C, "p.C", "p.CGrad", "sumOfExps", new Object[] {x}, new java.util.Random(7), 3);
    assertTrue(r.ran());
    Map<String, Object> h = Compiled.components(C.call("p.CGrad", "sumOfSquaresHessian", (Object) x));
    double[][] hessian = (double[][]) h.get("hessian");
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(i == j ? 2.0 : 0.0, hessian[i][j], 0.0);
      }
    }
  }

  @Test
  void aFunctionObjectInAVariableIsAnErrorAtTheCall() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double[] x) {
              java.util.function.DoubleUnaryOperator g = v -> v * v;
              return java.util.Arrays.stream(x)
                  .map(g)
                  .sum();
            }
            """);
    assertFalse(c.succeeded());
    assertEquals(1, c.compilation().errors().size(), c.diagnostics());
    Diagnostic<?> d = c.compilation().errors().get(0);
    assertTrue(d.getMessage(null).contains("'map' takes a lambda or a method reference here, such as 'v -> v * v' or 'Math::exp'"), d.getMessage(null));
    assertEquals(9, d.getLineNumber());
  }
}
