package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** if/else, else-if chains, the ternary operator, early returns, conditions that are overwritten. */
class BranchesTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double piecewise(double x, double y) {
            double z;
            if (x > 0) {
              z = x * y;
            } else if (y > 0) {
              z = Math.log(y) * x;
            } else {
              z = -x;
            }
            return z * z;
          }

          @Differentiable static double early(double x, boolean flat) {
            if (flat) {
              return 1;
            }
            double y = x * x;
            return x > 1 ? y * x : Math.sin(y);
          }

          @Differentiable static double overwrittenCondition(double x) {
            if (x > 1) {
              x = x / 2;
              if (x > 1) {
                x = Math.sqrt(x);
              }
            }
            return x * x;
          }

          @Differentiable static double nested(double x, double y, int n) {
            double z = x * y;
            x = x * x + Math.sin(z);
            if (x > 1 && n != 0) {
              double w = Math.exp(x);
              y = y * w;
              if (n > 2) return y * z;
            } else {
              y = !(x <= 0) ? Math.log(x) * y : y;
            }
            z = Math.max(z, y) + Math.pow(x * x + 1, y);
            return z * n;
          }

          @Differentiable static double ternaries(double x, double y) {
            double a = x > y ? x * x : y * y;
            double b = (a > 1 ? a : 1) * (x < 0 ? -x : x);
            return a + b * (y >= 0 ? y : 0);
          }

          @Differentiable static double guarded(double x) {
            // The branch not taken would be NaN at x <= 0; it must not leak into the gradient.
            double y = x > 0 ? Math.log(x) : x;
            return y * 2;
          }

          @Differentiable static double remainderInCondition(double x) {
            if (x % 2 > 1) {
              return x * x;
            }
            return -x;
          }

          @Differentiable static double remainderInTernaryAndBoolean(double x, double y) {
            double z = x % 2 > 1 ? x * y : y;
            boolean b = x % 3 < 1;
            return b ? z : z * 2;
          }

          @Differentiable static double allPathsReturn(double x, int mode) {
            if (mode == 0) {
              return x;
            } else if (mode == 1) {
              x = x * 3;
            }
            if (x > 2) {
              return x * x;
            }
            return Math.cos(x);
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  @Test
  void gradientsMatchFiniteDifferences() {
    for (double x : new double[] {-1.3, -0.4, 0.35, 0.8, 1.6, 3.1}) {
      for (double y : new double[] {-0.6, 0.45, 1.9}) {
        GradCheck.check(C, "piecewise", x, y);
        GradCheck.check(C, "ternaries", x, y);
        for (int n : new int[] {0, 1, 3}) {
          if (x < 1) { // beyond, exp(exp(x)) overflows and finite differences are meaningless
            GradCheck.check(C, "nested", x, y, n);
          }
        }
      }
      GradCheck.check(C, "early", x, true);
      GradCheck.check(C, "early", x, false);
      GradCheck.check(C, "overwrittenCondition", x * 2);
      GradCheck.check(C, "guarded", x);
      GradCheck.check(C, "remainderInCondition", x);
      GradCheck.check(C, "remainderInTernaryAndBoolean", x, 1.2);
      for (int mode = 0; mode < 3; mode++) {
        GradCheck.check(C, "allPathsReturn", x, mode);
      }
    }
  }

  @Test
  void untakenBranchDoesNotMakeNaN() {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "guarded", -1.0));
    assertEquals(2.0, g.get("x"));
    g = Compiled.components(C.call("p.CGrad", "guarded", 0.0));
    assertEquals(2.0, g.get("x"));
  }
}
