package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.rules.SpecialFunctions;
import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The special functions of Hipparchus, Commons Math 3 and Commons Numbers (compiled against the
 * real jars) are differentiated by built-in rows, in every mode: the gradient against finite
 * differences, forward mode against the gradient, the Hessian against differences of gradients.
 */
class SpecialFunctionsTest {
  static final Compiled HIPPARCHUS =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import org.hipparchus.special.Beta;
          import org.hipparchus.special.Erf;
          import org.hipparchus.special.Gamma;

          class C {
            @Differentiable(forward = true, hessian = true)
            static double gammas(double x, double y) {
              return Gamma.logGamma(x * y) + Gamma.gamma(x) * 0.1 + Gamma.logGamma1p(0.5 * y - 0.5)
                  + Gamma.invGamma1pm1(0.3 * x - 0.2) + Beta.logBeta(x, y);
            }

            @Differentiable(forward = true)
            static double digamma(double x) {
              return Gamma.digamma(x) * x;
            }

            @Differentiable(forward = true, hessian = true)
            static double erfs(double x, double y) {
              return Erf.erf(x * 0.7) + Erf.erfc(y) * Erf.erf(x, y) + Erf.erfInv(Math.tanh(x) * 0.9)
                  + Erf.erfcInv(0.6 + 0.3 * Math.sin(y));
            }

            // The shapes are data here: only x is differentiated through them.
            @Differentiable(wrt = "x", forward = true, hessian = true)
            static double incomplete(double x, double a, double b) {
              return Gamma.regularizedGammaP(a, x) + 2 * Gamma.regularizedGammaQ(b, x * x, 1e-15, 10000)
                  + Beta.regularizedBeta(x / (1 + x), a, b);
            }
          }
          """);

  static final Compiled COMMONS =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import org.apache.commons.math3.special.Beta;
          import org.apache.commons.math3.special.Erf;
          import org.apache.commons.math3.special.Gamma;
          import org.apache.commons.numbers.gamma.Digamma;
          import org.apache.commons.numbers.gamma.ErfDifference;
          import org.apache.commons.numbers.gamma.Erfcx;
          import org.apache.commons.numbers.gamma.IncompleteGamma;
          import org.apache.commons.numbers.gamma.InverseErf;
          import org.apache.commons.numbers.gamma.LogBeta;
          import org.apache.commons.numbers.gamma.LogGamma;
          import org.apache.commons.numbers.gamma.RegularizedBeta;
          import org.apache.commons.numbers.gamma.RegularizedGamma;

          class C {
            @Differentiable(forward = true)
            static double math3(double x, double y) {
              return Gamma.logGamma(x) * Gamma.digamma(y) + Erf.erf(x - y) + Beta.logBeta(x, y)
                  + Gamma.regularizedGammaP(2.5, x) + Beta.regularizedBeta(0.3, 2.0, 3.0) * y;
            }

            @Differentiable(forward = true, hessian = true)
            static double numbers(double x, double y) {
              return LogGamma.value(x * y) + org.apache.commons.numbers.gamma.Gamma.value(x)
                  + org.apache.commons.numbers.gamma.Erf.value(y) * org.apache.commons.numbers.gamma.Erfc.value(x)
                  + ErfDifference.value(x, y) + InverseErf.value(0.5 * Math.tanh(y)) + Erfcx.value(x)
                  + LogBeta.value(x, y) + org.apache.commons.numbers.gamma.Beta.value(x, y);
            }

            @Differentiable(wrt = "x", forward = true)
            static double shapes(double x, double a) {
              return RegularizedGamma.P.value(a, x) - RegularizedGamma.Q.value(a, 2 * x)
                  + IncompleteGamma.Lower.value(a, x) + IncompleteGamma.Upper.value(a, x)
                  + RegularizedBeta.value(x / (2 + x), a, 1.5) + Digamma.value(x);
            }
          }
          """);

  private static final double[] XS = {0.7, 1.6, 3.4};
  private static final double[] YS = {0.4, 1.1, 2.3};

  @Test
  void hipparchusGradientsMatchFiniteDifferences() {
    assertTrue(HIPPARCHUS.succeeded(), HIPPARCHUS.diagnostics());
    for (double x : XS) {
      for (double y : YS) {
        GradCheck.check(HIPPARCHUS, "gammas", x, y);
        GradCheck.check(HIPPARCHUS, "erfs", x * 0.5, y * 0.5);
        GradCheck.check(HIPPARCHUS, "incomplete", x, 1 + y, 2.5);
      }
      GradCheck.check(HIPPARCHUS, "digamma", x);
    }
    String grad = HIPPARCHUS.source("p.CGrad");
    assertTrue(grad.contains("Gamma.digamma(x * y)"), grad); // logGamma's derivative, Hipparchus's own
    assertFalse(grad.contains("org.apache"), grad);
  }

  @Test
  void commonsGradientsMatchFiniteDifferences() {
    assertTrue(COMMONS.succeeded(), COMMONS.diagnostics());
    for (double x : XS) {
      for (double y : YS) {
        GradCheck.check(COMMONS, "math3", x, y);
        GradCheck.check(COMMONS, "numbers", x, y);
      }
      GradCheck.check(COMMONS, "shapes", x, 1.7);
    }
    assertTrue(COMMONS.source("p.CGrad").contains("RegularizedGamma.P.derivative("), COMMONS.source("p.CGrad"));
  }

  /** Exact values: d/dx logGamma = digamma, d/dx erf = 2/sqrt(pi) exp(-x^2). */
  @Test
  void exactValuesWhereKnown() {
    Map<String, Object> g = Compiled.components(HIPPARCHUS.call("p.CGrad", "digamma", 1.0));
    // d/dx (x digamma(x)) at 1 = digamma(1) + trigamma(1) = -gamma_E + pi^2/6, as accurately as
    // Hipparchus computes them (to about 3e-9 there).
    assertEquals(
        org.hipparchus.special.Gamma.digamma(1) + org.hipparchus.special.Gamma.trigamma(1), (double) g.get("x"), 1e-15);
    assertEquals(-0.5772156649015329 + Math.PI * Math.PI / 6, (double) g.get("x"), 1e-8);
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x) {
              return org.hipparchus.special.Erf.erf(x) + org.hipparchus.special.Gamma.logGamma(x + 1);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Map<String, Object> h = Compiled.components(c.call("p.CGrad", "f", 0.0));
    assertEquals(2 / Math.sqrt(Math.PI) + org.hipparchus.special.Gamma.digamma(1), (double) h.get("x"), 1e-15);
  }

  @Test
  void forwardModeAgreesWithTheGradient() {
    Random random = new Random(11);
    for (double x : XS) {
      for (double y : YS) {
        JvpCheck.check(HIPPARCHUS, "p.C", "p.CGrad", "gammas", new Object[] {x, y}, random, 3);
        JvpCheck.check(HIPPARCHUS, "p.C", "p.CGrad", "erfs", new Object[] {x * 0.5, y * 0.5}, random, 3);
        JvpCheck.check(HIPPARCHUS, "p.C", "p.CGrad", "incomplete", new Object[] {x, 1 + y, 2.5}, random, 3);
        JvpCheck.check(COMMONS, "p.C", "p.CGrad", "math3", new Object[] {x, y}, random, 3);
        JvpCheck.check(COMMONS, "p.C", "p.CGrad", "numbers", new Object[] {x, y}, random, 3);
      }
      JvpCheck.check(COMMONS, "p.C", "p.CGrad", "shapes", new Object[] {x, 1.7}, random, 3);
    }
  }

  /** H v equals the central difference of gradients along v, and the Hessian is symmetric. */
  @Test
  void hessianIsTheDifferenceOfGradients() {
    hessianCheck(HIPPARCHUS, "p.CGrad", "gammas", new double[] {1.3, 0.8});
    hessianCheck(HIPPARCHUS, "p.CGrad", "erfs", new double[] {0.4, 0.9});
    hessianCheck(COMMONS, "p.CGrad", "numbers", new double[] {1.4, 0.7});
    Map<String, Object> h = Compiled.components(HIPPARCHUS.call("p.CGrad", "incompleteHessian", 1.2, 2.0, 2.5));
    double[][] hessian = (double[][]) h.get("hessian");
    double eps = 1e-5;
    double plus = (double) Compiled.components(HIPPARCHUS.call("p.CGrad", "incomplete", 1.2 + eps, 2.0, 2.5)).get("x");
    double minus = (double) Compiled.components(HIPPARCHUS.call("p.CGrad", "incomplete", 1.2 - eps, 2.0, 2.5)).get("x");
    assertEquals((plus - minus) / (2 * eps), hessian[0][0], 1e-6 * Math.max(1, Math.abs(hessian[0][0])));
  }

  /** The Hessian of {@code name(x, y)} at {@code at}: symmetric, each column the difference of gradients. */
  static void hessianCheck(Compiled c, String grad, String name, double[] at) {
    Map<String, Object> h = Compiled.components(c.call(grad, name + "Hessian", at[0], at[1]));
    double[][] hessian = (double[][]) h.get("hessian");
    assertEquals(hessian[0][1], hessian[1][0], 1e-9 * Math.max(1, Math.abs(hessian[0][1])), name + ": symmetric");
    double eps = 1e-5;
    for (int j = 0; j < 2; j++) {
      double[] plus = at.clone();
      double[] minus = at.clone();
      plus[j] += eps;
      minus[j] -= eps;
      Map<String, Object> gp = Compiled.components(c.call(grad, name, plus[0], plus[1]));
      Map<String, Object> gm = Compiled.components(c.call(grad, name, minus[0], minus[1]));
      for (int i = 0; i < 2; i++) {
        String p = i == 0 ? "x" : "y";
        double fd = ((double) gp.get(p) - (double) gm.get(p)) / (2 * eps);
        assertEquals(fd, hessian[i][j], 1e-6 * Math.max(1, Math.abs(fd)), name + ": H[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void smileGradientsMatchFiniteDifferences() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(wrt = {"x", "y"}, forward = true)
            static double f(double x, double y, double a) {
              return smile.math.special.Gamma.lgamma(x * y) + smile.math.special.Gamma.gamma(x)
                  + smile.math.special.Erf.erf(y - x) * smile.math.special.Erf.erfc(x)
                  + smile.math.special.Erf.inverf(0.4 * Math.tanh(y)) + smile.math.special.Erf.inverfc(0.5 + 0.3 * Math.sin(x))
                  + smile.math.special.Beta.beta(x, y)
                  + smile.math.special.Gamma.regularizedIncompleteGamma(a, x)
                  - smile.math.special.Gamma.regularizedUpperIncompleteGamma(a, y)
                  + smile.math.special.Beta.regularizedIncompleteBetaFunction(a, 2.5, x / (1 + x));
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Random random = new Random(2);
    for (double x : XS) {
      for (double y : YS) {
        GradCheck.check(c, "f", x, y, 1.8);
        JvpCheck.check(c, "p.C", "p.CGrad", "f", new Object[] {x, y, 1.8}, random, 2);
      }
    }
  }

  @Test
  void aShapeParameterWithADifferentiableValueIsAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double a, double x) {
              return org.hipparchus.special.Gamma.regularizedGammaP(
                  a, x);
            }
            """);
    assertFalse(c.succeeded());
    Diagnostic<?> d = onlyError(c);
    assertTrue(
        d.getMessage(null).contains("'Gamma.regularizedGammaP' has no derivative with respect to its parameter 1 in closed form")
            && d.getMessage(null).contains("@DerivativeOf"),
        d.getMessage(null));
    assertEquals(8, d.getLineNumber()); // "a, x);": members start on line 6
  }

  @Test
  void aFunctionWithNoRowStaysALibraryCallWithNoDerivative() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x) {
              return org.hipparchus.special.Gamma.trigamma(x);
            }
            """);
    assertFalse(c.succeeded());
    assertTrue(onlyError(c).getMessage(null).contains("@DerivativeOf(type = Gamma.class, method = \"trigamma\")"), c.diagnostics());
  }

  /** Digamma's second derivative needs tetragamma, which no library has. */
  @Test
  void secondOrderThroughDigammaIsAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(hessian = true) static double f(double x) {
              return org.hipparchus.special.Gamma.digamma(x);
            }
            """);
    assertFalse(c.succeeded());
    assertTrue(onlyError(c).getMessage(null).contains("'Gamma.trigamma', which backprop has no derivative rule for"), c.diagnostics());
  }

  /** A user's rule wins over the built-in row. */
  @Test
  void aDerivativeOfRuleOverridesTheRow() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x) {
              return org.hipparchus.special.Erf.erf(x);
            }

            @io.github.backprop.DerivativeOf(type = org.hipparchus.special.Erf.class, method = "erf")
            static ErfD erf(double x) {
              return new ErfD(org.hipparchus.special.Erf.erf(x), 42);
            }

            record ErfD(double value, double x) {}
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    assertEquals(42.0, (double) Compiled.components(c.call("p.CGrad", "f", 0.3)).get("x"));
  }

  /** An angle normalised as Orekit normalises its anomalies: slope 1 between the jumps. */
  @Test
  void normalizeAngleHasSlopeOne() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true) static double f(double x, double c) {
              return org.hipparchus.util.MathUtils.normalizeAngle(3 * x, c)
                  + org.apache.commons.math3.util.MathUtils.normalizeAngle(x * x, 0.0);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Random random = new Random(7);
    for (double x : XS) {
      Map<String, Object> g = GradCheck.check(c, "f", x, 0.4);
      assertEquals(3 + 2 * x, (double) g.get("x"), 1e-15);
      assertEquals(0.0, (double) g.get("c"));
      JvpCheck.check(c, "p.C", "p.CGrad", "f", new Object[] {x, 0.4}, random, 2);
    }
  }

  /** Every row names a public static double method of the real library, with that arity. */
  @Test
  void everyRowIsALibraryMethod() throws Exception {
    Set<String> missing = new TreeSet<>();
    for (String row : SpecialFunctions.rows()) {
      String owner = row.substring(0, row.indexOf('#'));
      String name = row.substring(row.indexOf('#') + 1, row.indexOf('/'));
      int arity = Integer.parseInt(row.substring(row.indexOf('/') + 1));
      int dot = owner.lastIndexOf('.', owner.length());
      // Nested classes (RegularizedGamma.P) are RegularizedGamma$P to the class loader: every dot
      // after the first segment that names a class (a capital), not a package (elliptic.carlson).
      String[] segments = owner.split("\\.");
      StringBuilder b = new StringBuilder(segments[0]);
      boolean inClass = false;
      for (int k = 1; k < segments.length; k++) {
        b.append(inClass ? '$' : '.').append(segments[k]);
        inClass |= Character.isUpperCase(segments[k].charAt(0));
      }
      String binary = b.toString();
      assertTrue(dot > 0);
      boolean found = false;
      for (Method m : Class.forName(binary).getMethods()) {
        found |= m.getName().equals(name) && m.getParameterCount() == arity
            && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == double.class;
      }
      if (!found) {
        missing.add(row);
      }
    }
    assertEquals(Set.of(), missing);
    assertTrue(io.github.backprop.processor.rules.Rule.hasRules(new Owner("org.hipparchus.special", "Gamma")));
  }

  private static Diagnostic<?> onlyError(Compiled c) {
    var errors = c.compilation().errors();
    assertEquals(1, errors.size(), c.diagnostics());
    return errors.get(0);
  }
}
