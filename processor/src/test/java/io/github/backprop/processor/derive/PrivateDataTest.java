package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Private static final fields, read from their copies in the generated class: Hipparchus'
 * Lanczos table and log(2 pi)/2 as Gamma declares them, a scalar computed from other private
 * fields, a 2-D table, a field of a private nested class, and a logger, whose copy is a second
 * instance.
 */
class PrivateDataTest {
  static final Compiled COMPILED =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                private static final double LANCZOS_G = 607.0 / 128.0;
                private static final double HALF_LOG_2_PI = 0.5 * Math.log(2.0 * Math.PI);
                private static final double[] LANCZOS = {
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
                private static final double[] SHIFTED = {LANCZOS[1] * HALF_LOG_2_PI, -LANCZOS[2], Scales.ROOT_2};
                private static final double[][] A = {{1, -2.5}, {Math.E, Scales.ROOT_2}};
                private static final Log LOG = new Log("p.C");

                private static final class Scales {
                  static final double ROOT_2 = Math.sqrt(2.0);
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

                @Differentiable static double shifted(double x, double[] w) {
                  double s = 0;
                  for (int i = 0; i < SHIFTED.length && i < w.length; i++) {
                    s += SHIFTED[i] * Math.sin(w[i] * x);
                  }
                  return s;
                }

                @Differentiable static double matrix(double x, double y) {
                  LOG.debug("x = " + x);
                  double[] row = A[1];
                  return A[0][0] * x * x + A[0][1] * x * y + row[0] * Math.exp(y) + row[1] * y * Scales.ROOT_2;
                }
              }
              """,
              "p.Log",
              """
              package p;

              public final class Log {
                public final String name;
                public int messages;

                public Log(String name) {
                  this.name = name;
                }

                public void debug(String message) {
                  messages++;
                }
              }
              """));

  @Test
  void copiedTablesAndScalarsGiveTheGradient() {
    for (double x : new double[] {0.3, 1.7, 4.5, 12.0}) {
      GradCheck.check(COMPILED, "lanczos", x);
      GradCheck.check(COMPILED, "logGamma", x);
      GradCheck.check(COMPILED, "shifted", x, new double[] {0.5, -1.0, 2.0});
      GradCheck.check(COMPILED, "matrix", x, 0.4 - x / 10);
    }
  }

  @Test
  void logGammaDerivativeIsDigamma() {
    // d/dx logGamma(x) = digamma(x); digamma(1) = -EulerGamma, digamma(2) = 1 - EulerGamma.
    double euler = 0.5772156649015329;
    Map<String, Object> g = Compiled.components(COMPILED.call("p.CGrad", "logGamma", 1.0));
    assertEquals(-euler, (Double) g.get("x"), 1e-12);
    assertEquals(0.0, (Double) g.get("value"), 1e-14); // log Gamma(1) = 0
    g = Compiled.components(COMPILED.call("p.CGrad", "logGamma", 2.0));
    assertEquals(1 - euler, (Double) g.get("x"), 1e-12);
  }

  @Test
  void exactPartialsOfTheCopiedMatrix() {
    // d/dx = 2x + A[0][1] y, d/dy = A[0][1] x + e * exp(y) + sqrt(2) * sqrt(2)
    Map<String, Object> g = Compiled.components(COMPILED.call("p.CGrad", "matrix", 1.5, 0.0));
    assertEquals(3.0, (Double) g.get("x"), 0.0);
    assertEquals(-2.5 * 1.5 + Math.E + Math.sqrt(2.0) * Math.sqrt(2.0), (Double) g.get("y"), 1e-15);
  }

  @Test
  void theCopiesAreDeclaredInTheGeneratedClassAndReadQualified() {
    String src = COMPILED.source("p.CGrad");
    assertTrue(src.contains("private static final double[] _LANCZOS = {"), src);
    assertTrue(src.contains("_HALF_LOG_2_PI = 0.5 * Math.log(2.0 * Math.PI);"), src);
    // A field of the private nested class is copied as well, under its class's name.
    assertTrue(src.contains("_Scales_ROOT_2 = Math.sqrt(2.0);"), src);
    assertTrue(src.contains("CGrad._LANCZOS[i]"), src);
    // The compile-time constant LANCZOS_G is inlined, not copied.
    assertTrue(!src.contains("_LANCZOS_G"), src);
    // SHIFTED reads LANCZOS, HALF_LOG_2_PI and ROOT_2: they are declared before it.
    int shifted = src.indexOf("double[] _SHIFTED");
    assertTrue(shifted > src.indexOf("double[] _LANCZOS ="), src);
    assertTrue(shifted > src.indexOf("double _HALF_LOG_2_PI ="), src);
    assertTrue(shifted > src.indexOf("double _Scales_ROOT_2 ="), src);
  }

  @Test
  void anObjectsCopyIsASecondInstanceFromTheSameExpression() throws Exception {
    Field original = COMPILED.loadClass("p.C").getDeclaredField("LOG");
    Field copy = COMPILED.loadClass("p.CGrad").getDeclaredField("_LOG");
    original.setAccessible(true);
    copy.setAccessible(true);
    Object log = original.get(null);
    Object second = copy.get(null);
    assertNotSame(log, second);
    assertEquals("p.C", second.getClass().getField("name").get(second));
    Field messages = second.getClass().getField("messages");
    int before = messages.getInt(second);
    int primalBefore = messages.getInt(log);
    COMPILED.call("p.CGrad", "matrix", 0.5, 0.5);
    assertEquals(before + 1, messages.getInt(second));
    assertEquals(primalBefore, messages.getInt(log));
  }

  /**
   * Blank finals set in a {@code static {}} block, as Orekit's KeplerianAnomalyUtility sets its
   * starter coefficients: the copy computes the same value from the block's locals, with an
   * {@code int} local converted to {@code double} where the block assigned it so, and a field of
   * a private nested class.
   */
  @Test
  void privateFieldsSetInAStaticBlock() throws Exception {
    Compiled c =
        Compiled.members(
            """
            private static final double A;
            private static final double B;
            private static final double THIRD;

            static {
                final double k1 = 3 * Math.PI + 2;
                final double k2 = Math.PI - 1;
                final double k3 = 6 * Math.PI - 1;
                A = 3 * k2 * k2 / k1;
                B = k3 * k3 / (6 * k1);
                final double one = 1;
                THIRD = one / 3;
            }

            private static final class Holder {
              static final double SCALE;

              static {
                SCALE = Math.sqrt(2);
              }
            }

            @Differentiable static double f(double x) {
              return A * x * x + B * x + THIRD * Holder.SCALE;
            }
            """);
    Map<String, Object> g = GradCheck.check(c, "f", 0.7);
    double a = 3 * (Math.PI - 1) * (Math.PI - 1) / (3 * Math.PI + 2);
    double b = (6 * Math.PI - 1) * (6 * Math.PI - 1) / (6 * (3 * Math.PI + 2));
    assertEquals(2 * a * 0.7 + b, (double) g.get("x"), 1e-15);
    assertEquals(a * 0.49 + b * 0.7 + 1.0 / 3 * Math.sqrt(2), (double) g.get("value"), 1e-15);
    String grad = c.source("p.CGrad");
    assertTrue(grad.contains("_THIRD = ((double) (1)) / 3;"), grad);
  }
}
