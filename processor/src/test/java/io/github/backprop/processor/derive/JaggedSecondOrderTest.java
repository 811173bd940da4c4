package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Second order of methods that make two-dimensional arrays (was a compile error, "hessian = true
 * does not support a two-dimensional array": forward mode gave {@code new double[n][]} the
 * tangent {@code Adjoint.zerosLike(l)}, which the reverse sweep over the tangent cannot follow;
 * now the tangent is made as the array is, {@code new double[n][]}). Hessians against central
 * differences of the reverse gradient at several points, and symmetric.
 */
class JaggedSecondOrderTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(hessian = true, forward = true)
          static double choleskyLogDet(double a, double b) {
            int n = 3;
            double[][] m = {{a, b, 0}, {b, a, b}, {0, b, a}};
            double[][] l = new double[n][];
            for (int i = 0; i < n; i++) {
              l[i] = new double[i + 1];
              for (int j = 0; j <= i; j++) {
                double sum = m[i][j];
                for (int k = 0; k < j; k++) {
                  sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                  l[i][i] = Math.sqrt(sum);
                } else {
                  l[i][j] = sum / l[j][j];
                }
              }
            }
            double logDet = 0;
            for (int i = 0; i < n; i++) {
              logDet += 2 * Math.log(l[i][i]);
            }
            return logDet;
          }

          @Differentiable(hessian = true, forward = true)
          static double rectangle(double x, double y, int rows, int cols) {
            double[][] g = new double[rows][cols];
            double s = 0;
            for (int i = 0; i < rows; i++) {
              for (int j = 0; j < cols; j++) {
                g[i][j] = Math.sin(x * (i + 1)) * Math.cos(y * (j + 1));
                s += g[i][j] * g[i][j] * (i + j + 1);
              }
            }
            return s;
          }
          """);

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
  }

  @Test
  void packedTriangle() {
    for (double[] p : new double[][] {{4.0, 1.0}, {3.0, -0.5}, {5.5, 2.0}}) {
      check("choleskyLogDet", p);
    }
  }

  @Test
  void rectangularArray() {
    for (double[] p : new double[][] {{0.4, 1.1}, {-0.9, 0.3}, {1.7, -1.2}}) {
      check("rectangle", p, 2, 3);
    }
  }

  private static void check(String name, double[] p, Object... ints) {
    Object[] args = with(p, ints);
    double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", name + "Hessian", args)).get("hessian");
    for (int j = 0; j < p.length; j++) {
      double step = 1e-3 * Math.max(1, Math.abs(p[j]));
      double[] d1 = central(name, p, ints, j, step);
      double[] d2 = central(name, p, ints, j, step / 2);
      for (int i = 0; i < p.length; i++) {
        double fd = (4 * d2[i] - d1[i]) / 3;
        assertEquals(fd, h[i][j], 1e-6 * Math.max(1, Math.abs(fd)), name + " H[" + i + "][" + j + "]");
        assertEquals(h[j][i], h[i][j], 1e-9 * Math.max(1, Math.abs(h[i][j])), name + " symmetry");
      }
    }
  }

  private static double[] central(String name, double[] p, Object[] ints, int j, double step) {
    double[] plus = p.clone();
    double[] minus = p.clone();
    plus[j] += step;
    minus[j] -= step;
    double[] gp = gradient(name, with(plus, ints));
    double[] gm = gradient(name, with(minus, ints));
    double[] out = new double[p.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (gp[i] - gm[i]) / (2 * step);
    }
    return out;
  }

  private static double[] gradient(String name, Object[] args) {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", name, args));
    return g.entrySet().stream().filter(e -> !e.getKey().equals("value")).mapToDouble(e -> (double) e.getValue()).toArray();
  }

  private static Object[] with(double[] p, Object[] ints) {
    Object[] args = new Object[p.length + ints.length];
    for (int i = 0; i < p.length; i++) {
      args[i] = p[i];
    }
    System.arraycopy(ints, 0, args, p.length, ints.length);
    return args;
  }
}
