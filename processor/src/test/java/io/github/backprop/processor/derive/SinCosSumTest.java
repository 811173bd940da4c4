package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.hipparchus.util.FastMath;
import org.hipparchus.util.SinCos;
import org.junit.jupiter.api.Test;

/**
 * Hipparchus's {@code SinCos.sum} and {@code SinCos.difference} of {@code SinCos} locals, as
 * Orekit's JB2008 writes them: each part the library's {@code linearCombination}, so values are
 * the library's to the bit.
 */
class SinCosSumTest {
  private static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true, hessian = true)
          static double harmonics(double tau, double a, double b) {
            final org.hipparchus.util.SinCos sc1 = org.hipparchus.util.FastMath.sinCos(tau);
            final org.hipparchus.util.SinCos sc2 = org.hipparchus.util.SinCos.sum(sc1, sc1);
            final org.hipparchus.util.SinCos sc12 = org.hipparchus.util.SinCos.sum(sc1, sc2);
            var sc3 = org.hipparchus.util.SinCos.difference(sc2, sc12);
            return a * sc1.sin() + b * sc2.cos() + sc2.sin() * sc3.cos() - sc3.sin();
          }
          """);

  private static double library(double tau, double a, double b) {
    SinCos sc1 = FastMath.sinCos(tau);
    SinCos sc2 = SinCos.sum(sc1, sc1);
    SinCos sc3 = SinCos.difference(sc2, SinCos.sum(sc1, sc2));
    return a * sc1.sin() + b * sc2.cos() + sc2.sin() * sc3.cos() - sc3.sin();
  }

  @Test
  void sumsAndDifferencesAreTheLibrarysWithExactGradients() {
    for (double tau : new double[] {0.3, -1.7, 2.9, 12.5}) {
      double a = 1.25;
      double b = -0.5;
      Map<String, Object> r = GradCheck.check(C, "harmonics", tau, a, b);
      assertEquals(library(tau, a, b), (Double) r.get("value"), 0.0);
      // sc3 is the angle -tau: sin(2 tau) cos(tau) + sin(tau)
      double exact = a * Math.cos(tau) - 2 * b * Math.sin(2 * tau)
          + 2 * Math.cos(2 * tau) * Math.cos(tau) - Math.sin(2 * tau) * Math.sin(tau) + Math.cos(tau);
      assertEquals(exact, (Double) r.get("tau"), 1e-12);
      assertEquals(Math.sin(tau), (Double) r.get("a"), 1e-15);
      assertEquals(Math.cos(2 * tau), (Double) r.get("b"), 1e-15);
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "harmonics", new Object[] {tau, a, b}, new Random(7), 3).ran());
      HessianCheck.check(C, "harmonics", new Object[] {tau, a, b});
    }
  }
}
