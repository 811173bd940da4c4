package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Second order (mHvp, mHessian) and forward mode (mJvp) through {@code @DerivativeOf} rules: the
 * rule gives first derivatives; second order differentiates the rule's partials, read from its
 * body, so one declaration serves every mode. Exact Hessians where known, central differences of
 * the gradient elsewhere, the Hessian's symmetry, and the errors where a rule's partials cannot be
 * read (a rule compiled before, a rule taking arrays).
 */
class RuleSecondOrderTest {
  /** Lib's methods stand for a library's: backprop calls them through the rules, never reading them. */
  private static final String LIB =
      """
      package p;

      final class Lib {
        private Lib() {}

        static double powi(double x, int n) {
          double r = 1;
          for (int i = 0; i < n; i++) {
            r = r * x;
          }
          return r;
        }

        static double logistic(double x) {
          return 1 / (1 + Math.exp(-x));
        }

        static double hyp(double a, double b) {
          return Math.sqrt(a * a + b * b);
        }

        static double dot(double[] a, double[] b) {
          double s = 0;
          for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
          }
          return s;
        }
      }
      """;

  private static final String RULES =
      """
      package p;

      import io.github.backprop.DerivativeOf;

      final class Rules {
        private Rules() {}

        // The partial calls the method itself: its derivative comes from this rule again.
        @DerivativeOf(type = Lib.class, method = "powi")
        static PowiD powi(double x, int n) {
          return new PowiD(Lib.powi(x, n), n == 0 ? 0 : n * Lib.powi(x, n - 1));
        }

        record PowiD(double value, double dx) {}

        // A body of statements: the value kept in a local and reused by the partial.
        @DerivativeOf(type = Lib.class, method = "logistic")
        static LogisticD logistic(double x) {
          double s = Lib.logistic(x);
          double d = s * (1 - s);
          return new LogisticD(s, d);
        }

        record LogisticD(double value, double dx) {}

        @DerivativeOf(type = Lib.class, method = "hyp")
        static HypD hyp(double a, double b) {
          double h = Math.sqrt(a * a + b * b);
          return new HypD(h, a / h, b / h);
        }

        record HypD(double value, double da, double db) {}
      }
      """;

  private static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.Lib", LIB,
              "p.Rules", RULES,
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                @Differentiable(forward = true, hessian = true)
                static double cubeTimes(double x, double y) {
                  return Lib.powi(x, 3) * y;
                }

                @Differentiable(forward = true, hessian = true)
                static double logit(double x, double w) {
                  return Lib.logistic(w * x) + 0.5 * Lib.logistic(x) * Lib.logistic(x);
                }

                @Differentiable(forward = true, hessian = true)
                static double norm(double a, double b) {
                  return Lib.hyp(a, b) * a;
                }

                @Differentiable(forward = true, hessian = true)
                static double layer(double[] w, double x) {
                  double s = 0;
                  for (int i = 0; i < w.length; i++) {
                    s += Lib.logistic(w[i] * x) * Lib.powi(w[i], i + 1);
                  }
                  return s;
                }

                @Differentiable(forward = true, hessian = true)
                static double inHelper(double x, double y) {
                  return squash(x + y) * x;
                }

                static double squash(double t) {
                  return Lib.hyp(t, 1) - 1;
                }
              }
              """));

  private static double[][] hessian(Compiled c, String name, Object... args) {
    return (double[][]) Compiled.components(c.call("p.CGrad", name + "Hessian", args)).get("hessian");
  }

  /** x³y: the rule's partial 3x² is differentiated through the rule again, exactly. */
  @Test
  void aRulesPartialCallingTheMethodGivesExactSecondDerivatives() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] p : new double[][] {{1.5, -0.7}, {-2.0, 0.3}, {0.25, 4.0}}) {
      double x = p[0];
      double y = p[1];
      double[][] h = hessian(C, "cubeTimes", x, y);
      assertEquals(6 * x * y, h[0][0], 1e-12);
      assertEquals(3 * x * x, h[0][1], 1e-12);
      assertEquals(3 * x * x, h[1][0], 1e-12);
      assertEquals(0, h[1][1], 1e-12);
      Map<String, Object> hv = Compiled.components(C.call("p.CGrad", "cubeTimesHvp", x, y, 0.5, -2.0));
      double[] hvp = (double[]) hv.get("hvp");
      assertEquals(6 * x * y * 0.5 + 3 * x * x * -2.0, hvp[0], 1e-12);
      assertEquals(3 * x * x * 0.5, hvp[1], 1e-12);
      assertEquals(3 * x * x * y, ((double[]) hv.get("gradient"))[0], 1e-12);
    }
  }

  /** hyp(a, b)·a: exact Hessian of a·sqrt(a² + b²) from the rule's partials a/h and b/h. */
  @Test
  void aRuleOfTwoArgumentsHasItsCrossDerivatives() {
    for (double[] p : new double[][] {{3, 4}, {-1.2, 0.5}, {0.3, -2.2}}) {
      double a = p[0];
      double b = p[1];
      double h = Math.hypot(a, b);
      double[][] got = hessian(C, "norm", a, b);
      // f = a h: f_aa = 2a/h + a(h² - a²)/h³ ... written from h_a = a/h, h_aa = b²/h³, h_ab = -ab/h³, h_bb = a²/h³
      assertEquals(2 * a / h + a * b * b / (h * h * h), got[0][0], 1e-12);
      assertEquals(b / h - a * a * b / (h * h * h), got[0][1], 1e-12);
      assertEquals(got[0][1], got[1][0], 1e-15);
      assertEquals(a * a * a / (h * h * h), got[1][1], 1e-12);
    }
  }

  /** Rules in loops, in helpers read in place, with a local in the rule: against differences of the gradient. */
  @Test
  void rulesInLoopsAndHelpersAgainstDifferencesOfTheGradient() {
    Random random = new Random(2026173001L);
    for (int k = 0; k < 3; k++) {
      double x = random.nextDouble() * 2 - 1;
      double w = random.nextDouble() * 2 - 1;
      HessianCheck.check(C, "logit", new Object[] {x, w});
      HessianCheck.check(C, "inHelper", new Object[] {x, w});
      HessianCheck.check(C, "layer", new Object[] {new double[] {w, 0.4, -x}, 0.7 + k});
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "logit", new Object[] {x, w}, random, 2).ran());
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "layer", new Object[] {new double[] {w, 0.4, -x}, 0.7}, random, 2).ran());
      double[][] h = hessian(C, "layer", new double[] {w, 0.4, -x}, 0.7 + k);
      for (int i = 0; i < h.length; i++) {
        for (int j = 0; j < i; j++) {
          assertEquals(h[i][j], h[j][i], 1e-12 * Math.max(1, Math.abs(h[i][j])), "symmetric at " + i + ", " + j);
        }
      }
    }
  }

  /** The gradient and forward mode still call the rule alone: its body runs only in second order. */
  @Test
  void theGradientAndForwardModeOfAMethodWithHessianCallTheRuleAlone() {
    String source = C.source("p.CGrad");
    int gradient = source.indexOf("public static CubeTimes cubeTimes(");
    int jvp = source.indexOf("public static CubeTimesJvp cubeTimesJvp(");
    assertTrue(gradient >= 0 && jvp >= 0, source);
    String first = source.substring(gradient, source.indexOf("\n    }\n", gradient));
    String forward = source.substring(jvp, source.indexOf("\n    }\n", jvp));
    assertTrue(first.contains("Rules.powi(x, 3)") && !first.contains("Lib.powi(x, 3 - 1)"), first);
    assertTrue(forward.contains("Rules.powi(x, 3)") && !forward.contains("Lib.powi(x, 3 - 1)"), forward);
  }

  /** A rule compiled before: second order cannot read its partials, and says so at the call. */
  @Test
  void aRuleCompiledBeforeIsAnErrorForSecondOrderOnly(@TempDir Path dir) {
    Compiled library =
        Compiled.compileAll(
            Map.of(
                "lib.Lib",
                LIB.replace("package p;", "package lib;").replace("final class Lib", "public final class Lib")
                    .replace("static double", "public static double"),
                "lib.LibRules",
                """
                package lib;

                import io.github.backprop.DerivativeOf;

                public final class LibRules {
                  private LibRules() {}

                  @DerivativeOf(type = Lib.class, method = "logistic")
                  public static LogisticD logistic(double x) {
                    double s = Lib.logistic(x);
                    return new LogisticD(s, s * (1 - s));
                  }

                  public record LogisticD(double value, double dx) {}
                }
                """));
    assertTrue(library.succeeded(), library.diagnostics());
    String user =
        """
        package p;

        import io.github.backprop.Differentiable;
        import lib.Lib;

        class C {
          @Differentiable(rules = lib.LibRules.class, forward = true)
          static double first(double x) {
            return Lib.logistic(x) * x;
          }

          @Differentiable(rules = lib.LibRules.class, hessian = true)
          static double second(double x) {
            return Lib.logistic(x) * x;
          }
        }
        """;
    Compiled c = Compiled.compileAgainst(library, dir, Map.of("p.C", user));
    assertFalse(c.succeeded());
    String d = c.diagnostics();
    assertTrue(d.contains("hessian = true needs the second derivatives of 'Lib.logistic', which backprop takes from the"
        + " partials of its @DerivativeOf rule, but its rule LibRules.logistic is compiled already"), d);
    assertTrue(d.contains("compile the rule with this class"), d);
    assertEquals(1, d.split("\\[Backprop").length - 1, d); // first's gradient and mJvp are fine
    assertTrue(d.contains(":14:"), d); // at the call in second
  }

  /** A rule taking arrays: its partials are arrays, which second order does not differentiate. */
  @Test
  void aRuleTakingArraysIsAnErrorNamingTheModeAndTheRule() {
    Compiled c =
        Compiled.compileAll(
            Map.of(
                "p.Lib", LIB,
                "p.Rules",
                """
                package p;

                import io.github.backprop.DerivativeOf;

                final class Rules {
                  private Rules() {}

                  @DerivativeOf(type = Lib.class, method = "dot")
                  static DotD dot(double[] a, double[] b) {
                    return new DotD(Lib.dot(a, b), b.clone(), a.clone());
                  }

                  record DotD(double value, double[] da, double[] db) {}
                }
                """,
                "p.C",
                """
                package p;

                import io.github.backprop.Differentiable;

                class C {
                  @Differentiable(forward = true)
                  static double fine(double[] a, double[] b) {
                    return Lib.dot(a, b) * a[0];
                  }

                  @Differentiable(hessian = true)
                  static double quad(double[] a, double[] b) {
                    return Lib.dot(a, b) * a[0];
                  }
                }
                """));
    assertFalse(c.succeeded());
    String d = c.diagnostics();
    assertTrue(d.contains("hessian = true needs the second derivatives of 'Lib.dot'") && d.contains("its rule Rules.dot"
        + " takes arrays, whose partials second order does not differentiate yet"), d);
    assertTrue(d.contains(":13:"), d);
  }
}
