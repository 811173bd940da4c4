package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code %} on doubles: {@code x % y == x - n * y} with n an integer constant between jumps, so
 * d/dx = 1 and d/dy = -n, Clad's rule for {@code fmod}. Points sit away from the jumps.
 */
class RemainderTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double rem(double x, double y) {
            return x % y;
          }

          @Differentiable static double compound(double x, double y, int k) {
            double r = x * x;
            r %= y;
            r %= k;
            return r * x + (x % 1.5);
          }

          @Differentiable static double elements(double[] a, double y) {
            for (int i = 0; i < a.length; i++) {
              a[i] %= y;
            }
            return a[0] * a[1] + a[2] % (y * y);
          }

          @Differentiable static double wrap(double theta) {
            double t = theta % (2 * Math.PI);
            return Math.sin(t) * t;
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  private static Map<String, Object> grad(String name, Object... args) {
    return Compiled.components(C.call("p.CGrad", name, args));
  }

  @Test
  void partialsAreOneAndMinusTheQuotient() {
    assertEquals(Map.of("value", 7.5 % 2.0, "x", 1.0, "y", -3.0), grad("rem", 7.5, 2.0));
    assertEquals(Map.of("value", -7.5 % 2.0, "x", 1.0, "y", 3.0), grad("rem", -7.5, 2.0));
    assertEquals(Map.of("value", 7.5 % -2.0, "x", 1.0, "y", 3.0), grad("rem", 7.5, -2.0));
    assertEquals(Map.of("value", 0.5 % 2.0, "x", 1.0, "y", -0.0), grad("rem", 0.5, 2.0));
    // 0.3 / 0.1 rounds to 2.9999999999999996, but % takes n = 2
    assertEquals(-2.0, grad("rem", 0.3, 0.1).get("y"));
    assertEquals(-3.0, grad("rem", 0.30000000000000004, 0.1).get("y"));
  }

  @Test
  void matchesFiniteDifferences() {
    for (double[] p : new double[][] {{7.3, 2.1}, {-7.3, 2.1}, {7.3, -2.1}, {0.4, 3.0}, {100.25, 0.7}}) {
      GradCheck.check(C, "rem", p[0], p[1]);
    }
    for (double x : new double[] {-2.2, 1.3, 3.1}) {
      for (double y : new double[] {0.9, -1.7}) {
        GradCheck.check(C, "compound", x, y, 2);
      }
    }
    GradCheck.check(C, "elements", new double[] {3.35, -4.1, 5.5}, 1.3);
    GradCheck.check(C, "elements", new double[] {0.2, 7.7, -2.6}, -2.9);
    for (double theta : new double[] {-7.0, 1.0, 9.5, 20.0}) {
      GradCheck.check(C, "wrap", theta);
    }
  }
}
