package io.github.backprop.processor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every row of {@link MathRules} against finite differences, the kink conventions exactly, and
 * a reflection walk over {@code Math} that fails on any function the table does not account for.
 */
class MathTableTest {
  /** One method per row: the function inside a small expression, and as a non-root operand. */
  private static final Compiled C =
      Compiled.members(
          """
          @Differentiable static double sin(double x, double y) { return Math.sin(x * y) + x; }
          @Differentiable static double cos(double x, double y) { return 2 * Math.cos(x * y) * y; }
          @Differentiable static double tan(double x, double y) { return Math.tan(x) * y; }
          @Differentiable static double asin(double x, double y) { return Math.asin(x * 0.5) * y; }
          @Differentiable static double acos(double x, double y) { return y * Math.acos(x * 0.5); }
          @Differentiable static double atan(double x, double y) { return Math.atan(x * y); }
          @Differentiable static double atan2(double x, double y) { return 3 * Math.atan2(x, y); }
          @Differentiable static double sinh(double x, double y) { return Math.sinh(x) * y; }
          @Differentiable static double cosh(double x, double y) { return Math.cosh(x * y); }
          @Differentiable static double tanh(double x, double y) { return 2 * Math.tanh(x) * y; }
          @Differentiable static double exp(double x, double y) { return 2 * Math.exp(x) * y; }
          @Differentiable static double expRoot(double x, double y) { double e = Math.exp(x * y); return e; }
          @Differentiable static double expm1(double x, double y) { return Math.expm1(x) * y; }
          @Differentiable static double log(double x, double y) { return Math.log(x * x + y * y); }
          @Differentiable static double log10(double x, double y) { return Math.log10(x * x + 1) * y; }
          @Differentiable static double log1p(double x, double y) { return Math.log1p(x * x) * y; }
          @Differentiable static double sqrt(double x, double y) { return 3 * Math.sqrt(x * x + y * y); }
          @Differentiable static double sqrtRoot(double x, double y) { double r = Math.sqrt(x * x + 1); return r * y; }
          @Differentiable static double cbrt(double x, double y) { return Math.cbrt(x + 3) * y; }
          @Differentiable static double pow2(double x, double y) { return Math.pow(x, 2) * y; }
          @Differentiable static double pow3(double x, double y) { return Math.pow(x, 3) + y; }
          @Differentiable static double powHalf(double x, double y) { return Math.pow(x * x + 1, 0.5) * y; }
          @Differentiable static double pow(double x, double y) { return Math.pow(x * x + 1, y); }
          @Differentiable static double hypot(double x, double y) { return 2 * Math.hypot(x, y); }
          @Differentiable static double abs(double x, double y) { return Math.abs(x) * y; }
          @Differentiable static double max(double x, double y) { return Math.max(x, y * 2) * y; }
          @Differentiable static double min(double x, double y) { return Math.min(x, y * 2) * y; }
          @Differentiable static double fma(double x, double y) { return Math.fma(x, y, x * y); }
          @Differentiable static double toRadians(double x, double y) { return Math.toRadians(x) * y; }
          @Differentiable static double toDegrees(double x, double y) { return Math.toDegrees(x) * y; }
          @Differentiable static double ieeeRemainder(double x, double y) { return Math.IEEEremainder(x * 3, y + 2); }
          @Differentiable static double copySign(double x, double y) { return Math.copySign(x, y) * x; }
          @Differentiable static double scalb(double x, double y) { return Math.scalb(x, 3) * y; }
          @Differentiable static double nextUp(double x, double y) { return Math.nextUp(x) * y; }
          @Differentiable static double nextDown(double x, double y) { return Math.nextDown(x) * y; }
          @Differentiable static double nextAfter(double x, double y) { return Math.nextAfter(x, y) * y; }
          @Differentiable static double zeros(double x, double y) {
            return Math.floor(x) + Math.ceil(x) * y + Math.rint(y) + Math.round(x) + Math.signum(x)
                + Math.ulp(x) + Math.getExponent(x) + y;
          }
          @Differentiable static double strict(double x, double y) {
            return StrictMath.sin(x) * StrictMath.exp(y) + StrictMath.sqrt(x * x + 1) + StrictMath.pow(x, 2)
                + StrictMath.atan2(y, x) + StrictMath.max(x, y);
          }
          @Differentiable static double powAtZero(double x, double y) { return Math.pow(x, y); }
          """);

  private static final double[][] POINTS = {{0.37, 0.81}, {-0.62, 1.33}, {1.21, -0.47}, {-1.43, -1.09}};

  private static final Set<String> NEEDS_POSITIVE_X = Set.of("powAtZero");

  @Test
  void everyRowMatchesFiniteDifferences() throws Exception {
    int checked = 0;
    for (Method m : Class.forName("p.CGrad", true, loaderOf()).getDeclaredMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 2) {
        continue;
      }
      for (double[] p : POINTS) {
        double x = NEEDS_POSITIVE_X.contains(m.getName()) ? Math.abs(p[0]) : p[0];
        GradCheck.check(C, m.getName(), x, p[1]);
        checked++;
      }
    }
    assertTrue(checked == 39 * POINTS.length, "checked " + checked);
  }

  @Test
  void exactValues() {
    // d/dx (sin(xy) + x) = y cos(xy) + 1: at x = 0, y = 1 it is 2.
    assertEquals(2.0, grad("sin", 0.0, 1.0).get("x"));
    // d/dx 2 exp(x) y = 2 e at x = y = 1.
    assertEquals(2.0 * Math.E, grad("exp", 1.0, 1.0).get("x"));
    // d/dx 3 sqrt(x^2 + y^2) = 3 x / r: 3 at (4, 0).
    assertEquals(3.0, grad("sqrt", 4.0, 0.0).get("x"));
  }

  @Test
  void kinkConventions() {
    assertEquals(0.0, grad("abs", 0.0, 1.0).get("x"));
    // max(x, 2y) * y at x == 2y: the tie gives each argument half.
    Map<String, Object> max = grad("max", 2.0, 1.0);
    assertEquals(0.5, max.get("x"));
    assertEquals(0.5 * 2 + 2.0, max.get("y"));
    Map<String, Object> min = grad("min", 2.0, 1.0);
    assertEquals(0.5, min.get("x"));
    assertEquals(0.5 * 2 + 2.0, min.get("y"));
    // floor, ceil, rint, round, signum, ulp, getExponent: derivative 0, so only ceil(x) * y + y count.
    assertEquals(0.0, grad("zeros", 1.5, 0.5).get("x"));
    assertEquals(Math.ceil(1.5) + 1, grad("zeros", 1.5, 0.5).get("y"));
    // d/dy pow(x, y) at x == 0 is 0, not NaN from 0 * log(0).
    assertEquals(0.0, grad("powAtZero", 0.0, 2.0).get("y"));
    assertEquals(0.0, grad("powAtZero", 0.0, 2.0).get("x"));
  }

  /**
   * Every public static function of Math and StrictMath that takes or returns a double has a row,
   * a zero-derivative row, or a reason it has none; a new JDK's additions fail here until sorted.
   */
  @Test
  void everyMathFunctionIsAccountedFor() {
    Set<String> missing = new TreeSet<>();
    for (Class<?> owner : new Class<?>[] {Math.class, StrictMath.class}) {
      for (Method m : owner.getMethods()) {
        if (!Modifier.isStatic(m.getModifiers()) || !touchesDouble(m)) {
          continue;
        }
        String name = m.getName();
        boolean known =
            MathRules.find(name, m.getParameterCount()) != null
                || MathRules.WITHOUT_DERIVATIVE.containsKey(name);
        if (!known) {
          missing.add(owner.getSimpleName() + "." + name + "/" + m.getParameterCount());
        }
      }
    }
    assertEquals(Set.of(), missing, "functions with no row, no zero row and no stated reason");
  }

  private static boolean touchesDouble(Method m) {
    if (m.getReturnType() == double.class || m.getReturnType() == float.class) {
      return true;
    }
    for (Class<?> p : m.getParameterTypes()) {
      if (p == double.class || p == float.class) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> grad(String name, double x, double y) {
    return Compiled.components(C.call("p.CGrad", name, x, y));
  }

  private static ClassLoader loaderOf() {
    return C.call("p.CGrad", "sin", 0.0, 0.0).getClass().getClassLoader();
  }
}
