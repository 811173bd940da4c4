package io.github.backprop.processor.derive;

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
   * A recursive @Differentiable callee cannot run in place, and its gradient record holds no
   * second derivatives.
   */
  @Test
  void callsOfRecursiveAnnotatedMethodsAreAnError() {
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
    assertTrue(c.diagnostics().contains("hessian = true does not support a call of a @DerivativeOf rule, or of a @Differentiable method that calls itself"), c.diagnostics());
  }

  /**
   * Regression (second order through a recursive helper): the message told the user to remove a
   * {@code @Differentiable} the helper does not have.
   */
  @Test
  void aRecursiveHelperIsAnErrorThatSaysWhatToDo() {
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
    assertFalse(c.succeeded());
    assertTrue(
        c.diagnostics().contains("a helper that calls itself ('power'), whose own second derivatives backprop does not"
            + " build: write its recursion as a loop"),
        c.diagnostics());
    assertFalse(c.diagnostics().contains("without @Differentiable"), c.diagnostics());
  }
}
