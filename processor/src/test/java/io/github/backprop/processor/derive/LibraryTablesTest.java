package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Private tables of library code, copied into the generated class as Commons Numbers and Commons
 * Math declare them: a table of another class of the package (BoostGamma's FACTORIAL, read from
 * Gamma), a table passed to a private helper that only reads it (Lanczos' DENOM into
 * evaluateRational), a table cloned, a row of a 2-D table held in a final local (FastMath's
 * LN_QUICK_COEF), and a table set in a {@code static {}} block under {@code if} on a constant,
 * loaded by a method of another class (FastMath's ExpIntTable); and a private constant object
 * of a value class a helper returns (Policy.getDefault()).
 */
class LibraryTablesTest {
  static final Compiled COMPILED =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                @Differentiable static double gamma(double x) {
                  return Special.tgamma(x);
                }

                @Differentiable static double lanczos(double x) {
                  return Special.Lanczos.lanczosSum(x) * x;
                }

                @Differentiable static double quick(double x) {
                  return Special.quick(x);
                }

                @Differentiable static double table(double x) {
                  return Special.table(x);
                }

                @Differentiable static double factorials(double x) {
                  return Special.factorials(x);
                }
              }
              """,
              "p.Special",
              """
              package p;

              final class Special {
                private static final boolean RECOMPUTE_TABLES_AT_RUNTIME = false;
                private static final double[] FACTORIAL = {1.0, 1.0, 2.0, 6.0, 24.0, 120.0};
                private static final double[][] LN_QUICK_COEF = {
                  {1.0, 5.669184079525E-24},
                  {-0.25, -0.25},
                  {0.3333333134651184, 1.986821492305628E-8},
                };

                private Special() {}

                static double tgamma(double z) {
                  if (z == Math.floor(z) && z > 0 && z < FACTORIAL.length) {
                    return FACTORIAL[(int) z - 1] * z;
                  }
                  return Math.exp(z) * FACTORIAL[2];
                }

                static double factorials(double x) {
                  double[] f = FACTORIAL.clone();
                  f[0] = x;
                  return f[0] * f[3] + FACTORIAL[4] * x;
                }

                static double quick(double x) {
                  final double[] last = LN_QUICK_COEF[LN_QUICK_COEF.length - 1];
                  double y = last[0] * x + last[1];
                  for (double[] row : LN_QUICK_COEF) {
                    y = y * x + row[0];
                  }
                  return y;
                }

                static double table(double x) {
                  return ExpIntTable.EXP_INT_TABLE_A[1] * Math.sin(x) + ExpIntTable.EXP_INT_TABLE_A[2] * x;
                }

                static final class Lanczos {
                  private static final double[] NUM = {56906521.91347156388090791033559122686859, 103794043.1163445451906271053616070238554, 86363131.28813859145546927288977868422342};
                  private static final int[] DENOM = {0, 39916800, 120543840};

                  private Lanczos() {}

                  static double lanczosSum(double z) {
                    return evaluateRational(NUM, DENOM, z);
                  }

                  private static double evaluateRational(double[] a, int[] b, double x) {
                    double s1 = a[a.length - 1];
                    double s2 = b[b.length - 1];
                    for (int i = a.length - 2; i >= 0; i--) {
                      s1 = s1 * x + a[i];
                      s2 = s2 * x + b[i];
                    }
                    return s1 / s2;
                  }
                }

                private static class ExpIntTable {
                  private static final double[] EXP_INT_TABLE_A;

                  static {
                    if (RECOMPUTE_TABLES_AT_RUNTIME) {
                      EXP_INT_TABLE_A = new double[3];
                      for (int i = 0; i < 3; i++) {
                        EXP_INT_TABLE_A[i] = Math.exp(i);
                      }
                    } else {
                      EXP_INT_TABLE_A = Literals.loadExpIntA();
                    }
                  }
                }
              }
              """,
              "p.Literals",
              """
              package p;

              final class Literals {
                private static final double[] EXP_INT_A = {1.0, 2.718281828459045, 7.38905609893065};

                private Literals() {}

                static double[] loadExpIntA() {
                  return EXP_INT_A.clone();
                }
              }
              """));

  @Test
  void privateTablesOfLibraryClassesGiveTheGradient() {
    for (double x : new double[] {0.3, 1.7, 2.5, 4.5}) {
      GradCheck.check(COMPILED, "gamma", x);
      GradCheck.check(COMPILED, "lanczos", x);
      GradCheck.check(COMPILED, "quick", x);
      GradCheck.check(COMPILED, "table", x);
      GradCheck.check(COMPILED, "factorials", x);
    }
  }

  @Test
  void exactPartials() {
    // table: e sin x + e^2 x, so d/dx = e cos x + e^2
    Map<String, Object> g = Compiled.components(COMPILED.call("p.CGrad", "table", 0.5));
    assertEquals(Math.E * Math.cos(0.5) + 7.38905609893065, (Double) g.get("x"), 1e-14);
    // gamma at 2, a whole number below FACTORIAL.length: FACTORIAL[1] * z
    g = Compiled.components(COMPILED.call("p.CGrad", "gamma", 2.0));
    assertEquals(1.0, (Double) g.get("x"), 0.0);
    // factorials: x * 6 + 24 x
    g = Compiled.components(COMPILED.call("p.CGrad", "factorials", 3.0));
    assertEquals(30.0, (Double) g.get("x"), 0.0);
  }

  @Test
  void eachTableIsCopiedOnceFromItsInitializerAsWritten() {
    String src = COMPILED.source("p.CGrad");
    assertTrue(src.contains("private static final double[] _Special_FACTORIAL = {"), src);
    assertTrue(src.contains("private static final int[] _Lanczos_DENOM = {0, 39916800, 120543840};"), src);
    assertTrue(src.contains("private static final double[][] _Special_LN_QUICK_COEF = {"), src);
    // The branch the class runs, RECOMPUTE_TABLES_AT_RUNTIME being false, and nothing else.
    assertTrue(src.contains("private static final double[] _ExpIntTable_EXP_INT_TABLE_A = Literals.loadExpIntA();"), src);
    assertTrue(!src.contains("Math.exp(i)"), src);
  }

  @Test
  void aPrivateLoggerSetInAStaticBlockIsCopiedLikeOneSetWhereDeclared() {
    Compiled c =
        Compiled.members(
            """
            private static final java.util.logging.Logger LOG;

            static {
              LOG = java.util.logging.Logger.getLogger("p");
            }

            @Differentiable static double f(double x) {
              LOG.fine("x = " + x);
              return x * x;
            }
            """);
    GradCheck.check(c, "f", 1.5);
    assertTrue(c.source("p.CGrad").contains("private static final Logger _LOG = Logger.getLogger(\"p\");"), c.source("p.CGrad"));
  }

  @Test
  void aPrivateConstantPolicyReturnedByAHelperIsHeldAsItsInitializersArguments() {
    // Commons Numbers' Policy.getDefault(): return DEFAULT, a private static final Policy
    Compiled c = Compiled.compileAll(Map.of("p.C", """
        package p;

        import io.github.backprop.Differentiable;

        class C {
          @Differentiable static double f(double x) {
            return series(x, Policy.getDefault());
          }

          static double series(double x, Policy pol) {
            final double eps = pol.getEps();
            final int max = pol.getMaxIterations();
            double s = 0;
            double t = 1;
            for (int i = 0; i < max && Math.abs(t) > eps; i++) {
              s += t;
              t *= x / (i + 1);
            }
            return s;
          }
        }
        """, "p.Policy", """
        package p;

        final class Policy {
          private static final Policy DEFAULT = new Policy(0x1.0p-53, 1000000);
          private final double eps;
          private final int maxIterations;

          Policy(double eps, int maxIterations) {
            this.eps = eps;
            this.maxIterations = maxIterations;
          }

          static Policy getDefault() {
            return DEFAULT;
          }

          double getEps() {
            return eps;
          }

          int getMaxIterations() {
            return maxIterations;
          }
        }
        """));
    GradCheck.check(c, "f", 0.7);
    Map<String, Object> g = Compiled.components(c.call("p.CGrad", "f", 0.7));
    assertEquals(Math.exp(0.7), (Double) g.get("x"), 1e-14); // the series of exp, to 2^-53
    assertTrue(c.source("p.CGrad").contains("int getDefault_maxIterations = 1000000;"), c.source("p.CGrad"));
  }
}
