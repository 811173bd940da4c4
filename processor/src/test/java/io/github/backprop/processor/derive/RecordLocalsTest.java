package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Differentiable} callee called in branches, as the benchmarks' {@code Normal.cdf}
 * calls {@code expHalfSquare}: its result record is declared where it is called (escape analysis
 * can remove it), and the reverse sweep reads the partials it needs from scalar locals.
 */
class RecordLocalsTest {
  private static final Compiled C =
      Compiled.members(
          """
          @Differentiable
          public static double tail(double y) {
            double u = Math.floor(y * 16) / 16;
            return Math.exp(-u * u * 0.5) * Math.exp(-(y - u) * (y + u) * 0.5);
          }

          @Differentiable
          public static double cdfLike(double x) {
            double y = Math.abs(x);
            if (y <= 0.5) {
              return 0.5 + x * (1 - x * x / 6);
            } else if (y <= 4) {
              double q = tail(y) * (y + 2) / (y * y + 3);
              return x > 0 ? 1 - q : q;
            }
            double s = 1 / (y * y);
            double q = tail(y) * (0.4 - s) / y;
            return x > 0 ? 1 - q : q;
          }
          """);

  @Test
  void calleeRecordInABranchIsDeclaredWhereItIsCalled() {
    String grad = C.source("p.CGrad");
    assertFalse(grad.contains("Tail _g0 = null;"), grad);
    assertTrue(grad.contains("Tail _g0 = CGrad.tail(y);"), grad);
    for (double x : new double[] {0.3, -0.3, 1.1, -2.5, 3.9, 4.5, -7.25}) {
      Map<String, Object> r = GradCheck.check(C, "cdfLike", x);
      assertEquals(C.call("p.C", "cdfLike", x), r.get("value"));
    }
  }
}
