package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numeric edges the README documents: NaN must not leak into a finite gradient from a branch
 * not taken or from a value nothing uses (Clad issue #1108: an unused {@code acos} of an invalid
 * argument made the whole gradient NaN), also inside loops; NaN and infinite inputs give what
 * the arithmetic gives, as in JAX and PyTorch.
 */
class EdgesTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double unusedAcos(double c, double a) {
            double unused = Math.acos(-c / a); // NaN for |c / a| > 1, as in Clad issue #1108
            return 2 * c * c * a;
          }

          @Differentiable static double unusedInLoop(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              double bad = Math.log(x[i]); // NaN for x[i] < 0, never used
              s += x[i] * x[i];
            }
            return s;
          }

          @Differentiable static double guardedInLoop(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              if (x[i] > 0) {
                s += Math.log(x[i]);
              } else {
                s += x[i];
              }
            }
            return s;
          }

          @Differentiable static double guardedTernaryInLoop(double[] x) {
            double s = 0;
            for (double v : x) {
              s += v > 0 ? Math.sqrt(v) : -v;
            }
            return s;
          }

          @Differentiable static double timesZero(double x) {
            return x * 3 + Math.log(x) * 0;
          }

          @Differentiable static double earlyExit(double x) {
            if (x < 0) {
              return x;
            }
            return Math.sqrt(x) * Math.log(x);
          }

          @Differentiable static double sqrtAtZero(double x) {
            return Math.sqrt(x);
          }

          @Differentiable static double plain(double x, double y) {
            return x * y + Math.exp(x);
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  private static Map<String, Object> grad(String name, Object... args) {
    return Compiled.components(C.call("p.CGrad", name, args));
  }

  @Test
  void unusedValuesDoNotLeakNaN() {
    Map<String, Object> g = grad("unusedAcos", 5.0, 3.0);
    assertEquals(60.0, g.get("c"));
    assertEquals(50.0, g.get("a"));
    double[] x = {-1, 2, -3};
    double[] d = (double[]) grad("unusedInLoop", (Object) x).get("x");
    assertEquals(-2.0, d[0]);
    assertEquals(4.0, d[1]);
    assertEquals(-6.0, d[2]);
    // A compile-time zero weight: no derivative code at all for the log.
    assertEquals(3.0, grad("timesZero", -1.0).get("x"));
  }

  @Test
  void branchesNotTakenDoNotLeakNaN() {
    double[] d = (double[]) grad("guardedInLoop", (Object) new double[] {-2, 0, 4}).get("x");
    assertEquals(1.0, d[0]);
    assertEquals(1.0, d[1]);
    assertEquals(0.25, d[2]);
    d = (double[]) grad("guardedTernaryInLoop", (Object) new double[] {-2, 0, 4}).get("x");
    assertEquals(-1.0, d[0]);
    assertEquals(-1.0, d[1]);
    assertEquals(0.25, d[2]);
    assertEquals(1.0, grad("earlyExit", -5.0).get("x"));
  }

  /** Where the function has no finite slope, the gradient says so, as JAX and PyTorch do. */
  @Test
  void noFiniteSlopeGivesInfinity() {
    assertEquals(Double.POSITIVE_INFINITY, grad("sqrtAtZero", 0.0).get("x"));
  }

  /** NaN and infinite inputs propagate as IEEE arithmetic does; nothing throws. */
  @Test
  void nanAndInfiniteInputs() {
    Map<String, Object> g = grad("plain", Double.NaN, 2.0);
    assertTrue(Double.isNaN((Double) g.get("value")));
    assertTrue(Double.isNaN((Double) g.get("x")));
    assertTrue(Double.isNaN((Double) g.get("y")));
    g = grad("plain", Double.POSITIVE_INFINITY, 2.0);
    assertEquals(Double.POSITIVE_INFINITY, g.get("value"));
    assertEquals(Double.POSITIVE_INFINITY, g.get("x"));
    assertEquals(Double.POSITIVE_INFINITY, g.get("y"));
    g = grad("plain", 1.0, Double.NaN);
    assertEquals(1.0, (Double) g.get("y"), "d/dy = x does not see y's NaN");
    assertTrue(Double.isNaN((Double) g.get("x")));
  }
}
