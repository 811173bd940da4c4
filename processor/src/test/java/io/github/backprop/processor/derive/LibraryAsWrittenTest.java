package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What real library code writes and backprop now takes: Strata's {@code MathUtils.pow2} to {@code
 * pow4} (its SABR formulas call them), and a {@code @SuppressWarnings("unused")} local, as Colt's
 * incomplete beta declares one.
 */
class LibraryAsWrittenTest {
  private static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true, hessian = true)
          static double powers(double x, double y) {
            return com.opengamma.strata.math.MathUtils.pow2(x * y)
                + com.opengamma.strata.math.MathUtils.pow3(x - y)
                + com.opengamma.strata.math.MathUtils.pow4(y) / 8;
          }

          @Differentiable(forward = true, hessian = true)
          static double suppressed(double x) {
            @SuppressWarnings("unused")
            int i;
            @java.lang.SuppressWarnings({"unused"}) double unused = 0;
            return x * Math.exp(-x);
          }
          """);

  @Test
  void strataPow2ToPow4HaveRulesSabrHaganCallsPow2() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] p : new double[][] {{0.5, 1.5}, {-1.2, 0.3}, {2.0, -0.7}}) {
      double x = p[0];
      double y = p[1];
      Map<String, Object> r = GradCheck.check(C, "powers", x, y);
      assertEquals(2 * x * y * y + 3 * (x - y) * (x - y), (Double) r.get("x"), 1e-12);
      assertEquals(2 * x * x * y - 3 * (x - y) * (x - y) + y * y * y / 2, (Double) r.get("y"), 1e-12);
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "powers", new Object[] {x, y}, new Random(3), 2).ran());
      HessianCheck.check(C, "powers", new Object[] {x, y});
    }
  }

  @Test
  void aSuppressWarningsLocalIsTakenColtIncompleteBetaDeclaresOne() {
    for (double x : new double[] {0.3, 1.0, 2.5}) {
      Map<String, Object> r = GradCheck.check(C, "suppressed", x);
      assertEquals((1 - x) * Math.exp(-x), (Double) r.get("x"), 1e-14);
      HessianCheck.check(C, "suppressed", new Object[] {x});
    }
  }
}
