package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.rules.Distributions;
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
 * Methods of distribution objects ({@code N.cumulativeProbability(d1)}, Strata's {@code
 * NORMAL.getCDF(d1)}), compiled against the real jars, are differentiated by the rows of {@link
 * Distributions} in every mode: gradients against finite differences, forward mode against the
 * gradient, the Hessian against differences of gradients, exact values where known.
 */
class DistributionsTest {
  static final Compiled HIPPARCHUS =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import org.hipparchus.distribution.RealDistribution;
          import org.hipparchus.distribution.continuous.ExponentialDistribution;
          import org.hipparchus.distribution.continuous.LogNormalDistribution;
          import org.hipparchus.distribution.continuous.NormalDistribution;
          import org.hipparchus.distribution.continuous.TDistribution;

          class C {
            private static final NormalDistribution N = new NormalDistribution();
            // Declared as the interface: the rows of the class it is made with apply.
            private static final RealDistribution SHIFTED = new NormalDistribution(0.5, 2.0);
            static final LogNormalDistribution LOG_NORMAL = new LogNormalDistribution(0.2, 0.7);
            static final ExponentialDistribution EXPONENTIAL = new ExponentialDistribution(1.5);
            static final RealDistribution T = new TDistribution(5);

            @Differentiable(forward = true, hessian = true)
            static double call(double s, double k, double v, double t) {
              double d1 = (Math.log(s / k) + 0.5 * v * v * t) / (v * Math.sqrt(t));
              double d2 = d1 - v * Math.sqrt(t);
              return s * N.cumulativeProbability(d1) - k * N.cumulativeProbability(d2);
            }

            @Differentiable(forward = true, hessian = true)
            static double densities(double x, double y) {
              return SHIFTED.density(x) * SHIFTED.cumulativeProbability(y) + SHIFTED.logDensity(x * y)
                  + N.inverseCumulativeProbability(0.3 + 0.1 * Math.tanh(x)) + N.probability(x - 1, y + 1)
                  + LOG_NORMAL.density(x) + LOG_NORMAL.logDensity(y) + LOG_NORMAL.cumulativeProbability(x * y)
                  + EXPONENTIAL.density(y) * EXPONENTIAL.logDensity(x) + EXPONENTIAL.inverseCumulativeProbability(0.5 / (1 + y * y));
            }

            @Differentiable(forward = true)
            static double student(double x) {
              return T.cumulativeProbability(x * x) + T.inverseCumulativeProbability(0.2 + 0.1 * x);
            }
          }
          """);

  private static final double[] XS = {0.4, 1.1, 2.3};

  @Test
  void hipparchusGradientsMatchFiniteDifferences() {
    assertTrue(HIPPARCHUS.succeeded(), HIPPARCHUS.diagnostics());
    for (double x : XS) {
      GradCheck.check(HIPPARCHUS, "call", 100 * x, 95.0, 0.2 + 0.1 * x, 0.5 + x);
      for (double y : XS) {
        GradCheck.check(HIPPARCHUS, "densities", x, y);
      }
      GradCheck.check(HIPPARCHUS, "student", x);
    }
    String grad = HIPPARCHUS.source("p.CGrad");
    assertTrue(grad.contains("_N.density(d1)"), grad);
    assertTrue(grad.contains("((NormalDistribution) CGrad._SHIFTED).getMean()"), grad);
  }

  /** The Black-Scholes delta is N(d1), and the derivative of N is the normal density. */
  @Test
  void exactValuesWhereKnown() {
    double s = 105;
    double k = 95;
    double v = 0.25;
    double t = 0.75;
    Map<String, Object> g = Compiled.components(HIPPARCHUS.call("p.CGrad", "call", s, k, v, t));
    double d1 = (Math.log(s / k) + 0.5 * v * v * t) / (v * Math.sqrt(t));
    assertEquals(new org.hipparchus.distribution.continuous.NormalDistribution().cumulativeProbability(d1), (double) g.get("s"), 1e-14);
    double vega = s * Math.exp(-d1 * d1 / 2) / Math.sqrt(2 * Math.PI) * Math.sqrt(t);
    assertEquals(vega, (double) g.get("v"), 1e-10 * vega);
    Map<String, Object> h = Compiled.components(HIPPARCHUS.call("p.CGrad", "student", 0.0));
    // d/dx [F(x^2) + F^-1(0.2 + 0.1 x)] at 0 = 0.1 / f(F^-1(0.2))
    org.hipparchus.distribution.continuous.TDistribution t5 = new org.hipparchus.distribution.continuous.TDistribution(5);
    assertEquals(0.1 / t5.density(t5.inverseCumulativeProbability(0.2)), (double) h.get("x"), 1e-12);
  }

  @Test
  void forwardModeAgreesWithTheGradient() {
    Random random = new Random(5);
    for (double x : XS) {
      JvpCheck.check(HIPPARCHUS, "p.C", "p.CGrad", "call", new Object[] {100 * x, 95.0, 0.2 + 0.1 * x, 0.5 + x}, random, 3);
      JvpCheck.check(HIPPARCHUS, "p.C", "p.CGrad", "densities", new Object[] {x, 1.3}, random, 3);
      JvpCheck.check(HIPPARCHUS, "p.C", "p.CGrad", "student", new Object[] {x}, random, 3);
    }
  }

  @Test
  void hessianIsTheDifferenceOfGradients() {
    SpecialFunctionsTest.hessianCheck(HIPPARCHUS, "p.CGrad", "densities", new double[] {0.9, 1.4});
    Map<String, Object> c = Compiled.components(HIPPARCHUS.call("p.CGrad", "callHessian", 100.0, 95.0, 0.2, 0.5));
    double[][] hc = (double[][]) c.get("hessian");
    // Gamma of a call, d2V/dS2 = f(d1) / (S v sqrt(t)).
    double d1 = (Math.log(100 / 95.0) + 0.5 * 0.04 * 0.5) / (0.2 * Math.sqrt(0.5));
    assertEquals(Math.exp(-d1 * d1 / 2) / Math.sqrt(2 * Math.PI) / (100 * 0.2 * Math.sqrt(0.5)), hc[0][0], 1e-12);
  }

  /** Strata's pricers hold {@code ProbabilityDistribution<Double> NORMAL}; its argument is boxed. */
  @Test
  void strataNormalAsItsPricersCallIt() {
    Compiled c =
        Compiled.members(
            """
            private static final com.opengamma.strata.math.impl.statistics.distribution.ProbabilityDistribution<Double> NORMAL =
                new com.opengamma.strata.math.impl.statistics.distribution.NormalDistribution(0, 1);

            @Differentiable(forward = true, hessian = true)
            static double f(double x, double y) {
              return NORMAL.getCDF(x * y) + NORMAL.getPDF(x - y) * 2 + NORMAL.getInverseCDF(0.4 + 0.2 * Math.tanh(y));
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Random random = new Random(3);
    for (double x : XS) {
      for (double y : XS) {
        GradCheck.check(c, "f", x - 1, y - 1);
        JvpCheck.check(c, "p.C", "p.CGrad", "f", new Object[] {x - 1, y - 1}, random, 2);
      }
    }
  }

  @Test
  void commonsMathAndSmileNormals() {
    Compiled c =
        Compiled.members(
            """
            static final org.apache.commons.math3.distribution.NormalDistribution N =
                new org.apache.commons.math3.distribution.NormalDistribution(1.0, 0.5);
            static final smile.stat.distribution.GaussianDistribution G = new smile.stat.distribution.GaussianDistribution(-0.5, 1.5);

            @Differentiable(forward = true, hessian = true)
            static double f(double x, double y) {
              return N.cumulativeProbability(x) * N.density(y) + N.probability(x - 1, y + 1)
                  + G.cdf(x * y) + G.p(x) + G.logp(y) + G.quantile(0.3 + 0.1 * Math.tanh(x));
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Random random = new Random(4);
    for (double x : XS) {
      for (double y : XS) {
        GradCheck.check(c, "f", x, y);
        JvpCheck.check(c, "p.C", "p.CGrad", "f", new Object[] {x, y}, random, 2);
      }
    }
  }

  @Test
  void anObjectBuiltFromDifferentiableValuesIsAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x, double mu) {
              return new org.hipparchus.distribution.continuous.NormalDistribution(mu, 1.0)
                  .cumulativeProbability(x);
            }
            """);
    Diagnostic<?> d = onlyError(c);
    assertTrue(
        d.getMessage(null).contains("is built from differentiable values, and backprop differentiates 'cumulativeProbability'")
            && d.getMessage(null).contains("standardise"),
        d.getMessage(null));
    assertEquals(8, d.getLineNumber()); // ".cumulativeProbability(x)": members start on line 6
  }

  /** A Student density has no row: its second order is refused with the function it needs. */
  @Test
  void secondOrderThroughAnInterfaceRowIsAnError() {
    Compiled c =
        Compiled.members(
            """
            static final org.hipparchus.distribution.RealDistribution T =
                new org.hipparchus.distribution.continuous.TDistribution(3);

            @Differentiable(hessian = true) static double f(double x) {
              return T.cumulativeProbability(x);
            }
            """);
    assertTrue(onlyError(c).getMessage(null).contains("'AbstractRealDistribution.density', which backprop has no derivative rule for"), c.diagnostics());
  }

  @Test
  void aDistributionMethodWithNoRowHasNoDerivative() {
    Compiled c =
        Compiled.members(
            """
            static final org.hipparchus.distribution.continuous.TDistribution T =
                new org.hipparchus.distribution.continuous.TDistribution(3);

            @Differentiable static double f(double x) {
              return T.density(x);
            }
            """);
    Diagnostic<?> d = onlyError(c);
    assertTrue(d.getMessage(null).contains("backprop has no derivative for 'T.density', a library method"), d.getMessage(null));
    assertEquals(10, d.getLineNumber());
  }

  /** Every row names a public double instance method of the real library, with that arity. */
  @Test
  void everyRowIsALibraryMethod() throws Exception {
    Set<String> missing = new TreeSet<>();
    for (String row : Distributions.rows()) {
      String owner = row.substring(0, row.indexOf('#'));
      String name = row.substring(row.indexOf('#') + 1, row.indexOf('/'));
      int arity = Integer.parseInt(row.substring(row.indexOf('/') + 1)) - 1;
      boolean found = false;
      for (Method m : Class.forName(owner).getMethods()) {
        found |= m.getName().equals(name) && m.getParameterCount() == arity
            && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() == double.class;
      }
      if (!found) {
        missing.add(row);
      }
    }
    assertEquals(Set.of(), missing);
    assertTrue(io.github.backprop.processor.rules.Rule.hasRules(new Owner("org.hipparchus.distribution", "RealDistribution")));
  }

  private static Diagnostic<?> onlyError(Compiled c) {
    assertFalse(c.succeeded());
    var errors = c.compilation().errors();
    assertEquals(1, errors.size(), c.diagnostics());
    return errors.get(0);
  }
}
