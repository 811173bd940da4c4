package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * Hipparchus's FastMath (compiled against the real jar) is differentiated by the same rows as
 * java.lang.Math; a function the table has no row for is an error naming it.
 */
class FastMathTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import org.hipparchus.util.FastMath;

          class C {
            @Differentiable static double f(double x, double y) {
              double r = FastMath.hypot(x, y);
              double a = FastMath.atan2(y, x);
              double e = FastMath.exp(-r) * FastMath.log(1 + r * r);
              double p = FastMath.pow(FastMath.abs(x) + 1, y) + FastMath.pow(r, 3);
              return e * FastMath.sin(a) + FastMath.sqrt(p) + FastMath.cos(x * y) * FastMath.tanh(y)
                  + FastMath.max(x, y) + FastMath.cbrt(x) + FastMath.floor(y) * x;
            }

            @Differentiable static double loop(double[] w, double t) {
              double s = 0;
              for (int i = 0; i < w.length; i++) {
                s += FastMath.log1p(FastMath.exp(w[i] * t)) + FastMath.expm1(w[i]) * FastMath.sinh(t)
                    + FastMath.pow(w[i], 2) + FastMath.asin(FastMath.tanh(w[i])) + FastMath.atan(t * i);
              }
              return s;
            }
          }
          """);

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double x : new double[] {-1.3, 0.4, 2.1}) {
      for (double y : new double[] {-0.6, 0.9}) {
        GradCheck.check(C, "f", x, y);
      }
      GradCheck.check(C, "loop", new double[] {0.3, -0.8, 1.7}, x);
    }
    String grad = C.source("p.CGrad");
    assertTrue(grad.contains("FastMath.hypot(x, y)"), grad); // the primal calls what the source does
    assertFalse(grad.contains("annotate"), grad);
  }

  @Test
  void aFunctionWithNoRowIsAnErrorNamingIt() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x) {
              return org.hipparchus.util.FastMath.asinh(x);
            }
            """);
    assertFalse(c.succeeded());
    assertTrue(c.diagnostics().contains("[BackpropNoDerivative] FastMath.asinh has no derivative rule"), c.diagnostics());
  }
}
