package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Objects a method only holds and calls methods of, with no derivative of their own: a {@code
 * Random} in a Monte Carlo loop, a {@code StringBuilder} for a message, a distribution made in
 * the method. They may be locals or parameters; their calls run once, in the forward sweep.
 */
class ObjectValuesTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import java.util.Random;
          import org.hipparchus.distribution.continuous.NormalDistribution;

          class C {
            @Differentiable(forward = true, hessian = true)
            static double monteCarlo(double s, double sigma, int n, long seed) {
              Random rng = new Random(seed);
              double sum = 0;
              for (int i = 0; i < n; i++) {
                double z = rng.nextGaussian();
                double st = s * Math.exp(sigma * z - 0.5 * sigma * sigma);
                sum += st > 100 ? st - 100 : 0;
              }
              return sum / n;
            }

            @Differentiable(forward = true)
            static double withGenerator(double s, double sigma, int n, Random rng) {
              double sum = 0;
              for (int i = 0; i < n; i++) {
                sum += s * Math.exp(sigma * rng.nextGaussian());
              }
              return sum / n;
            }

            @Differentiable
            static double described(double x, double y) {
              StringBuilder why = new StringBuilder();
              why.append("x = ").append(x);
              if (x < 0) {
                throw new IllegalArgumentException(why.toString());
              }
              return x * y;
            }

            interface Shape {
              double area();
            }

            record Square(double side) implements Shape {
              public double area() {
                return side * side;
              }
            }

            /** An object of an interface, passed through: its area is a constant here. */
            @Differentiable
            static double scaled(double x, Shape s) {
              Object kept = null;
              kept = s;
              return kept == null ? 0 : x * s.area();
            }

            /** Lists of boxed numbers are data: read by get(i) and for-each, unboxed. */
            @Differentiable(forward = true)
            static double weighted(java.util.List<Double> xs, java.util.List<Integer> counts, double a) {
              double s = 0;
              for (double x : xs) {
                s += Math.sin(a * x);
              }
              for (int i = 0; i < counts.size(); i++) {
                s += a * a * counts.get(i) * xs.get(i);
              }
              for (double k : counts) {
                s += k * a;
              }
              return s;
            }

            @Differentiable(forward = true, hessian = true)
            static double probit(double[] w, double[] x, int[] y) {
              NormalDistribution normal = new NormalDistribution(0, 1);
              double ll = 0;
              for (int i = 0; i < y.length; i++) {
                double p = normal.cumulativeProbability(w[0] + w[1] * x[i]);
                ll += y[i] == 1 ? Math.log(p) : Math.log(1 - p);
              }
              return -ll;
            }
          }
          """);

  private static final double[] XS = {0.5, -0.7, 1.5, 0.1};
  private static final int[] YS = {1, 0, 1, 0};

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double s : new double[] {90, 105, 120}) {
      GradCheck.check(C, "monteCarlo", s, 0.25, 200, 7L);
    }
    GradCheck.check(C, "described", 0.7, -1.3);
    for (double[] w : new double[][] {{0.3, -0.2}, {1.1, 0.4}}) {
      GradCheck.check(C, "probit", w, XS, YS);
    }
  }

  @Test
  void anInterfaceParameterIsPassedThrough() throws ReflectiveOperationException {
    var constructor = C.loadClass("p.C$Square").getDeclaredConstructor(double.class);
    constructor.setAccessible(true);
    Object square = constructor.newInstance(1.5);
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "scaled", 2.0, square));
    assertEquals(4.5, (double) g.get("value"));
    assertEquals(2.25, (double) g.get("x"));
  }

  @Test
  void listsOfNumbersAreReadAsTheyHold() {
    java.util.List<Double> xs = java.util.List.of(0.5, -1.25, 2.0);
    java.util.List<Integer> counts = java.util.List.of(3, 1, 4);
    double a = 0.7;
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "weighted", xs, counts, a));
    double value = 0;
    double da = 0;
    for (int i = 0; i < 3; i++) {
      value += Math.sin(a * xs.get(i)) + a * a * counts.get(i) * xs.get(i) + counts.get(i) * a;
      da += xs.get(i) * Math.cos(a * xs.get(i)) + 2 * a * counts.get(i) * xs.get(i) + counts.get(i);
    }
    assertEquals(value, (double) g.get("value"), 1e-14);
    assertEquals((double) C.call("p.C", "weighted", xs, counts, a), (double) g.get("value"));
    assertEquals(da, (double) g.get("a"), 1e-13);
    Map<String, Object> jvp = Compiled.components(C.call("p.CGrad", "weightedJvp", xs, counts, a, 1.0));
    assertEquals(da, (double) jvp.get("tangent"), 1e-13);
  }

  /** A generator passed in is drawn from once per iteration, as in the primal. */
  @Test
  void aGeneratorParameterGivesThePrimalsDraws() {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "withGenerator", 2.0, 0.3, 50, new Random(11)));
    Random r = new Random(11);
    double value = 0;
    double ds = 0;
    double dsigma = 0;
    for (int i = 0; i < 50; i++) {
      double z = r.nextGaussian();
      value += 2.0 * Math.exp(0.3 * z);
      ds += Math.exp(0.3 * z);
      dsigma += 2.0 * z * Math.exp(0.3 * z);
    }
    assertEquals(value / 50, (double) g.get("value"), 1e-13);
    assertEquals(ds / 50, (double) g.get("s"), 1e-13);
    assertEquals(dsigma / 50, (double) g.get("sigma"), 1e-13);
    Map<String, Object> jvp = Compiled.components(C.call("p.CGrad", "withGeneratorJvp", 2.0, 0.3, 50, new Random(11), 1.0, 0.0));
    assertEquals(ds / 50, (double) jvp.get("tangent"), 1e-13);
  }

  @Test
  void forwardModeAndHessianAgree() {
    Random random = new Random(9);
    JvpCheck.check(C, "p.C", "p.CGrad", "monteCarlo", new Object[] {105.0, 0.25, 100, 3L}, random, 3);
    JvpCheck.check(C, "p.C", "p.CGrad", "probit", new Object[] {new double[] {0.3, -0.2}, XS, YS}, random, 3);
    Map<String, Object> h = Compiled.components(C.call("p.CGrad", "probitHessian", new double[] {0.3, -0.2}, XS, YS));
    double[][] hessian = (double[][]) h.get("hessian");
    double eps = 1e-5;
    for (int j = 0; j < 2; j++) {
      double[] plus = {0.3, -0.2};
      double[] minus = {0.3, -0.2};
      plus[j] += eps;
      minus[j] -= eps;
      double[] gp = (double[]) Compiled.components(C.call("p.CGrad", "probit", plus, XS, YS)).get("w");
      double[] gm = (double[]) Compiled.components(C.call("p.CGrad", "probit", minus, XS, YS)).get("w");
      for (int i = 0; i < 2; i++) {
        double fd = (gp[i] - gm[i]) / (2 * eps);
        assertEquals(fd, hessian[i][j], 1e-6 * Math.max(1, Math.abs(fd)), "H[" + i + "][" + j + "]");
      }
    }
  }

  /**
   * Regression: an object made from differentiable values, read back through its methods, gave
   * a zero derivative once objects became data. It is an error at the object, and a number sent
   * through a String is an error at the call that reads it back.
   */
  @Test
  void anObjectMadeFromDifferentiableValuesIsAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x, double y) {
              org.hipparchus.complex.Complex z = new org.hipparchus.complex.Complex(x, y);
              return z.norm() + Double.parseDouble("" + x);
            }
            """);
    assertFalse(c.succeeded());
    var errors = c.compilation().errors();
    assertEquals(2, errors.size(), c.diagnostics());
    assertTrue(errors.get(0).getMessage(null).contains("'z' is given an object made from differentiable values")
        || errors.get(1).getMessage(null).contains("'z' is given an object made from differentiable values"), c.diagnostics());
    assertTrue(c.diagnostics().contains("no derivative for 'Double.parseDouble'"), c.diagnostics());
    for (Diagnostic<?> d : errors) {
      assertEquals(d.getMessage(null).contains("'z'") ? 7 : 8, d.getLineNumber(), c.diagnostics());
    }
  }

  /** Replaying a checkpointed loop would draw other numbers: refused at the draw. */
  @Test
  void aDrawInACheckpointedLoopIsAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double walk(double x, int n, long seed) {
              java.util.Random rng = new java.util.Random(seed);
              for (@io.github.backprop.Checkpointed(snapshots = 4) int i = 0; i < n; i++) {
                x = x + 0.01 * Math.sin(x) * rng.nextGaussian();
              }
              return x;
            }
            """);
    assertFalse(c.succeeded());
    var errors = c.compilation().errors();
    assertEquals(1, errors.size(), c.diagnostics());
    Diagnostic<?> d = errors.get(0);
    assertTrue(d.getMessage(null).contains("would call 'rng.nextGaussian()' again")
        && d.getMessage(null).contains("compute its values before the loop into an array"), d.getMessage(null));
    assertEquals(9, d.getLineNumber());
  }
}
