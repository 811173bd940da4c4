package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * Hipparchus's FastMath (compiled against the real jar) is differentiated by the same rows as
 * java.lang.Math; a function the table has no row for is an error naming it.
 */
class FastMathTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import org.hipparchus.util.FastMath;

          class C {
            @Differentiable static double f(double x, double y) {
              double r = FastMath.hypot(x, y);
              double a = FastMath.atan2(y, x);
              double e = FastMath.exp(-r) * FastMath.log(1 + r * r);
              double p = FastMath.pow(FastMath.abs(x) + 1, y) + FastMath.pow(r, 3);
              return e * FastMath.sin(a) + FastMath.sqrt(p) + FastMath.cos(x * y) * FastMath.tanh(y)
                  + FastMath.max(x, y) + FastMath.cbrt(x) + FastMath.floor(y) * x;
            }

            @Differentiable static double loop(double[] w, double t) {
              double s = 0;
              for (int i = 0; i < w.length; i++) {
                s += FastMath.log1p(FastMath.exp(w[i] * t)) + FastMath.expm1(w[i]) * FastMath.sinh(t)
                    + FastMath.pow(w[i], 2) + FastMath.asin(FastMath.tanh(w[i])) + FastMath.atan(t * i);
              }
              return s;
            }
          }
          """);

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double x : new double[] {-1.3, 0.4, 2.1}) {
      for (double y : new double[] {-0.6, 0.9}) {
        GradCheck.check(C, "f", x, y);
      }
      GradCheck.check(C, "loop", new double[] {0.3, -0.8, 1.7}, x);
    }
    String grad = C.source("p.CGrad");
    assertTrue(grad.contains("FastMath.hypot(x, y)"), grad); // the primal calls what the source does
    assertFalse(grad.contains("annotate"), grad);
  }

  @Test
  void functionsWithNoJavaLangMathTwinMatchFiniteDifferences() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x, double y) {
              return org.hipparchus.util.FastMath.asinh(x * y) + org.hipparchus.util.FastMath.acosh(x * x + 1.5)
                  + org.hipparchus.util.FastMath.atanh(0.3 * y) + org.hipparchus.util.FastMath.log(x * x + 2, y * y + 1);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double x : new double[] {-1.3, 0.4, 2.1}) {
      for (double y : new double[] {-0.6, 0.9, 2.5}) {
        GradCheck.check(c, "f", x, y);
      }
    }
  }

  /** Every FastMath function of doubles has a row: a shared one, a FastMath-only one, or a zero row. */
  @Test
  void everyFastMathFunctionOfDoublesHasARow() {
    java.util.Set<String> missing = new java.util.TreeSet<>();
    for (java.lang.reflect.Method m : org.hipparchus.util.FastMath.class.getMethods()) {
      boolean doubles = false;
      for (Class<?> t : m.getParameterTypes()) {
        doubles |= t == double.class || t == float.class;
      }
      boolean result = m.getReturnType() == double.class || m.getReturnType() == float.class;
      if (java.lang.reflect.Modifier.isStatic(m.getModifiers()) && doubles && result
          && io.github.backprop.processor.rules.MathRules.find(m.getName(), m.getParameterCount()) == null) {
        missing.add(m.getName() + "/" + m.getParameterCount());
      }
    }
    assertEquals(java.util.Set.of(), missing);
  }

  @Test
  void sinCosIsItsSineAndCosine() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double kepler(double e, double v) {
              final org.hipparchus.util.SinCos scv = org.hipparchus.util.FastMath.sinCos(v);
              final double beta = e / (1 + org.hipparchus.util.FastMath.sqrt((1 - e) * (1 + e)));
              return v - 2 * org.hipparchus.util.FastMath.atan(beta * scv.sin() / (1 + beta * scv.cos()))
                  + org.hipparchus.util.FastMath.sinCos(e * v).cos();
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double e : new double[] {0.1, 0.5, 0.8}) {
      for (double v : new double[] {-2.0, 0.3, 1.9}) {
        GradCheck.check(c, "kepler", e, v);
      }
    }
  }

  @Test
  void aSinCosUsedOtherwiseIsAnError() {
    Compiled c =
        Compiled.members(
            """
            static double first(org.hipparchus.util.SinCos sc) {
              return sc.sin();
            }

            @Differentiable static double f(double v) {
              org.hipparchus.util.SinCos sc = org.hipparchus.util.FastMath.sinCos(v);
              return first(sc);
            }
            """);
    assertFalse(c.succeeded());
    assertTrue(c.diagnostics().contains("'sc' (a SinCos) can only be read through sc.sin() and sc.cos()"), c.diagnostics());
  }

  /** Smile 1.x's own Math class (its code calls it as Math) has the rows of java.lang.Math. */
  @Test
  void smileMathHasTheRowsOfJavaLangMath() {
    Compiled c =
        Compiled.compile(
            "p.C",
            """
            package p;

            import io.github.backprop.Differentiable;
            import smile.math.Math;

            class C {
              @Differentiable static double f(double x, double y) {
                return Math.exp(-x * x) * Math.log(1 + y * y) + Math.pow(Math.abs(x), 1.5) + Math.sqrt(Math.max(x, y) + 3);
              }
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double x : new double[] {-1.3, 0.4, 2.1}) {
      for (double y : new double[] {-0.6, 0.9}) {
        GradCheck.check(c, "f", x, y);
      }
    }
    assertTrue(c.source("p.CGrad").contains("Math.exp(-x * x)"), c.source("p.CGrad"));
  }
}
