package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.hipparchus.special.elliptic.carlson.CarlsonEllipticIntegral;
import org.hipparchus.special.elliptic.legendre.LegendreEllipticIntegral;
import org.junit.jupiter.api.Test;

/**
 * Hipparchus's Carlson integral {@code rF}, as {@code LegendreEllipticIntegral.bigK} calls it:
 * each partial is {@code -rD / 6} of the arguments turned so the one differentiated is last.
 */
class CarlsonRfTest {
  private static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true)
          static double rF(double x, double y, double z) {
            return org.hipparchus.special.elliptic.carlson.CarlsonEllipticIntegral.rF(x, y, z);
          }

          @Differentiable
          static double bigK(double m) {
            if (m < 1.0e-8) {
              return (1 + 0.25 * m) * org.hipparchus.util.MathUtils.SEMI_PI;
            }
            return org.hipparchus.special.elliptic.carlson.CarlsonEllipticIntegral.rF(0, 1.0 - m, 1);
          }
          """);

  @Test
  void rFGradientsAgainstDifferencesAndExactOnTheDiagonal() {
    for (double[] p : new double[][] {{0.5, 1.0, 2.0}, {3.0, 0.25, 1.5}, {0.05, 4.0, 9.0}}) {
      Map<String, Object> r = GradCheck.check(C, "rF", p[0], p[1], p[2]);
      assertEquals(CarlsonEllipticIntegral.rF(p[0], p[1], p[2]), (Double) r.get("value"), 0.0);
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "rF", new Object[] {p[0], p[1], p[2]}, new Random(13), 3).ran());
    }
    for (double x : new double[] {0.5, 2.0, 7.0}) {
      // rF(x, x, x) = x^(-1/2); by symmetry each partial is a third of -x^(-3/2)/2
      Map<String, Object> r = GradCheck.check(C, "rF", x, x, x);
      for (String name : new String[] {"x", "y", "z"}) {
        assertEquals(-Math.pow(x, -1.5) / 6, (Double) r.get(name), 1e-14);
      }
    }
  }

  @Test
  void theCompleteIntegralOfTheFirstKind() {
    for (double m : new double[] {0.3, 0.8, 0.95}) {
      Map<String, Object> r = GradCheck.check(C, "bigK", m);
      double k = LegendreEllipticIntegral.bigK(m);
      double e = LegendreEllipticIntegral.bigE(m);
      assertEquals(k, (Double) r.get("value"), 0.0);
      // dK/dm = (E - (1 - m) K) / (2 m (1 - m))
      assertEquals((e - (1 - m) * k) / (2 * m * (1 - m)), (Double) r.get("m"), 1e-12);
    }
  }
}
