package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Smile's {@code Gamma.digamma}, whose library has no trigamma: its derivative is the runtime's
 * {@code Polygamma.trigamma}, so Smile's {@code beta} and {@code lgamma}, whose partials call
 * digamma, differentiate to second order.
 */
class SmileDigammaTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true)
          static double digamma(double x, double y) {
            return smile.math.special.Gamma.digamma(x * y) + y * smile.math.special.Gamma.digamma(x);
          }

          @Differentiable(forward = true, hessian = true)
          static double betas(double x, double y) {
            return smile.math.special.Beta.beta(x, y) + smile.math.special.Gamma.lgamma(x * y) * y
                + smile.math.special.Gamma.gamma(x + 0.5);
          }
          """);

  private static final double[] XS = {0.35, 1.3, 2.75, 7.5};
  private static final double[] YS = {0.6, 1.9, 4.25};

  @Test
  void digammaMatchesFiniteDifferencesInBothModes() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random random = new Random(31);
    for (double x : XS) {
      for (double y : YS) {
        GradCheck.check(C, "digamma", x, y);
        JvpCheck.check(C, "p.C", "p.CGrad", "digamma", new Object[] {x, y}, random, 2);
      }
    }
  }

  /**
   * The derivative of Smile's digamma is trigamma, to 30-digit values (mpmath's psi(1, x)).
   * Hipparchus's own trigamma is 1e-13 off at 13.5: its series' x^-7 term has the wrong sign.
   */
  @Test
  void theDerivativeIsTrigamma() {
    double[][] exact = {
      {0.05, 401.53235734211511931}, {0.35, 9.2404590422058116967}, {1, 1.6449340668482264365},
      {13.5, 0.076885224601578370444}, {48.9, 0.020660422142474491259}, {49.1, 0.02057540583937017167},
      {300, 0.0033388950617146777495}
    };
    for (double[] e : exact) {
      // d/dx (digamma(x y) + y digamma(x)) at y = 1: twice trigamma(x)
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "digamma", e[0], 1.0));
      assertEquals(2 * e[1], (double) g.get("x"), 4e-15 * e[1], "at " + e[0]);
    }
  }

  @Test
  void betaAndLgammaToSecondOrder() {
    Random random = new Random(32);
    for (double x : XS) {
      for (double y : YS) {
        GradCheck.check(C, "betas", x, y);
        JvpCheck.check(C, "p.C", "p.CGrad", "betas", new Object[] {x, y}, random, 2);
        SpecialFunctionsTest.hessianCheck(C, "p.CGrad", "betas", new double[] {x, y});
      }
    }
  }

  /** Trigamma has no derivative rule: digamma itself stops at the first order, and says so. */
  @Test
  void digammasSecondDerivativeIsAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(hessian = true)
            static double f(double x) {
              return smile.math.special.Gamma.digamma(x);
            }
            """);
    assertFalse(c.succeeded());
    String message = c.compilation().errors().get(0).getMessage(null);
    assertTrue(message.contains("hessian = true does not support the second derivative")
        && message.contains("'Polygamma.trigamma'") && message.contains("the gradient and forward mode do"), message);
  }
}
