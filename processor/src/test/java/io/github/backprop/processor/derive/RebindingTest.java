package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.FloatGradCheck;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Array locals given a whole new array: {@code x = f(x)}, buffer swaps, {@code x = c ? a : b},
 * new arrays in loops and branches, aliasing; the adjoint of an array follows the array, not the
 * name.
 */
class RebindingTest {
  static final String MEMBERS =
      """
      static double[] apply(double[] w, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.tanh(w[i] * x[i]);
        return y;
      }

      @Differentiable static double deep(double[] w, double[] x0, int layers) {
        double[] x = x0.clone();
        for (int l = 0; l < layers; l++) { x = apply(w, x); }
        double s = 0; for (double v : x) s += v; return s;
      }

      @Differentiable static double heat(double[] a, int steps) {
        double[] cur = a.clone(); double[] next = new double[a.length];
        for (int t = 0; t < steps; t++) {
          for (int i = 1; i + 1 < a.length; i++) next[i] = cur[i] + 0.1 * (cur[i-1] - 2*cur[i] + cur[i+1]);
          double[] tmp = cur; cur = next; next = tmp;
        }
        return cur[1] * cur[1];
      }

      static double[] f(double[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) d[i] = -y[i] * y[(i + 1) % y.length] + Math.sin(y[i]);
        return d;
      }
      static double[] axpy(double[] y, double h, double[] k) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) r[i] = y[i] + h * k[i];
        return r;
      }
      @Differentiable static double rk4(double[] y0, double h, int steps) {
        double[] y = y0.clone();
        double[] k1 = new double[y0.length]; double[] k2 = k1; double[] k3 = k1; double[] k4 = k1;
        for (int s = 0; s < steps; s++) {
          k1 = f(y);
          k2 = f(axpy(y, h / 2, k1));
          k3 = f(axpy(y, h / 2, k2));
          k4 = f(axpy(y, h, k3));
          double[] n = new double[y.length];
          for (int i = 0; i < y.length; i++) n[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
          y = n;
        }
        double e = 0; for (int i = 0; i < y.length; i++) e += y[i] * y[i] + k4[i];
        return e;
      }
      @Differentiable static double rotate(double[] a, int turns) {
        double[] p = a.clone(); double[] q = new double[a.length]; double[] r = new double[a.length];
        for (int t = 0; t < turns; t++) {
          for (int i = 0; i < a.length; i++) { q[i] = p[i] * p[i] * 0.5 + r[i]; r[i] = Math.cos(q[i]) + p[i]; }
          double[] tmp = p; p = q; q = r; r = tmp;
        }
        return p[0] + 2 * q[a.length - 1] + 3 * r[0];
      }
      @Differentiable static double choose(double x, double y, boolean first) {
        double[] a = {x, y}; double[] b = {y * y, x};
        double[] c = first ? a : b;
        c[0] = c[0] * c[1];      // writes a or b
        c = new double[] {c[0] + 1, c[1]};
        return a[0] * 3 + b[0] * 5 + c[0] * 7;
      }
      @Differentiable static double branches(double x, int n) {
        double[] u = new double[n]; for (int i = 0; i < n; i++) u[i] = x * i;
        double[] v = u;
        for (int k = 0; k < 3; k++) {
          if (k % 2 == 0) { v = new double[n]; for (int i = 0; i < n; i++) v[i] = Math.exp(u[i] * 0.1); }
          else { u = v; }
          u[0] += x;
        }
        double s = 0; for (int i = 0; i < n; i++) s += u[i] * v[i];
        return s;
      }
      @Differentiable static double matrix(double[][] m0, int steps) {
        double[][] m = new double[2][2];
        m[0][0] = m0[0][0]; m[0][1] = m0[0][1]; m[1][0] = m0[1][0]; m[1][1] = m0[1][1];
        for (int s = 0; s < steps; s++) {
          double[][] n = new double[2][2];
          for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) n[i][j] = Math.tanh(m[i][0] * m[0][j] + m[i][1] * m[1][j]);
          m = n;
        }
        return m[0][0] + m[1][1] * m[0][1];
      }
      @Differentiable static double indices(double[] w) {
        int[] idx = {0, 1, 2}; int[] rev = {2, 1, 0};
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += w[idx[k]] * (k + 1);
          int[] t = idx; idx = rev; rev = t;
        }
        return s * s;
      }
      @Differentiable static float floats(float[] a, int n) {
        float[] x = a.clone();
        for (int k = 0; k < n; k++) { float[] y = new float[x.length]; for (int i = 0; i < x.length; i++) y[i] = x[i] * x[i] * 0.5f + 0.1f; x = y; }
        return x[0] + x[x.length - 1];
      }
      @Differentiable static double sharesParam(double[] a, double[] b, boolean left) {
        double[] x = left ? a : b;
        double s = 0; for (int i = 0; i < x.length; i++) s += x[i] * a[i];
        x = b;
        return s + x[0] * x[0];
      }
      @Differentiable static double writesParam(double[] a, double x) {
        double[] cur = a;
        cur[0] = cur[0] * x;
        cur = new double[] {x, a[0]};
        return cur[0] * cur[1] + a[0];
      }
      static double[] twice(double[] v, int n) {
        for (int k = 0; k < n; k++) v = new double[] {2 * v[0] * v[1], v[0] - v[1]};
        return v;
      }
      @Differentiable static double helperParam(double x, double y) {
        double[] b = {x, y};
        double[] a = twice(b, 2);
        return a[0] * x + a[1] + b[0] * b[1];
      }
      @Differentiable static double unset(double[] y0, int steps) {
        double[] k;
        double[] y = y0.clone();
        for (int s = 0; s < steps; s++) { k = apply(y, y); y = apply(k, y0); }
        return y[0] * y[1];
      }
      @Differentiable static double inPlace(double[] a0, boolean copy) {
        double[] a = a0.clone();
        double[] b = a;
        if (copy) b = new double[a.length];
        for (int i = 1; i < a.length; i++) b[i] = a[i - 1] * a[i] + Math.sin(b[i]);
        double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
      }
      @Differentiable static double param(double[] a, double x) {
        double s = a[0] * x;
        a = new double[] {x * s};
        return a[0] + s;
      }
      static double[] sq(double[] v) { double[] r = new double[v.length]; for (int i = 0; i < v.length; i++) r[i] = v[i] * v[i] + 0.5; return r; }
      @Differentiable static double params(double[] a, int n) {
        double[] first = a;
        for (int k = 0; k < n; k++) a = sq(a);
        return a[0] * first[1];
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  /** The same methods with forward mode and second order (the matrix one: forward mode only). */
  static final Compiled MODES =
      Compiled.members(
          MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static")
              .replace("(forward = true, hessian = true) static double matrix", "(forward = true) static double matrix"));

  static final double[][] POINTS = {{0.5, -0.3, 0.8, 0.1, 0.9}, {-0.7, 0.2, 0.4, -0.6, 0.3}, {1.1, 0.9, -0.2, 0.05, -1.3}};

  @Test
  void layersAndBufferSwaps() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] p : POINTS) {
      double[] w = {p[0], p[1], p[2]};
      double[] x = {p[3], p[4], p[0] * p[1]};
      for (int layers : new int[] {0, 1, 3}) {
        GradCheck.check(C, "deep", w, x, layers);
      }
      for (int steps : new int[] {0, 1, 2, 5}) {
        GradCheck.check(C, "heat", p, steps);
        GradCheck.check(C, "rotate", p, steps);
      }
      GradCheck.check(C, "rk4", new double[] {p[0], p[1], p[2]}, 0.1, 3);
    }
  }

  @Test
  void forwardModeFollowsTheArrays() {
    assertTrue(MODES.succeeded(), MODES.diagnostics());
    Random random = new Random(11);
    for (double[] p : POINTS) {
      double[] w = {p[0], p[1], p[2]};
      double[] x = {p[3], p[4], p[0] * p[1]};
      List<Object[]> points = List.of(
          new Object[] {w, x, 3}, new Object[] {p, 5}, new Object[] {p, 3}, new Object[] {w, 0.1, 3},
          new Object[] {p[0], p[1], true}, new Object[] {p[0], p[1], false}, new Object[] {p[0], 4},
          new Object[] {new double[][] {{p[0], p[1]}, {p[2], p[3]}}, 3}, new Object[] {w},
          new Object[] {w, x, true}, new Object[] {new double[] {p[0], p[1]}, p[2]}, new Object[] {p[0], p[1]},
          new Object[] {new double[] {p[0], p[1]}, p[2]}, new Object[] {new double[] {p[0], p[1]}, 2},
          new Object[] {p, false}, new Object[] {p, true});
      List<String> names = List.of(
          "deep", "heat", "rotate", "rk4", "choose", "choose", "branches", "matrix", "indices", "sharesParam",
          "writesParam", "helperParam", "param", "params", "inPlace", "inPlace");
      for (int k = 0; k < names.size(); k++) {
        assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", names.get(k), points.get(k), random, 3).ran(), names.get(k));
        if (!names.get(k).equals("matrix")) {
          HessianCheck.check(MODES, names.get(k), points.get(k));
        }
      }
    }
  }

  static final Compiled TRIES =
      Compiled.members(
          """
          @Differentiable(forward = true) static double[] guarded(double[] y, double h) {
            try {
              double[] out = new double[y.length];
              for (int i = 0; i < y.length; i++) out[i] = y[i] + h * y[i] * y[i];
              if (out[0] > 100) throw new ArithmeticException("blow-up");
              return out;
            } catch (ArithmeticException e) {
              return new double[] {h, h * h};
            }
          }
          """);

  @Test
  void anArrayReturnedFromInsideATry() {
    assertTrue(TRIES.succeeded(), TRIES.diagnostics());
    for (double[] y : new double[][] {{0.5, -0.3}, {20, 1}, {-0.7, 2}}) {
      for (double h : new double[] {0.1, 0.4}) {
        double[][] jac = (double[][]) Compiled.components(TRIES.call("p.CGrad", "guardedJacobian", y.clone(), h)).get("jacobian");
        for (int j = 0; j < 3; j++) {
          double eps = 1e-6;
          double[] yp = y.clone(), ym = y.clone();
          double hp = h, hm = h;
          if (j < 2) {
            yp[j] += eps;
            ym[j] -= eps;
          } else {
            hp += eps;
            hm -= eps;
          }
          double[] fp = (double[]) TRIES.call("p.C", "guarded", yp, hp);
          double[] fm = (double[]) TRIES.call("p.C", "guarded", ym, hm);
          for (int i = 0; i < 2; i++) {
            assertEquals((fp[i] - fm[i]) / (2 * eps), jac[i][j], 1e-6, "d out[" + i + "] / d arg " + j);
          }
        }
      }
    }
  }

  @Test
  void exactValues() {
    // One layer: d/dw_i of sum tanh(w_i x_i) is x_i (1 - tanh^2(w_i x_i)).
    double[] w = {0.5, -0.3}, x = {0.2, 0.7};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "deep", w, x, 1));
    for (int i = 0; i < 2; i++) {
      double t = Math.tanh(w[i] * x[i]);
      assertEquals(x[i] * (1 - t * t), ((double[]) g.get("w"))[i], 1e-15);
    }
    // Two swaps put the first buffer back: heat with one step is cur = a + 0.1 (laplacian).
    double[] a = {1, 2, 4, 8};
    double c1 = a[1] + 0.1 * (a[0] - 2 * a[1] + a[2]);
    g = Compiled.components(C.call("p.CGrad", "heat", a, 1));
    assertArrayEquals(new double[] {2 * c1 * 0.1, 2 * c1 * 0.8, 2 * c1 * 0.1, 0}, (double[]) g.get("a"), 1e-14);
  }

  @Test
  void aliasesShareWritesAndAdjoints() {
    for (double[] p : POINTS) {
      GradCheck.check(C, "choose", p[0], p[1], true);
      GradCheck.check(C, "choose", p[0], p[1], false);
      GradCheck.check(C, "branches", p[0], 4);
      GradCheck.check(C, "matrix", new double[][] {{p[0], p[1]}, {p[2], p[3]}}, 3);
      GradCheck.check(C, "indices", new double[] {p[0], p[1], p[2]});
      GradCheck.check(C, "sharesParam", new double[] {p[0], p[1]}, new double[] {p[2], p[3]}, true);
      GradCheck.check(C, "sharesParam", new double[] {p[0], p[1]}, new double[] {p[2], p[3]}, false);
      GradCheck.check(C, "writesParam", new double[] {p[0], p[1]}, p[2]);
      GradCheck.check(C, "helperParam", p[0], p[1]);
      GradCheck.check(C, "inPlace", p, true);
      GradCheck.check(C, "inPlace", p, false);
      for (int steps = 0; steps < 3; steps++) {
        GradCheck.check(C, "unset", new double[] {p[0], p[1]}, steps);
      }
      GradCheck.check(C, "param", new double[] {p[0], p[1]}, p[2]);
      GradCheck.check(C, "params", new double[] {p[0], p[1]}, 2);
      FloatGradCheck.check(C, "floats", new float[] {(float) p[0], (float) p[1], (float) p[2]}, 2);
    }
    // c = first ? a : b; c[0] = c[0] * c[1] writes a: 3 x y + 5 y^2 + 7 (x y + 1), d/dx = 3 y + 7 y.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "choose", 2.0, 3.0, true));
    assertEquals(10 * 3.0, (double) g.get("x"), 0.0);
    // writesParam: a[0] becomes a[0] x; the result x a[0] x + a[0] x, d/da0 = x^2 + x.
    g = Compiled.components(C.call("p.CGrad", "writesParam", new double[] {1.5, 2}, 3.0));
    assertEquals(12.0, ((double[]) g.get("a"))[0], 0.0);
  }
}
