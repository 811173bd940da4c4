package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The modes on shapes at their edges: float parameters (an array of them too) to second order, a
 * record named in wrt in mJvp, mHvp and mHessian, a double[][] named in wrt in rJacobian and rJvp,
 * and a returned array a loop writes into, reading what it wrote, in rJvp. Exact values where
 * known, central differences elsewhere.
 */
class OddShapesModesTest {
  static final Compiled C =
      Compiled.members(
          """
          record Pt(double x, double y) {}

          @Differentiable(forward = true, hessian = true)
          static double squares(float[] x, double s) {
            double t = 0;
            for (int i = 0; i < x.length; i++) {
              t += x[i] * x[i] * s;
            }
            return t;
          }

          @Differentiable(forward = true, hessian = true, wrt = "p")
          static double rec(Pt p, double k) {
            return p.x() * p.x() * k + Math.exp(p.y() * p.x());
          }

          @Differentiable(forward = true, wrt = "m")
          static double[] mat(double[][] m, double[] v, double s) {
            double[] out = new double[m.length];
            for (int i = 0; i < m.length; i++) {
              for (int j = 0; j < v.length; j++) {
                out[i] += Math.tanh(m[i][j] * v[j] * s);
              }
            }
            return out;
          }

          @Differentiable(forward = true)
          static double[] running(double[] x, int n) {
            double[] out = new double[n];
            double acc = 1;
            for (int i = 0; i < n; i++) {
              acc = acc * x[i % x.length] + 0.5;
              out[i] = acc;
              if (i > 0) {
                out[i] += out[i - 1] * x[0];
              }
            }
            return out;
          }
          """);

  private static Map<String, Object> call(String name, Object... args) {
    return Compiled.components(C.call("p.CGrad", name, args));
  }

  private static Object pt(double x, double y) {
    return make("p.C$Pt", x, y);
  }

  private static Object ptTangent(double x, double y) {
    return make("p.CGrad$PtTangent", x, y);
  }

  private static Object make(String record, double x, double y) {
    try {
      var made = C.loadClass(record).getDeclaredConstructor(double.class, double.class);
      made.setAccessible(true);
      return made.newInstance(x, y);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void floatArrayToSecondOrder() {
    assertTrue(C.succeeded(), C.diagnostics());
    float[] x = {0.5f, -1.5f, 2f};
    double s = 0.7;
    double[][] h = (double[][]) call("squaresHessian", x, s).get("hessian");
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        // a float parameter's entries have float precision
        assertEquals(i == k ? 2 * s : 0, h[i][k], 1e-7, "H" + i + k);
      }
      assertEquals(2 * x[i], h[i][3], 1e-7);
      assertEquals(2 * x[i], h[3][i], 1e-7);
    }
    assertEquals(0, h[3][3], 0.0);
    double[] hvp = (double[]) call("squaresHvp", x, s, new float[] {1, 0, 0}, 2.0).get("hvp");
    assertEquals(2 * s + 2 * 2 * x[0], hvp[0], 1e-6);
    assertEquals(2 * x[0], hvp[3], 1e-6);
  }

  @Test
  void aRecordInWrtInEveryMode() {
    for (double[] q : new double[][] {{0.4, 1.2}, {-0.8, 0.3}}) {
      double x = q[0];
      double y = q[1];
      double k = 1.3;
      double e = Math.exp(x * y);
      double[][] h = (double[][]) call("recHessian", pt(x, y), k).get("hessian");
      assertEquals(2, h.length); // k is data
      assertEquals(2 * k + y * y * e, h[0][0], 1e-12);
      assertEquals(e + x * y * e, h[0][1], 1e-12);
      assertEquals(e + x * y * e, h[1][0], 1e-12);
      assertEquals(x * x * e, h[1][1], 1e-12);
      double[] hvp = (double[]) call("recHvp", pt(x, y), k, ptTangent(1, 2)).get("hvp");
      assertEquals(h[0][0] + 2 * h[0][1], hvp[0], 1e-12);
      assertEquals(h[1][0] + 2 * h[1][1], hvp[1], 1e-12);
      assertEquals(2 * x * k + y * e + 2 * x * e, (double) call("recJvp", pt(x, y), k, ptTangent(1, 2)).get("tangent"), 1e-12);
    }
  }

  @Test
  void aMatrixInWrtInRJacobianAndRJvp() throws Exception {
    double[][] m = {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.7}};
    double[] v = {1.1, -0.6};
    double s = 0.9;
    double[][] j = (double[][]) call("matJacobian", m, v, s).get("jacobian");
    assertEquals(6, j[0].length); // m row by row; v and s are data
    for (int i = 0; i < 3; i++) {
      for (int c = 0; c < 6; c++) {
        // out[i] depends on row i only: d tanh(m v s) = (1 - tanh²) v s
        double want = c / 2 == i ? (1 - Math.pow(Math.tanh(m[i][c % 2] * v[c % 2] * s), 2)) * v[c % 2] * s : 0;
        assertEquals(want, j[i][c], 1e-14, "J" + i + c);
      }
    }
    double[][] dm = {{1, 0}, {0, 0}, {0, 1}};
    double[] tangent = (double[]) call("matJvp", m, v, s, dm).get("tangent");
    for (int i = 0; i < 3; i++) {
      assertEquals(j[i][0] + j[i][5], tangent[i], 1e-14);
    }
  }

  @Test
  void aLoopThatReadsWhatItWroteInRJvp() throws Exception {
    Method primal = C.loadClass("p.C").getDeclaredMethod("running", double[].class, int.class);
    primal.setAccessible(true);
    for (double[] x : new double[][] {{0.7, -0.4, 1.1}, {1.3, 0.2, -0.9}}) {
      double[] d = {0.2, -1, 0.5};
      double[][] j = (double[][]) call("runningJacobian", x.clone(), 5).get("jacobian");
      double[] tangent = (double[]) call("runningJvp", x.clone(), 5, d).get("tangent");
      double h = 1e-5;
      double[] plus = x.clone();
      double[] minus = x.clone();
      for (int k = 0; k < 3; k++) {
        plus[k] += h * d[k];
        minus[k] -= h * d[k];
      }
      double[] fp = (double[]) primal.invoke(null, plus, 5);
      double[] fm = (double[]) primal.invoke(null, minus, 5);
      for (int r = 0; r < 5; r++) {
        double jd = j[r][0] * d[0] + j[r][1] * d[1] + j[r][2] * d[2];
        assertEquals(jd, tangent[r], 1e-12 * Math.max(1, Math.abs(jd)), "J d, element " + r);
        assertEquals((fp[r] - fm[r]) / (2 * h), tangent[r], 1e-7 * Math.max(1, Math.abs(jd)), "difference, element " + r);
      }
    }
  }
}
