package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Straight-line code: operators, locals, literals, constants, reassignment, compound assignment. */
class StraightLineTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          static final double K = 0.25;
          private static final double HIDDEN = 3;

          @Differentiable static double quadratic(double x) { return 2 * x * x - 3 * x + 4; }

          @Differentiable static double loss(double a, double b, double c, double f) {
            double e = a * b + c;
            return e * f;
          }

          @Differentiable static double sumTimes(double a, double b, double c) {
            var d = a + b;
            return d * c;
          }

          @Differentiable static double ops(double x, double y) {
            return -x / y - (x - y) * (x + y) / (x * y) + -(-x) + +y;
          }

          @Differentiable static double reassign(double x, double y) {
            double z = x * y;
            x = x * x;
            z += x * y;
            z *= y;
            z -= x / y;
            z /= x;
            y = z * y;
            return z + y;
          }

          @Differentiable static double ints(double x, int n, long m, boolean b) {
            int k = n / 2;
            double s = x * k + m;
            k = k + 1;
            s = s * x + k + (b ? 1 : 0) + n / 4 * x;
            k++;
            s -= k;
            return s * (1 / 2 + 1.0 / 2);
          }

          @Differentiable static double constants(double x) {
            return Math.PI * x + Math.E * x * x + K * x + HIDDEN * x + StrictMath.PI;
          }

          @Differentiable static double selfProducts(double x) {
            x = x * x;
            x = x * x * x;
            x = -x;
            return x;
          }

          @Differentiable static double casts(double x, int n) {
            double y = (double) n * x;
            int t = (int) (x * 10);
            return y + t + (double) (long) x * 0 + x * (int) 2.7;
          }

          @Differentiable static double integerOps(double x, int n) {
            int r = n % 3;
            r %= 2;
            ++r;
            --r;
            long q = 5L + r;
            ;
            return x * q + x * x * (n % 2);
          }

          @Differentiable static double unused(double x, double y) {
            double dead = Math.log(y);
            return x * 3;
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  @ParameterizedTest
  @ValueSource(doubles = {-2, -0.75, 0.3, 0.75, 2, 6})
  void scalarFunctions(double p) {
    GradCheck.check(C, "quadratic", p);
    GradCheck.check(C, "loss", p, -2.0, 8.0, p * 3);
    GradCheck.check(C, "sumTimes", p, -3.0, 2 * p);
    GradCheck.check(C, "ops", p, 1.7);
    GradCheck.check(C, "reassign", p, 0.9);
    GradCheck.check(C, "ints", p, 7, 3L, true);
    GradCheck.check(C, "ints", p, -3, 0L, false);
    GradCheck.check(C, "constants", p);
    GradCheck.check(C, "selfProducts", p);
    GradCheck.check(C, "casts", p + 0.013, 3);
    GradCheck.check(C, "integerOps", p, 7);
    GradCheck.check(C, "integerOps", p, -4);
  }

  @Test
  void seedValuesAreExact() {
    // f = 2x^2 - 3x + 4: f'(x) = 4x - 3.
    assertEquals(5.0, grad("quadratic", 2.0).get("x"));
    assertEquals(21.0, grad("quadratic", 6.0).get("x"));
    assertEquals(-11.0, grad("quadratic", -2.0).get("x"));
    assertEquals(0.0, grad("quadratic", 0.75).get("x"));
    Map<String, Object> l = grad("loss", 3.0, -2.0, 8.0, -2.0);
    assertEquals(Map.of("value", -4.0, "a", 4.0, "b", -6.0, "c", -2.0, "f", 2.0), l);
    Map<String, Object> s = grad("sumTimes", 5.0, -3.0, -2.0);
    assertEquals(Map.of("value", -4.0, "a", -2.0, "b", -2.0, "c", 2.0), s);
  }

  @Test
  void deadCodeDoesNotReachTheGradient() {
    // log(-1) is NaN, but its value feeds nothing: the gradient must stay finite.
    assertEquals(3.0, grad("unused", 1.0, -1.0).get("x"));
    assertEquals(0.0, grad("unused", 1.0, -1.0).get("y"));
  }

  private static Map<String, Object> grad(String name, Object... args) {
    return Compiled.components(C.call("p.CGrad", name, args));
  }
}
