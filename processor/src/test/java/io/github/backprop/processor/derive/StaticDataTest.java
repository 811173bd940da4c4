package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Static fields read as data: coefficient tables of this class and of others, {@code .length},
 * scalars computed at class initialisation or in a {@code static} block, and non-final fields
 * (their value when the method is called).
 */
class StaticDataTest {
  static final String TABLES =
      """
      package q;

      public final class Tables {
        private Tables() {}

        public static final double[][] M = {{1, 2}, {3, 4}, {5, 6}};
        public static final int[] POWERS = {1, 2, 3};
        public static final double[] SQUARES;

        static {
          SQUARES = new double[4];
          for (int i = 0; i < SQUARES.length; i++) {
            SQUARES[i] = i * i;
          }
        }
      }
      """;

  static final String C =
      """
      package p;

      import static q.Tables.SQUARES;

      import io.github.backprop.Differentiable;
      import q.Tables;

      class C {
        // Hipparchus' Gamma: g = 607/128 and its Lanczos coefficients, copied as written.
        static final double LANCZOS_G = 607.0 / 128.0;
        static final double[] LANCZOS = {
          0.99999999999999709182,
          57.156235665862923517,
          -59.597960355475491248,
          14.136097974741747174,
          -0.49191381609762019978,
          .33994649984811888699e-4,
          .46523628927048575665e-4,
          -.98374475304879564677e-4,
          .15808870322491248884e-3,
          -.21026444172410488319e-3,
          .21743961811521264320e-3,
          -.16431810653676389022e-3,
          .84418223983852743293e-4,
          -.26190838401581408670e-4,
          .36899182659531622704e-5,
        };
        static final double HALF_LOG_2_PI = 0.5 * Math.log(2.0 * Math.PI);
        static final double[] WEIGHTS;
        static double scale = 3;
        static int calls;

        static {
          WEIGHTS = new double[] {0.5, 0.25, 0.125};
        }

        @Differentiable static double lanczos(double x) {
          double sum = 0.0;
          for (int i = LANCZOS.length - 1; i > 0; --i) {
            sum = sum + (LANCZOS[i] / (x + i));
          }
          return sum + LANCZOS[0];
        }

        @Differentiable static double logGamma(double x) {
          double tmp = x + LANCZOS_G + .5;
          return ((x + .5) * Math.log(tmp)) - tmp + HALF_LOG_2_PI + Math.log(lanczos(x) / x);
        }

        @Differentiable static double weighted(double[] v) {
          double s = 0;
          for (int i = 0; i < WEIGHTS.length && i < v.length; i++) {
            s += WEIGHTS[i] * v[i] * v[i];
          }
          return s;
        }

        @Differentiable static double matrix(double x, double y) {
          double s = 0;
          for (int i = 0; i < Tables.M.length; i++) {
            s += Math.sin(Tables.M[i][0] * x + Tables.M[i][1] * y);
          }
          return s;
        }

        @Differentiable static double imported(double x) {
          double s = 0;
          for (double sq : SQUARES) {
            s += sq * x * x;
          }
          return s + Tables.POWERS[2] * x + SQUARES.length;
        }

        @Differentiable static double rowAlias(double x, int r) {
          double[] row = Tables.M[r];
          return row[0] * x + row[1] * x * x;
        }

        @Differentiable static double nonFinal(double x) {
          return scale * x * x + calls;
        }
      }
      """;

  static final Compiled COMPILED = Compiled.compileAll(Map.of("q.Tables", TABLES, "p.C", C));

  @Test
  void coefficientTable() {
    for (double x : new double[] {0.3, 1.7, 4.5, 12.0}) {
      GradCheck.check(COMPILED, "lanczos", x);
      GradCheck.check(COMPILED, "logGamma", x);
    }
  }

  @Test
  void logGammaDerivativeIsDigamma() {
    // d/dx logGamma(x) = digamma(x); digamma(1) = -EulerGamma, digamma(2) = 1 - EulerGamma.
    double euler = 0.5772156649015329;
    Map<String, Object> g = Compiled.components(COMPILED.call("p.CGrad", "logGamma", 1.0));
    assertEquals(-euler, (Double) g.get("x"), 1e-12);
    g = Compiled.components(COMPILED.call("p.CGrad", "logGamma", 2.0));
    assertEquals(1 - euler, (Double) g.get("x"), 1e-12);
  }

  @Test
  void tablesFromStaticBlocksAndOtherClasses() {
    GradCheck.check(COMPILED, "weighted", (Object) new double[] {1.5, -2, 3, 4});
    GradCheck.check(COMPILED, "weighted", (Object) new double[] {0.5});
    for (double x : new double[] {-0.4, 0.3, 1.1}) {
      GradCheck.check(COMPILED, "matrix", x, 0.7);
      GradCheck.check(COMPILED, "imported", x);
      GradCheck.check(COMPILED, "rowAlias", x, 0);
      GradCheck.check(COMPILED, "rowAlias", x, 2);
    }
    // imported: (0 + 1 + 4 + 9) x^2 + 3x + 4, so d/dx at 1 is 31.
    Map<String, Object> g = Compiled.components(COMPILED.call("p.CGrad", "imported", 1.0));
    assertEquals(31.0, (Double) g.get("x"));
    assertEquals(21.0, (Double) g.get("value"));
  }

  @Test
  void nonFinalFieldIsItsValueAtTheCall() {
    Class<?> c = COMPILED.loadClass("p.C");
    try {
      for (double s : new double[] {3, -1.5}) {
        java.lang.reflect.Field scale = c.getDeclaredField("scale");
        java.lang.reflect.Field calls = c.getDeclaredField("calls");
        scale.setAccessible(true);
        calls.setAccessible(true);
        scale.setDouble(null, s);
        calls.setInt(null, 2);
        for (double x : new double[] {-0.4, 0.3, 1.1}) {
          Map<String, Object> g = GradCheck.check(COMPILED, "nonFinal", x);
          assertEquals(2 * s * x, (Double) g.get("x"), 1e-15);
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void generatedCodeNamesTheFields() {
    String src = COMPILED.source("p.CGrad");
    assertTrue(src.contains("C.LANCZOS[i]"), src);
    assertTrue(src.contains("Tables.M[i][0]"), src);
    assertTrue(src.contains("_s0 = C.scale"), src);
  }
}
