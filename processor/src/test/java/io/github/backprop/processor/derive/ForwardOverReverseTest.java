package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.Compositions;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Second order two ways, as Enzyme tests it: {@code mHvp} as generated (reverse over forward)
 * against forward over reverse ({@link ForwardOverReverse}, interpreted) at random points and
 * directions, to rounding; and the Hessian symmetric. Over polynomials, transcendental functions,
 * loops, arrays, branches, helper calls and local records.
 */
class ForwardOverReverseTest {
  static final Compositions C =
      Compositions.members(
          """
          @Differentiable(hessian = true)
          static double poly(double x, double y) {
            return x * x * x * y - 2 * x * y * y + y * y * y * y - 3 * x + 7;
          }

          @Differentiable(hessian = true)
          static double trans(double x, double y) {
            return Math.exp(Math.sin(x) * y) + Math.log(1 + x * x) / (2 + Math.cos(y))
                + Math.sqrt(x * x + y * y + 1) + Math.atan2(y, 2 + x) + Math.tanh(x * y) + Math.pow(1 + y * y, 0.75);
          }

          @Differentiable(hessian = true)
          static double rosen(double[] x) {
            double s = 0;
            for (int i = 0; i + 1 < x.length; i++) {
              double a = 1 - x[i];
              double b = x[i + 1] - x[i] * x[i];
              s += a * a + 100 * b * b;
            }
            return s;
          }

          @Differentiable(hessian = true)
          static double weighted(double[] w, double b) {
            double s = 0;
            int i = 0;
            while (i < w.length) {
              s += w[i] * w[i] * w[i] * b / (1 + b * b) - Math.sin(b) * w[i];
              i++;
            }
            return s * b;
          }

          @Differentiable(hessian = true)
          static double branches(double x, double y) {
            if (x > y) {
              return x * Math.sin(y) + y * y;
            } else if (x < -1) {
              return Math.exp(x) * y;
            }
            return x * y * y + Math.cos(x);
          }

          static double softplus(double z) {
            return z > 30 ? z : Math.log1p(Math.exp(z));
          }

          @Differentiable(hessian = true, wrt = {"w", "b"})
          static double logistic(double[] w, double b, double[] x, double y) {
            double z = b;
            for (int j = 0; j < w.length; j++) {
              z += w[j] * x[j];
            }
            return y > 0.5 ? softplus(-z) : softplus(z) + 0.01 * (b * b);
          }

          record Point(double a, double b) {}

          @Differentiable(hessian = true)
          static double records(double x, double y) {
            Point p = new Point(x * y, x + Math.sin(y));
            return p.a() * p.b() + p.a() * p.a();
          }

          @Differentiable(hessian = true)
          static double matrix(double[][] m) {
            double s = 0;
            for (int i = 0; i < m.length; i++) {
              for (int j = 0; j < m[i].length; j++) {
                s += m[i][j] * m[j][i] * (1 + m[i][j]);
              }
            }
            return s;
          }
          """);

  static final List<String> NAMES = List.of("poly", "trans", "rosen", "weighted", "branches", "logistic", "records", "matrix");

  @Test
  void bothCompositionsAgreeToRounding() {
    assertTrue(C.succeeded(), C.diagnostics());
    assertEquals(new java.util.TreeSet<>(NAMES), new java.util.TreeSet<>(C.names()), "every method composed forward over reverse");
    Random r = new Random(2026213001L);
    for (String name : NAMES) {
      for (int trial = 0; trial < 6; trial++) {
        Object[] point = point(name, r);
        Object[] direction = direction(point, name, r);
        Object[] args = concat(copy(point), copy(direction));
        double[] reverseOverForward = (double[]) Compiled.components(C.call("p.CGrad", name + "Hvp", args)).get("hvp");
        double[] forwardOverReverse = C.hvp(name, copy(point), copy(direction));
        assertEquals(reverseOverForward.length, forwardOverReverse.length, name);
        for (int i = 0; i < reverseOverForward.length; i++) {
          double a = reverseOverForward[i];
          double b = forwardOverReverse[i];
          assertTrue(Double.isFinite(a), name + " hvp[" + i + "] = " + a);
          assertEquals(a, b, 1e-12 * Math.max(1, Math.max(Math.abs(a), Math.abs(b))),
              name + " hvp[" + i + "] at trial " + trial);
        }
      }
    }
  }

  @Test
  void theHessianIsSymmetric() {
    Random r = new Random(2026213002L);
    for (String name : NAMES) {
      Object[] point = point(name, r);
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", name + "Hessian", point)).get("hessian");
      for (int i = 0; i < h.length; i++) {
        for (int j = 0; j < i; j++) {
          assertEquals(h[i][j], h[j][i], 1e-12 * Math.max(1, Math.abs(h[i][j])), name + " hessian[" + i + "][" + j + "]");
        }
      }
    }
  }

  /** A loop that overwrites a value it needs again keeps it on a tape, which this pass cannot follow. */
  @Test
  void aTapeIsAnErrorNamingTheComposition() {
    Compositions c = Compositions.members(
        """
        @Differentiable(hessian = true)
        static double taped(double[] x) {
          double s = 1;
          for (int i = 0; i < x.length; i++) {
            s = Math.sin(s * x[i]);
          }
          return s;
        }
        """);
    assertFalse(c.succeeded());
    assertTrue(c.diagnostics().contains("forward over reverse does not support a tape"), c.diagnostics());
  }

  /** A call of another @Differentiable method runs in place in both compositions. */
  @Test
  void aCallOfAnotherDifferentiableMethodAgrees() {
    Compositions c = Compositions.members(
        """
        @Differentiable(hessian = true)
        static double inner(double x) {
          return Math.exp(x) * x;
        }

        @Differentiable(hessian = true)
        static double outer(double x, double y) {
          return inner(x * y) + y * Math.sin(x);
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    double[] a = (double[]) Compiled.components(c.call("p.CGrad", "outerHvp", 0.4, -0.7, 1.0, 0.5)).get("hvp");
    double[] b = c.hvp("outer", new Object[] {0.4, -0.7}, 1.0, 0.5);
    for (int i = 0; i < 2; i++) {
      assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])), "outer hvp[" + i + "]");
    }
  }

  private static Object[] point(String name, Random r) {
    return switch (name) {
      case "rosen" -> new Object[] {vector(r, 5)};
      case "weighted" -> new Object[] {vector(r, 4), r.nextDouble() - 0.5};
      case "logistic" -> new Object[] {vector(r, 3), r.nextDouble(), vector(r, 3), r.nextBoolean() ? 1.0 : 0.0};
      case "matrix" -> new Object[] {new double[][] {vector(r, 3), vector(r, 3), vector(r, 3)}};
      default -> new Object[] {2 * r.nextDouble() - 1, 2 * r.nextDouble() - 1};
    };
  }

  /** A direction for each differentiated parameter: all but logistic's data. */
  private static Object[] direction(Object[] point, String name, Random r) {
    Object[] d = point(name, r);
    return name.equals("logistic") ? new Object[] {d[0], d[1]} : d;
  }

  private static double[] vector(Random r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * r.nextDouble() - 1;
    }
    return v;
  }

  private static Object[] copy(Object[] values) {
    Object[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[] a) {
        out[i] = a.clone();
      } else if (out[i] instanceof double[][] m) {
        double[][] c = new double[m.length][];
        for (int j = 0; j < m.length; j++) {
          c[j] = m[j].clone();
        }
        out[i] = c;
      }
    }
    return out;
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
