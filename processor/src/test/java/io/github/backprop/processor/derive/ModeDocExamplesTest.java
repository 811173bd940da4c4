package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guide's examples of each mode, compiled as the guide writes them and called as it calls
 * them: forward mode (Model.energy), second order (Fit.rosen) and the vector-valued methods
 * (Fit.residuals), each against central differences or its closed form.
 */
class ModeDocExamplesTest {
  static final Compiled C = Compiled.compileAll(Map.of(
      "p.Model",
      """
      package p;

      import io.github.backprop.Differentiable;

      class Model {
        @Differentiable(forward = true)
        static double energy(double x, double[] w) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s += Math.exp(x * w[i]);
          }
          return s;
        }
      }
      """,
      "p.Fit",
      """
      package p;

      import io.github.backprop.Differentiable;

      class Fit {
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

        @Differentiable(wrt = "p", forward = true)
        static double[] residuals(double[] p, double[] t, double[] y) {
          double[] r = new double[t.length];
          for (int i = 0; i < t.length; i++) {
            r[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i];
          }
          return r;
        }
      }
      """));

  @Test
  void forwardMode() {
    assertTrue(C.succeeded(), C.diagnostics());
    double x = 0.7;
    double[] w = {0.5, -1.0, 2.0};
    double tx = 0.3;
    double[] tw = {1.0, 0.25, -0.5};
    Map<String, Object> r = Compiled.components(C.call("p.ModelGrad", "energyJvp", x, w, tx, tw));
    double want = 0;
    double value = 0;
    for (int i = 0; i < w.length; i++) {
      double e = Math.exp(x * w[i]);
      value += e;
      want += e * (w[i] * tx + x * tw[i]); // ∂energy/∂x · tx + Σ ∂energy/∂w[i] · tw[i]
    }
    assertEquals(value, (double) r.get("value"), 1e-15 * value);
    assertEquals(want, (double) r.get("tangent"), 1e-14 * Math.abs(want));
  }

  @Test
  void secondOrder() {
    double[] x = {-1.2, 1.0, 0.5};
    double[] direction = {1.0, -0.5, 2.0};
    double[][] h = (double[][]) Compiled.components(C.call("p.FitGrad", "rosenHessian", (Object) x)).get("hessian");
    // Rosenbrock's Hessian in closed form
    double[][] want = new double[3][3];
    for (int i = 0; i + 1 < 3; i++) {
      want[i][i] += 2 - 400 * (x[i + 1] - x[i] * x[i]) + 800 * x[i] * x[i];
      want[i][i + 1] += -400 * x[i];
      want[i + 1][i] += -400 * x[i];
      want[i + 1][i + 1] += 200;
    }
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(want[i], h[i], 1e-12, "row " + i);
    }
    double[] hv = (double[]) Compiled.components(C.call("p.FitGrad", "rosenHvp", x, direction)).get("hvp");
    for (int i = 0; i < 3; i++) {
      double s = 0;
      for (int j = 0; j < 3; j++) {
        s += want[i][j] * direction[j];
      }
      assertEquals(s, hv[i], 1e-12, "hvp[" + i + "]");
    }
  }

  @Test
  void vectorValued() {
    double[] p = {2.5, 1.3, 0.5};
    double[] t = {0, 0.5, 1, 2};
    double[] y = {3.0, 1.8, 1.1, 0.7};
    double[] u = {1, -2, 0.5, 3};
    double[] dp = {0.1, -0.2, 0.3};
    double[][] j = (double[][]) Compiled.components(C.call("p.FitGrad", "residualsJacobian", p, t, y)).get("jacobian");
    double[] uj = (double[]) Compiled.components(C.call("p.FitGrad", "residualsVjp", p, t, y, u)).get("p");
    double[] jdp = (double[]) Compiled.components(C.call("p.FitGrad", "residualsJvp", p, t, y, dp)).get("tangent");
    for (int i = 0; i < t.length; i++) {
      double e = Math.exp(-p[1] * t[i]);
      assertArrayEquals(new double[] {e, -p[0] * t[i] * e, 1}, j[i], 1e-15, "jacobian row " + i);
      assertEquals(j[i][0] * dp[0] + j[i][1] * dp[1] + j[i][2] * dp[2], jdp[i], 1e-14, "J dp [" + i + "]");
    }
    for (int k = 0; k < 3; k++) {
      double s = 0;
      for (int i = 0; i < t.length; i++) {
        s += u[i] * j[i][k];
      }
      assertEquals(s, uj[k], 1e-13, "uᵀJ [" + k + "]");
    }
  }
}
