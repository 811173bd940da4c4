package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @DerivativeOf} rules: for library methods whose source backprop cannot read (Hipparchus
 * {@code Erf.erf}, {@code Beta.logBeta}), for a user's own plain method with an int passed
 * through, and in place of a {@code @Differentiable} method's own derivative.
 */
class CustomDerivativesTest {
  private static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;
              import org.hipparchus.special.Beta;
              import org.hipparchus.special.Erf;

              class C {
                @Differentiable static double cdf(double x, double mu, double sigma) {
                  return 0.5 * (1 + Erf.erf((x - mu) / (sigma * Math.sqrt(2))));
                }

                @Differentiable static double logBetaMix(double a, double b) {
                  return Beta.logBeta(a * a, b) + a * Beta.logBeta(2, b);
                }

                @Differentiable static double power(double x, int n) {
                  return Lib.powi(x, n) + Lib.powi(2 * x, n + 1) / 7;
                }

                @Differentiable static double softplus(double x) {
                  return Math.log(1 + Math.exp(x));
                }

                @Differentiable static double loss(double[] w, double t) {
                  double s = 0;
                  for (int i = 0; i < w.length; i++) {
                    s += softplus(w[i] * t) * Erf.erf(w[i]);
                  }
                  return s;
                }

                @Differentiable static double product(double[] r, double c) {
                  double p = c;
                  for (int i = 0; i < r.length; i++) {
                    p = Lib.powi(Erf.erf(r[i] * p) + p, i % 3 + 1);
                  }
                  return p;
                }

                @Differentiable static double straightThrough(double x) {
                  return Lib.quantize(x) * x;
                }

                @Differentiable static double constantArgument(double x, int k) {
                  return x * Erf.erf(k / 3.0);
                }
              }
              """,
              "p.Lib",
              """
              package p;

              final class Lib {
                private Lib() {}

                static double powi(double x, int n) {
                  double r = 1;
                  for (int i = 0; i < n; i++) {
                    r *= x;
                  }
                  return r;
                }

                /** Rounds to quarters; its rule passes the gradient straight through. */
                static double quantize(double x) {
                  return Math.rint(4 * x) / 4;
                }
              }
              """,
              "p.Rules",
              """
              package p;

              import io.github.backprop.DerivativeOf;
              import org.hipparchus.special.Beta;
              import org.hipparchus.special.Erf;
              import org.hipparchus.special.Gamma;

              final class Rules {
                private Rules() {}

                @DerivativeOf(type = Erf.class, method = "erf")
                static ErfD erf(double x) {
                  return new ErfD(Erf.erf(x), 2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
                }

                record ErfD(double value, double dx) {}

                @DerivativeOf(type = Beta.class, method = "logBeta")
                static LogBetaD logBeta(double a, double b) {
                  double both = Gamma.digamma(a + b);
                  return new LogBetaD(Beta.logBeta(a, b), Gamma.digamma(a) - both, Gamma.digamma(b) - both);
                }

                record LogBetaD(double value, double a, double b) {}

                @DerivativeOf(type = Lib.class, method = "powi")
                static PowiD powi(double x, int n) {
                  return new PowiD(Lib.powi(x, n), n == 0 ? 0 : n * Lib.powi(x, n - 1));
                }

                record PowiD(double value, double dx) {}

                @DerivativeOf(type = C.class, method = "softplus")
                static SoftplusD softplus(double x) {
                  return new SoftplusD(C.softplus(x), 1 / (1 + Math.exp(-x)));
                }

                record SoftplusD(double value, double dx) {}

                @DerivativeOf(type = Lib.class, method = "quantize")
                static QuantizeD straightThrough(double x) {
                  return new QuantizeD(Lib.quantize(x), 1);
                }

                record QuantizeD(double value, double dx) {}
              }
              """));

  @Test
  void libraryMethodsGetTheirRulesDerivative() {
    for (double x : new double[] {-1.3, -0.2, 0.4, 2.1}) {
      GradCheck.check(C, "cdf", x, 0.3, 1.7);
      GradCheck.check(C, "cdf", x, -0.5, 0.6);
    }
    for (double a : new double[] {0.7, 1.4, 2.6}) {
      for (double b : new double[] {0.9, 3.2}) {
        GradCheck.check(C, "logBetaMix", a, b);
      }
    }
  }

  @Test
  void aPlainMethodOfTheUserWithAnIntPassedThrough() {
    for (double x : new double[] {-1.2, 0.5, 1.9}) {
      for (int n : new int[] {0, 1, 3}) {
        GradCheck.check(C, "power", x, n);
      }
    }
  }

  @Test
  void rulesInALoopAndInPlaceOfADifferentiableMethodsOwnDerivative() {
    GradCheck.check(C, "softplus", 0.8);
    for (double t : new double[] {-0.7, 0.35, 1.6}) {
      GradCheck.check(C, "loss", new double[] {0.3, -1.1, 2.0, 0.0}, t);
      GradCheck.check(C, "product", new double[] {0.3, -0.4, 0.8, 0.1, -0.2}, t);
    }
    String src = C.source("p.CGrad");
    assertTrue(src.contains("Rules.softplus("), src);
  }

  @Test
  void theRulesPartialIsWhatTheGradientUses() {
    // quantize(x) * x, with the straight-through rule d quantize/dx = 1: the gradient is
    // x + quantize(x), though the function itself is piecewise linear in x.
    for (double x : new double[] {-0.8, 0.3, 1.13}) {
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "straightThrough", x));
      assertEquals(Math.rint(4 * x) / 4 * x, (Double) g.get("value"), 0.0);
      assertEquals(x + Math.rint(4 * x) / 4, (Double) g.get("x"), 0.0);
    }
  }

  @Test
  void rulesOfAClassCompiledBeforeAreNamedWithRules(@TempDir Path dir) {
    Compiled library =
        Compiled.compileAll(
            Map.of(
                "lib.SpecialRules",
                """
                package lib;

                import io.github.backprop.DerivativeOf;
                import org.hipparchus.special.elliptic.legendre.LegendreEllipticIntegral;

                public final class SpecialRules {
                  private SpecialRules() {}

                  // dK/dm = (E(m) - (1 - m) K(m)) / (2 m (1 - m)), for the parameter m = k^2
                  @DerivativeOf(type = LegendreEllipticIntegral.class, method = "bigK")
                  public static BigKD bigK(double m) {
                    double k = LegendreEllipticIntegral.bigK(m);
                    double e = LegendreEllipticIntegral.bigE(m);
                    return new BigKD(k, (e - (1 - m) * k) / (2 * m * (1 - m)));
                  }

                  public record BigKD(double value, double dm) {}
                }
                """));
    assertTrue(library.succeeded(), library.diagnostics());
    String user =
        """
        package p;

        import io.github.backprop.Differentiable;
        import org.hipparchus.special.elliptic.legendre.LegendreEllipticIntegral;

        class C {
          @Differentiable(rules = lib.SpecialRules.class)
          static double tail(double x, double s) {
            return s * LegendreEllipticIntegral.bigK(x * x / (4 * s));
          }

          @Differentiable
          static double unnamed(double x) {
            return LegendreEllipticIntegral.bigK(x);
          }
        }
        """;
    Compiled c = Compiled.compileAgainst(library, dir, Map.of("p.C", user));
    // The rule applies where it is named, and only there.
    assertTrue(c.diagnostics().contains("no derivative for 'LegendreEllipticIntegral.bigK'"), c.diagnostics());
    assertTrue(c.diagnostics().contains("[BackpropNoDerivative]"), c.diagnostics());
    Compiled named = Compiled.compileAgainst(library, dir, Map.of("p.C", user.replaceAll("(?s)  @Differentiable\n  static double unnamed.*?\n  }\n", "")));
    for (double x : new double[] {-0.9, 0.2, 1.4}) {
      GradCheck.check(named, "tail", x, 0.8);
    }
  }

  @Test
  void aRuleWithAConstantArgumentCallsTheMethodItself() {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "constantArgument", 1.5, 2));
    assertEquals(org.hipparchus.special.Erf.erf(2 / 3.0), (Double) g.get("x"), 0.0);
    assertTrue(C.source("p.CGrad").contains("Erf.erf(k / 3.0)"), C.source("p.CGrad"));
  }

  /**
   * A library method of arrays: the rule's record holds the value's gradient with respect to each
   * double[] argument, an array of its shape (the pullback of a unit cotangent).
   */
  @Test
  void aRuleForAMethodOfArraysGivesArraysOfPartials() {
    Compiled c =
        Compiled.members(
            """
            @io.github.backprop.DerivativeOf(type = org.hipparchus.util.MathArrays.class, method = "linearCombination")
            static LinearCombinationD linearCombination(double[] a, double[] b) {
              return new LinearCombinationD(org.hipparchus.util.MathArrays.linearCombination(a, b), b.clone(), a.clone());
            }

            record LinearCombinationD(double value, double[] da, double[] db) {}

            @Differentiable(forward = true)
            static double energy(double[] x, double[] w, double s) {
              return s * org.hipparchus.util.MathArrays.linearCombination(x, w)
                  + org.hipparchus.util.MathArrays.linearCombination(x, x);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    java.util.Random r = new java.util.Random(6);
    for (int k = 0; k < 3; k++) {
      double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double[] w = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      GradCheck.check(c, "energy", x, w, 0.5 + k);
      io.github.backprop.processor.testing.JvpCheck.check(c, "p.C", "p.CGrad", "energy", new Object[] {x, w, 0.5 + k}, r, 2);
    }
    Map<String, Object> g = Compiled.components(c.call("p.CGrad", "energy", new double[] {1, 2}, new double[] {3, 4}, 2.0));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {2 * 3 + 2, 2 * 4 + 4}, (double[]) g.get("x"));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {2, 4}, (double[]) g.get("w"));
  }

  @Test
  void anArrayPartialMustBeAnArray() {
    Compiled c =
        Compiled.members(
            """
            @io.github.backprop.DerivativeOf(type = org.hipparchus.util.MathArrays.class, method = "linearCombination")
            static LinearCombinationD linearCombination(double[] a, double[] b) {
              return new LinearCombinationD(0, 0, 0);
            }

            record LinearCombinationD(double value, double da, double db) {}
            """);
    assertFalse(c.succeeded());
    assertTrue(
        c.diagnostics().contains("must be record LinearCombinationD(double value, double[] da, double[] db) {}"),
        c.diagnostics());
  }
}
