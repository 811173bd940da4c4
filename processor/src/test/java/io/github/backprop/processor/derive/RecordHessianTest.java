package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Second order with record parameters and instance methods: {@code mHvp} takes a tangent record
 * as the direction of a record (or of the object), and {@code mHessian} flattens the parameters
 * in order, a record's components in declaration order. Checked against a closed form, against
 * central differences of the reverse gradient, and against the gradient itself.
 */
class RecordHessianTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.H",
              """
              package p;

              import io.github.backprop.Differentiable;

              class H {
                record Inner(double a, int k) {}

                record Option(double strike, double vol, double[] w, Inner in, String name) {}

                @Differentiable(hessian = true)
                static double price(Option o, double spot) {
                  double s = 0;
                  for (int i = 0; i < o.w().length; i++) {
                    s += o.w()[i] * o.w()[i] * spot;
                  }
                  return spot * Math.exp(-o.vol() * o.strike() / 100) + o.in().a() * s * o.in().k();
                }
              }
              """,
              "p.Spring",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Spring {
                double k;
                double c;

                Spring(double k, double c) {
                  this.k = k;
                  this.c = c;
                }

                double force(double x) {
                  return k * x;
                }

                @Differentiable(hessian = true, forward = true)
                double energy(double x, double v) {
                  return 0.5 * force(x) * x + c * v * x * k;
                }
              }
              """));

  private static Object make(String cls, Object... args) {
    try {
      Constructor<?> k = C.loadClass(cls).getDeclaredConstructors()[0];
      k.setAccessible(true);
      return k.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
  }

  @Test
  void instanceMethodHessianExactly() {
    double[][] points = {{2, 0.3, 0.5, -1}, {0.7, -1.1, 2, 0.25}, {5, 0, -0.4, 3}};
    for (double[] z : points) {
      double k = z[0];
      double c = z[1];
      double x = z[2];
      double v = z[3];
      Object spring = make("p.Spring", k, c);
      Map<String, Object> h = Compiled.components(C.call("p.SpringGrad", "energyHessian", spring, x, v));
      double[][] expected = {
        {0, v * x, x + c * v, c * x},
        {v * x, 0, v * k, x * k},
        {x + c * v, v * k, k, c * k},
        {c * x, x * k, c * k, 0},
      };
      double[][] hessian = (double[][]) h.get("hessian");
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          assertEquals(expected[i][j], hessian[i][j], 1e-14, "H[" + i + "][" + j + "] at " + java.util.Arrays.toString(z));
        }
      }
      double[] gradient = (double[]) h.get("gradient");
      Map<String, Object> g = Compiled.components(C.call("p.SpringGrad", "energy", spring, x, v));
      Map<String, Object> self = Compiled.components(g.get("self"));
      assertEquals((Double) self.get("k"), gradient[0], 0.0);
      assertEquals((Double) self.get("c"), gradient[1], 0.0);
      assertEquals((Double) g.get("x"), gradient[2], 0.0);
      assertEquals((Double) g.get("v"), gradient[3], 0.0);
      assertEquals((Double) g.get("value"), (Double) h.get("value"), 0.0);
    }
  }

  @Test
  void hvpTakesATangentOfTheObject() throws Exception {
    Random random = new Random(17);
    Constructor<?> tangent = C.loadClass("p.SpringGrad$SpringTangent").getDeclaredConstructors()[0];
    for (int trial = 0; trial < 3; trial++) {
      Object spring = make("p.Spring", random.nextGaussian(), random.nextGaussian());
      double x = random.nextGaussian();
      double v = random.nextGaussian();
      double[] d = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      Map<String, Object> hvp =
          Compiled.components(C.call("p.SpringGrad", "energyHvp", spring, x, v, tangent.newInstance(d[0], d[1]), d[2], d[3]));
      double[][] hessian = (double[][]) Compiled.components(C.call("p.SpringGrad", "energyHessian", spring, x, v)).get("hessian");
      double[] hv = (double[]) hvp.get("hvp");
      for (int i = 0; i < 4; i++) {
        double expected = 0;
        for (int j = 0; j < 4; j++) {
          expected += hessian[i][j] * d[j];
        }
        assertEquals(expected, hv[i], 1e-12 * Math.max(1, Math.abs(expected)));
      }
    }
  }

  private static Object option(double[] z) {
    return make("p.H$Option", z[0], z[1], new double[] {z[2], z[3]}, make("p.H$Inner", z[4], 3), "call");
  }

  /** The reverse gradient at z = (strike, vol, w0, w1, a, spot), flattened in that order. */
  private static double[] gradient(double[] z) {
    Map<String, Object> g = Compiled.components(C.call("p.HGrad", "price", option(z), z[5]));
    Map<String, Object> o = Compiled.components(g.get("o"));
    double[] w = (double[]) o.get("w");
    double a = (Double) Compiled.components(o.get("in")).get("a");
    return new double[] {(Double) o.get("strike"), (Double) o.get("vol"), w[0], w[1], a, (Double) g.get("spot")};
  }

  @Test
  void recordParameterHessianAgainstDifferencesOfTheGradient() {
    double[][] points = {{100, 0.2, 0.5, -1.5, 2, 105}, {80, 0.35, 1.25, 0.3, -0.5, 120}, {95, 0.5, -0.1, 0.2, 0.3, 90}};
    for (double[] z : points) {
      Map<String, Object> h = Compiled.components(C.call("p.HGrad", "priceHessian", option(z), z[5]));
      double[][] hessian = (double[][]) h.get("hessian");
      double[] gradient = (double[]) h.get("gradient");
      double[] reverse = gradient(z);
      for (int i = 0; i < 6; i++) {
        assertEquals(reverse[i], gradient[i], 1e-12 * Math.max(1, Math.abs(reverse[i])), "gradient " + i);
      }
      for (int j = 0; j < 6; j++) {
        int col = j;
        double[] fd = differences(v -> gradient(v), z, col);
        for (int i = 0; i < 6; i++) {
          assertEquals(fd[i], hessian[i][j], 1e-6 * Math.max(1, Math.abs(fd[i])), "H[" + i + "][" + j + "] at " + java.util.Arrays.toString(z));
          assertEquals(hessian[j][i], hessian[i][j], 1e-9 * Math.max(1, Math.abs(hessian[i][j])), "symmetry");
        }
      }
    }
  }

  /** Richardson-extrapolated central differences of a vector function along coordinate j. */
  private static double[] differences(Function<double[], double[]> f, double[] z, int j) {
    double h = 1e-3 * Math.max(1, Math.abs(z[j]));
    double[][] d = new double[2][];
    for (int r = 0; r < 2; r++) {
      double step = r == 0 ? h : h / 2;
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[j] += step;
      minus[j] -= step;
      double[] fp = f.apply(plus);
      double[] fm = f.apply(minus);
      d[r] = new double[fp.length];
      for (int i = 0; i < fp.length; i++) {
        d[r][i] = (fp[i] - fm[i]) / (2 * step);
      }
    }
    double[] out = new double[d[0].length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (4 * d[1][i] - d[0][i]) / 3;
    }
    return out;
  }

  /** A float component is widened into the double Hessian, as a float parameter is. */
  @Test
  void aFloatComponentIsWidened() throws ReflectiveOperationException {
    Compiled c =
        Compiled.members(
            """
            record Point(float x, double y) {}

            @Differentiable(hessian = true) static double f(Point p) {
              return p.x() * p.y() + p.y() * p.y();
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    Constructor<?> k = c.loadClass("p.C$Point").getDeclaredConstructors()[0];
    k.setAccessible(true);
    Object p = k.newInstance(1.5f, -0.5);
    double[][] h = (double[][]) Compiled.components(c.call("p.CGrad", "fHessian", p)).get("hessian");
    assertEquals(0.0, h[0][0]);
    assertEquals(1.0, h[0][1], 1e-7);
    assertEquals(1.0, h[1][0], 1e-7);
    assertEquals(2.0, h[1][1], 1e-12);
  }
}
