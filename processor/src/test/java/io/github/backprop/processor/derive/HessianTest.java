package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code hessian = true}: mHvp and mHessian by reverse mode over forward mode. Checked against a
 * closed form, and without one as Enzyme's tests do: the Hessian is symmetric, and a
 * Hessian-vector product equals the central difference of gradients along the direction.
 */
class HessianTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(hessian = true)
          static double f(double x, double y) {
            return Math.sin(x * y) + x * x * y;
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

          static double softplus(double z) {
            return z > 30 ? z : Math.log1p(Math.exp(z));
          }

          @Differentiable(hessian = true, wrt = {"w", "b"})
          static double logistic(double[] w, double b, double[] x, double y, int n) {
            double z = b;
            for (int j = 0; j < n; j++) {
              z += w[j] * x[j];
            }
            if (y > 0.5) {
              return softplus(-z);
            }
            return softplus(z) + 0.01 * (b * b);
          }
          """);

  @Test
  void closedForm() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double x : new double[] {-1.1, 0.3, 1.7}) {
      for (double y : new double[] {-0.4, 0.9}) {
        Map<String, Object> h = Compiled.components(C.call("p.CGrad", "fHessian", x, y));
        double[][] hess = (double[][]) h.get("hessian");
        double s = Math.sin(x * y);
        double c = Math.cos(x * y);
        assertEquals(-y * y * s + 2 * y, hess[0][0], 1e-12);
        assertEquals(c - x * y * s + 2 * x, hess[0][1], 1e-12);
        assertEquals(c - x * y * s + 2 * x, hess[1][0], 1e-12);
        assertEquals(-x * x * s, hess[1][1], 1e-12);
        double[] g = (double[]) h.get("gradient");
        assertEquals(y * c + 2 * x * y, g[0], 1e-12);
        assertEquals(x * c + x * x, g[1], 1e-12);
        assertEquals(s + x * x * y, (double) h.get("value"), 0.0);
      }
    }
  }

  @Test
  void rosenbrockHessianIsExactAndSymmetric() {
    double[] x = {-1.2, 1.0, 0.5, 0.8};
    Map<String, Object> h = Compiled.components(C.call("p.CGrad", "rosenHessian", (Object) x));
    double[][] hess = (double[][]) h.get("hessian");
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(hess[i][j], hess[j][i], 1e-9, i + "," + j);
        double exact = 0;
        if (i == j) {
          exact = (i + 1 < 4 ? 2 - 400 * (x[i + 1] - 3 * x[i] * x[i]) : 0) + (i > 0 ? 200 : 0);
        } else if (Math.abs(i - j) == 1) {
          exact = -400 * x[Math.min(i, j)];
        }
        assertEquals(exact, hess[i][j], 1e-9, i + "," + j);
      }
    }
  }

  @Test
  void hvpIsTheDifferenceOfGradients() {
    Random r = new Random(5);
    for (int k = 0; k < 5; k++) {
      double[] w = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double b = r.nextGaussian();
      double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double y = k % 2;
      double[] vw = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      double vb = r.nextGaussian();
      Map<String, Object> h = Compiled.components(C.call("p.CGrad", "logisticHvp", w, b, x, y, 3, vw, vb));
      double[] hv = (double[]) h.get("hvp");
      double eps = 1e-5;
      double[] plus = gradient(shift(w, vw, eps), b + eps * vb, x, y);
      double[] minus = gradient(shift(w, vw, -eps), b - eps * vb, x, y);
      for (int i = 0; i < 4; i++) {
        assertEquals((plus[i] - minus[i]) / (2 * eps), hv[i], 1e-6 * Math.max(1, Math.abs(hv[i])), "component " + i);
      }
      double[] g = gradient(w, b, x, y);
      double[] hg = (double[]) h.get("gradient");
      for (int i = 0; i < 4; i++) {
        assertEquals(g[i], hg[i], 1e-12 * Math.max(1, Math.abs(g[i])));
      }
    }
  }

  private static double[] shift(double[] w, double[] v, double eps) {
    double[] out = w.clone();
    for (int i = 0; i < w.length; i++) {
      out[i] += eps * v[i];
    }
    return out;
  }

  private static double[] gradient(double[] w, double b, double[] x, double y) {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "logistic", w, b, x, y, 3));
    double[] gw = (double[]) g.get("w");
    return new double[] {gw[0], gw[1], gw[2], (double) g.get("b")};
  }

  /**
   * A matrix parameter flattens row by row, ragged rows included, and a float parameter's
   * entries are widened into the double Hessian: checked against differences of gradients.
   */
  @Test
  void matrixAndFloatParametersFlattenInOrder() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(hessian = true)
            static double quad(double[][] a, double s, float t) {
              double r = 0;
              for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a[i].length; j++) {
                  r += Math.sin(a[i][j] * s) * (i + j + 1) + a[i][j] * a[i][j] * t;
                }
              }
              return r + s * s * t;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    double[][] a = {{0.3, -0.7}, {1.1}, {0.2, 0.5, -0.4}};
    double s = 0.8;
    float t = 1.5f;
    Map<String, Object> h = Compiled.components(c.call("p.CGrad", "quadHessian", a, s, t));
    double[][] hess = (double[][]) h.get("hessian");
    double[] grad = (double[]) h.get("gradient");
    int n = 6 + 2;
    assertEquals(n, hess.length);
    Map<String, Object> g0 = Compiled.components(c.call("p.CGrad", "quad", a, s, t));
    double[][] ga = (double[][]) g0.get("a");
    assertEquals(ga[1][0], grad[2]);
    assertEquals((double) g0.get("s"), grad[6]);
    assertEquals((float) g0.get("t"), grad[7]);
    // Column k by central differences of the gradient along the k-th flattened parameter; the
    // float parameter's own column is exact: the function is linear in t.
    double eps = 1e-5;
    for (int k = 0; k < 7; k++) {
      double[][] ap = copy(a);
      double[][] am = copy(a);
      double sp = s;
      double sm = s;
      if (k < 6) {
        int row = k < 2 ? 0 : k < 3 ? 1 : 2;
        int col = k < 2 ? k : k < 3 ? 0 : k - 3;
        ap[row][col] += eps;
        am[row][col] -= eps;
      } else {
        sp += eps;
        sm -= eps;
      }
      double[] fp = flat(Compiled.components(c.call("p.CGrad", "quad", ap, sp, t)));
      double[] fm = flat(Compiled.components(c.call("p.CGrad", "quad", am, sm, t)));
      // The float gradient's row differs in float precision: its values are checked below.
      for (int i = 0; i < n - 1; i++) {
        double fd = (fp[i] - fm[i]) / (2 * eps);
        assertEquals(fd, hess[i][k], 1e-6 * Math.max(1, Math.abs(fd)), "H[" + i + "][" + k + "]");
        assertEquals(hess[i][k], hess[k][i], 1e-12, "symmetric");
      }
    }
    // d2/dt ds = 2 s and d2/dt da_ij = 2 a_ij, to float precision: the direction along t is a float.
    assertEquals(2 * s, hess[6][7], 1e-6);
    assertEquals(2 * s, hess[7][6], 1e-6);
    assertEquals(2 * a[2][1], hess[4][7], 1e-6);
    assertEquals(2 * a[2][1], hess[7][4], 1e-6);
    assertEquals(0, hess[7][7]);
  }

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  private static double[] flat(Map<String, Object> g) {
    double[][] ga = (double[][]) g.get("a");
    double[] out = new double[8];
    int k = 0;
    for (double[] row : ga) {
      for (double v : row) {
        out[k++] = v;
      }
    }
    out[6] = (double) g.get("s");
    out[7] = (float) g.get("t");
    return out;
  }

  @Test
  void callsOfAnnotatedMethodsRunInPlace() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(wrt = "x") static double sq(double x, double k) {
              return k * x * x;
            }

            @Differentiable(hessian = true) static double f(double x, double y) {
              return sq(x, y) * x;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    // f = y x^3: H = [[6 x y, 3 x^2], [3 x^2, 0]]
    double[][] h = (double[][]) Compiled.components(c.call("p.CGrad", "fHessian", 2.0, 0.5)).get("hessian");
    assertEquals(6 * 2.0 * 0.5, h[0][0], 1e-12);
    assertEquals(3 * 4.0, h[0][1], 1e-12);
    assertEquals(3 * 4.0, h[1][0], 1e-12);
    assertEquals(0.0, h[1][1], 1e-12);
  }

  /**
   * A recursive @Differentiable callee without hessian = true has no tangent method, and its
   * gradient record holds no second derivatives: the error says to give it hessian = true.
   */
  @Test
  void callsOfRecursiveAnnotatedMethodsWithoutHessianAreAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double pw(double x, int n) {
              return n == 0 ? 1 : x * pw(x, n - 1);
            }

            @Differentiable(hessian = true) static double f(double x) {
              return pw(x, 3);
            }
            """);
    assertFalse(c.succeeded());
    assertTrue(c.diagnostics().contains("hessian = true does not support a call of a @DerivativeOf rule, or of another"
        + " @Differentiable method that calls itself"), c.diagnostics());
    assertTrue(c.diagnostics().contains("give the callee hessian = true in this class"), c.diagnostics());
    // a readable @DerivativeOf rule works to second order: the advice is that, not java.lang.Math
    assertTrue(c.diagnostics().contains("put the rule in a source file compiled with this one, so that backprop"
        + " reads its partials and differentiates them"), c.diagnostics());
    assertFalse(c.diagnostics().contains("java.lang.Math"), c.diagnostics());
  }

  /** With hessian = true on the recursive callee, its tangent method gives the second derivatives. */
  @Test
  void callsOfRecursiveAnnotatedMethodsWithHessian() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(hessian = true) static double pw(double x, int n) {
              return n == 0 ? 1 : x * pw(x, n - 1);
            }

            @Differentiable(hessian = true) static double f(double x) {
              return pw(x, 3) + x;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double x : new double[] {-1.3, 0.4, 2.2}) {
      double[][] h = (double[][]) Compiled.components(c.call("p.CGrad", "fHessian", x)).get("hessian");
      assertEquals(6 * x, h[0][0], 1e-12);
    }
  }

  /** Regression: a recursive helper was an error under hessian = true; it now has a tangent method. */
  @Test
  void aRecursiveHelperHasSecondDerivatives() {
    Compiled c =
        Compiled.members(
            """
            static double power(double x, int n) {
              return n == 0 ? 1 : x * power(x, n - 1);
            }

            @Differentiable(hessian = true) static double f(double x) {
              return power(x, 3);
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double x : new double[] {-1.3, 0.4, 2.2}) {
      Map<String, Object> r = Compiled.components(c.call("p.CGrad", "fHessian", x));
      assertEquals(6 * x, ((double[][]) r.get("hessian"))[0][0], 1e-12);
      assertEquals(3 * x * x, ((double[]) r.get("gradient"))[0], 1e-12);
    }
  }

  /**
   * Regression (found by the array-reassignment work): mHessian ran mHvp once per direction on
   * the caller's array, which the method writes into, so every column after the first, and the
   * value, saw an array the earlier runs had changed (d2/dx2 came out 1e-4 for 2). mHvp and
   * mHessian now start each run from a copy of the array as passed, and leave it as the primal
   * does.
   */
  @Test
  void hessianOfAMethodWritingIntoItsParameter() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(hessian = true)
            static double f(double[] a, double x) {
              double[] cur = a;
              cur[0] = cur[0] * x;
              return a[0] * a[1] + x * x;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    double[] a = {2, 3};
    Map<String, Object> h = Compiled.components(c.call("p.CGrad", "fHessian", a, 1.5));
    // f = a0 x a1 + x^2 over (a0, a1, x).
    assertArrayEquals(new double[][] {{0, 1.5, 3}, {1.5, 0, 2}, {3, 2, 2}}, (double[][]) h.get("hessian"));
    assertArrayEquals(new double[] {4.5, 3, 9}, (double[]) h.get("gradient"));
    assertEquals(11.25, (double) h.get("value"));
    assertArrayEquals(new double[] {3, 3}, a, "the array as the primal leaves it");
    double[] b = {2, 3};
    Map<String, Object> hv = Compiled.components(c.call("p.CGrad", "fHvp", b, 1.5, new double[] {0, 0}, 1.0));
    assertArrayEquals(new double[] {3, 2, 2}, (double[]) hv.get("hvp"));
    assertEquals(11.25, (double) hv.get("value"));
    assertArrayEquals(new double[] {3, 3}, b);
  }
}
