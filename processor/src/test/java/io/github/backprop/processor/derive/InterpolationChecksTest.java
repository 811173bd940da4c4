package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interpolators' check of their abscissae, {@code
 * PolynomialFunctionLagrangeForm.verifyInterpolationArray} of Hipparchus and Commons Math 3, only
 * reads the arrays it is given: a method that calls it on differentiated arrays (as
 * Hipparchus' {@code DividedDifferenceInterpolator.computeDividedDifference} does) differentiates,
 * and the check still throws where the library throws.
 */
class InterpolationChecksTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import org.hipparchus.analysis.polynomials.PolynomialFunctionLagrangeForm;

          class C {
            @Differentiable
            static double firstSlope(double[] x, double[] y) {
              PolynomialFunctionLagrangeForm.verifyInterpolationArray(x, y, true);
              return (y[1] - y[0]) / (x[1] - x[0]);
            }

            @Differentiable
            static double lastSlopeIfSorted(double[] x, double[] y) {
              int n = x.length;
              if (!org.apache.commons.math3.analysis.polynomials.PolynomialFunctionLagrangeForm
                  .verifyInterpolationArray(x, y, false)) {
                return 0;
              }
              return (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
            }
          }
          """);

  @Test
  void verifyInterpolationArrayOnlyReadsItsArrays() {
    assertTrue(C.succeeded(), C.diagnostics());
    double[] x = {0.5, 1.25, 3.0};
    double[] y = {2.0, -1.0, 0.75};
    Map<String, Object> g = GradCheck.check(C, "firstSlope", x.clone(), y.clone());
    double slope = (y[1] - y[0]) / (x[1] - x[0]);
    assertEquals(slope, (double) g.get("value"), 0.0);
    assertEquals(-1 / (x[1] - x[0]), ((double[]) g.get("y"))[0], 1e-15);
    assertEquals(slope / (x[1] - x[0]), ((double[]) g.get("x"))[0], 1e-15);
    GradCheck.check(C, "lastSlopeIfSorted", x.clone(), y.clone());
  }

  @Test
  void theCheckStillThrowsAndAnswers() {
    double[] unsorted = {1.0, 0.5, 3.0};
    double[] y = {2.0, -1.0, 0.75};
    assertEquals(
        "org.hipparchus.exception.MathIllegalArgumentException",
        thrown(() -> C.call("p.CGrad", "firstSlope", unsorted.clone(), y.clone())));
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "lastSlopeIfSorted", unsorted.clone(), y.clone()));
    assertEquals(0.0, (double) g.get("value"), 0.0);
  }

  private static String thrown(Runnable r) {
    try {
      r.run();
    } catch (AssertionError | RuntimeException e) {
      Throwable t = e;
      while (t.getCause() != null) {
        t = t.getCause();
      }
      return t.getClass().getName();
    }
    return "nothing";
  }
}
