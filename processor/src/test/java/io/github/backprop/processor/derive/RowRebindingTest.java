package io.github.backprop.processor.derive;

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
 * Rows of a matrix given other rows or array variables, as Java users write them: Smile's dynamic
 * time warping swaps its two rows each step, Gaussian elimination swaps pivot rows, a row may be
 * left as another row's array. Wherever two rows, or a row and a variable, are one array, their
 * adjoints (and tangents) are one array too.
 */
class RowRebindingTest {
  static final String MEMBERS =
      """
      // Smile's DynamicTimeWarping.d, as written there.
      @Differentiable static double dtw(double[] x1, double[] x2) {
        int n1 = x1.length;
        int n2 = x2.length;
        double[][] table = new double[2][n2 + 1];
        table[0][0] = 0;
        for (int i = 1; i <= n2; i++) {
          table[0][i] = Double.POSITIVE_INFINITY;
        }
        for (int i = 1; i <= n1; i++) {
          table[1][0] = Double.POSITIVE_INFINITY;
          for (int j = 1; j <= n2; j++) {
            double cost = Math.abs(x1[i-1] - x2[j-1]);
            double min = table[0][j - 1];
            if (min > table[0][j]) {
              min = table[0][j];
            }
            if (min > table[1][j - 1]) {
              min = table[1][j - 1];
            }
            table[1][j] = cost + min;
          }
          double[] swap = table[0];
          table[0] = table[1];
          table[1] = swap;
        }
        return table[0][n2];
      }

      // The determinant by Gaussian elimination with partial pivoting: rows swapped in place.
      @Differentiable static double det(double[] a, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] = a[i * n + j];
        double d = 1;
        for (int k = 0; k < n; k++) {
          int p = k;
          for (int i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
          if (p != k) {
            double[] t = m[p]; m[p] = m[k]; m[k] = t;
            d = -d;
          }
          d *= m[k][k];
          for (int i = k + 1; i < n; i++) {
            double f = m[i][k] / m[k][k];
            for (int j = k; j < n; j++) m[i][j] -= f * m[k][j];
          }
        }
        return d;
      }

      // Two rows left as one array: a write through one is read through the other.
      @Differentiable static double shared(double x, double y) {
        double[][] m = new double[2][2];
        m[0][0] = x; m[1][0] = y; m[1][1] = x * y;
        m[0] = m[1];
        m[0][0] = m[0][0] * x;
        return m[1][0] * 3 + m[0][1];
      }

      // A row given a local array, then written through the local.
      @Differentiable static double viaLocal(double x, double y) {
        double[][] m = new double[2][2];
        m[1][0] = y;
        double[] r = new double[] {x, y};
        m[1] = r;
        r[0] = r[0] * x + m[0][0];
        return m[1][0] * y + r[1];
      }

      // An array variable that walks the rows, and writes through them.
      @Differentiable static double cursor(double[] a) {
        double[][] m = new double[a.length][];
        for (int k = 0; k < a.length; k++) m[k] = new double[] {a[k], a[k] * a[k]};
        double[] cur = m[0];
        double s = 0;
        for (int k = 0; k < a.length; k++) {
          cur = m[k];
          s += cur[0] * cur[1];
          cur[1] = s;
        }
        return s + m[a.length - 1][1] * cur[0];
      }

      // Rows rotated by one each step, through a local.
      @Differentiable static double rotate(double[] a, int steps) {
        double[][] m = new double[3][a.length];
        for (int i = 0; i < 3; i++) for (int j = 0; j < a.length; j++) m[i][j] = a[j] * (i + 1);
        for (int s = 0; s < steps; s++) {
          double[] first = m[0];
          m[0] = m[1];
          m[1] = m[2];
          m[2] = first;
          for (int j = 0; j < a.length; j++) m[0][j] = Math.sin(m[0][j]) + m[2][j] * m[1][j];
        }
        return m[0][0] + 2 * m[1][a.length - 1] + 3 * m[2][0];
      }

      // A row given a parameter's array: a write through the row is a write into the parameter.
      @Differentiable static double rowOfParam(double x, double[] w) {
        double[][] a = new double[2][];
        a[0] = w;
        a[1] = new double[] {x, x * x};
        a[0][1] = a[0][0] * x;
        return a[0][1] * a[1][1] + w[1] * w[0];
      }

      // A matrix of two array variables, its rows swapped: a soft alignment cost.
      @Differentiable static double alignment(double[] a, double[] b) {
        double[] prev = new double[b.length + 1];
        double[] curr = new double[b.length + 1];
        double[][] rows = {prev, curr};
        for (int j = 1; j <= b.length; j++) rows[0][j] = rows[0][j - 1] + b[j - 1] * b[j - 1];
        for (int i = 1; i <= a.length; i++) {
          rows[1][0] = rows[0][0] + a[i - 1] * a[i - 1];
          for (int j = 1; j <= b.length; j++) {
            double d = a[i - 1] - b[j - 1];
            rows[1][j] = d * d + Math.min(rows[0][j - 1], Math.min(rows[0][j], rows[1][j - 1]));
          }
          double[] tmp = rows[0];
          rows[0] = rows[1];
          rows[1] = tmp;
        }
        return rows[0][b.length] + prev[0] * curr[b.length];
      }

      // Rows of an int matrix swapped: indices the reverse sweep reads back, row by row.
      @Differentiable static double perm(double[] x, int steps) {
        int[][] idx = {{0, 1}, {1, 0}};
        double s = 0;
        for (int k = 0; k < steps; k++) {
          int[] t = idx[0];
          idx[0] = idx[1];
          idx[1] = t;
          s += x[idx[0][0]] * x[idx[1][0]] * (k + 1) + Math.sin(x[idx[0][1]]) * s;
        }
        return s;
      }

      // A name of a row keeps the row's array when the row is given a new one.
      @Differentiable static double keptRow(double x, double y) {
        double[][] m = {{x, 1}, {y, 2}};
        double[] r = m[0];
        m[0] = new double[] {y * y, 3};
        return r[0] * 3 + m[0][0];
      }

      // An enhanced for over rows that change hands in its body: each row as the iteration began.
      @Differentiable static double rowsInTheLoop(double x, double y) {
        double[][] m = {{x, 1}, {y, 2}};
        double s = 0;
        for (double[] row : m) {
          double[] t = m[0];
          m[0] = m[1];
          m[1] = t;
          s += row[0] * 3 + row[1] * x;
        }
        return s;
      }

      // A row chosen by a condition.
      @Differentiable static double choose(double x, double y, boolean first) {
        double[][] m = {{x, y}, {y * y, x}};
        m[1] = first ? m[0] : m[1];
        m[1][1] = m[1][1] * m[1][0];
        return m[0][0] * 3 + m[0][1] * 5 + m[1][1] * 7;
      }
      """;

  static final String FLOATS =
      """
      @Differentiable static float swapF(float[] a, int steps) {
        float[][] m = new float[2][a.length];
        for (int j = 0; j < a.length; j++) m[0][j] = a[j];
        for (int s = 0; s < steps; s++) {
          for (int j = 0; j < a.length; j++) m[1][j] = m[0][j] * m[0][j] * 0.5f + 0.1f;
          float[] t = m[0]; m[0] = m[1]; m[1] = t;
        }
        return m[0][0] + m[1][a.length - 1];
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS + FLOATS);

  /** Every method with forward mode and second order. */
  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  static final double[][] POINTS = {{0.5, -0.3, 0.8, 0.1, 0.9}, {-0.7, 0.2, 0.45, -0.6, 0.3}, {1.1, 0.9, -0.2, 0.05, -1.3}};

  /** The points each method is checked at, for one row of {@link #POINTS}. */
  private static List<Object[]> points(String name, double[] p) {
    return switch (name) {
      case "dtw" -> List.of(
          new Object[] {new double[] {p[0], p[1], p[2], p[3]}, new double[] {p[4], p[0] + 0.05, p[2] - 0.4}},
          new Object[] {new double[] {p[1]}, new double[] {p[3], p[4]}});
      case "det" -> List.of(
          new Object[] {new double[] {p[0], p[1], p[2], p[3], p[4], p[0] * p[1], p[2] + 1, -p[3], p[4] * 2}, 3},
          new Object[] {new double[] {p[0], p[1], p[2], p[3]}, 2});
      case "shared", "viaLocal" -> List.<Object[]>of(new Object[] {p[0], p[1]}, new Object[] {p[2], p[3]});
      case "cursor" -> List.<Object[]>of(new Object[] {new double[] {p[0], p[1], p[2]}});
      case "rotate" -> List.of(
          new Object[] {new double[] {p[0], p[1]}, 0}, new Object[] {new double[] {p[0], p[1]}, 1},
          new Object[] {new double[] {p[2], p[3]}, 4});
      case "choose" -> List.<Object[]>of(new Object[] {p[0], p[1], true}, new Object[] {p[0], p[1], false});
      case "alignment" -> List.of(
          new Object[] {new double[] {p[0], p[1], p[2], p[3]}, new double[] {p[4], p[0] + 0.05, p[2] - 0.4}},
          new Object[] {new double[] {p[1]}, new double[] {p[3], p[4]}});
      case "keptRow", "rowsInTheLoop" -> List.<Object[]>of(new Object[] {p[0], p[1]}, new Object[] {p[2], p[3]});
      case "perm" -> List.of(new Object[] {new double[] {p[0], p[1]}, 3}, new Object[] {new double[] {p[2], p[3]}, 0});
      case "rowOfParam" -> List.<Object[]>of(new Object[] {p[0], new double[] {p[1], p[2]}});
      default -> throw new AssertionError(name);
    };
  }

  static final List<String> NAMES = List.of("dtw", "det", "shared", "viaLocal", "cursor", "rotate", "choose", "rowOfParam", "alignment", "perm", "keptRow", "rowsInTheLoop");

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] p : POINTS) {
      for (String name : NAMES) {
        for (Object[] point : points(name, p)) {
          GradCheck.check(C, name, point);
        }
      }
      for (int steps : new int[] {0, 1, 2, 5}) {
        FloatGradCheck.check(C, "swapF", new float[] {(float) p[0], (float) p[1], (float) p[2]}, steps);
      }
    }
  }

  @Test
  void forwardModeAndSecondOrderMatchFiniteDifferences() {
    assertTrue(MODES.succeeded(), MODES.diagnostics());
    Random random = new Random(17);
    for (double[] p : POINTS) {
      for (String name : NAMES) {
        for (Object[] point : points(name, p)) {
          assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", name, point, random, 3).ran(), name);
          HessianCheck.check(MODES, name, point);
        }
      }
    }
  }

  @Test
  void exactValues() {
    // shared: m[0] is m[1] = {y, x y}; m[0][0] becomes x y, so the result is 3 x y + x y.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "shared", 2.0, 3.0));
    assertEquals(24.0, (double) g.get("value"), 0.0);
    assertEquals(4 * 3.0, (double) g.get("x"), 0.0);
    assertEquals(4 * 2.0, (double) g.get("y"), 0.0);
    // det of a 3 x 3 matrix that needs pivoting: d det / d a_ij is the cofactor C_ij.
    double[] a = {0.1, 2, 3, 4, 5, 6, 7, 8, 10};
    g = Compiled.components(C.call("p.CGrad", "det", a.clone(), 3));
    double det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    assertEquals(det, (double) g.get("value"), 1e-12);
    double[] cof = {
      a[4] * a[8] - a[5] * a[7], -(a[3] * a[8] - a[5] * a[6]), a[3] * a[7] - a[4] * a[6],
      -(a[1] * a[8] - a[2] * a[7]), a[0] * a[8] - a[2] * a[6], -(a[0] * a[7] - a[1] * a[6]),
      a[1] * a[5] - a[2] * a[4], -(a[0] * a[5] - a[2] * a[3]), a[0] * a[4] - a[1] * a[3]};
    double[] da = (double[]) g.get("a");
    for (int i = 0; i < 9; i++) {
      assertEquals(cof[i], da[i], 1e-12, "d det / d a" + i);
    }
    // dtw of {1, 4} against {5}: |1 - 5| + |4 - 5|, so d/dx1 = {-1, -1}, d/dx2 = {2}.
    g = Compiled.components(C.call("p.CGrad", "dtw", new double[] {1, 4}, new double[] {5}));
    assertEquals(5.0, (double) g.get("value"), 0.0);
    assertEquals(-1.0, ((double[]) g.get("x1"))[0], 0.0);
    assertEquals(-1.0, ((double[]) g.get("x1"))[1], 0.0);
    assertEquals(2.0, ((double[]) g.get("x2"))[0], 0.0);
  }

  /**
   * Regression: a name of a row ({@code double[] r = m[0]}, or an enhanced for's row) was read as
   * {@code m[0]} wherever used, so once the row was given another array it read the new one
   * (keptRow gave 100 for 31 at (2, 5); rowsInTheLoop 34 for 14).
   */
  @Test
  void aNameOfARowKeepsItsArrayWhenTheRowIsGivenAnother() {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "keptRow", 2.0, 5.0));
    assertEquals(31.0, (double) g.get("value"), 0.0);
    assertEquals(3.0, (double) g.get("x"), 0.0);
    assertEquals(10.0, (double) g.get("y"), 0.0);
    // Both iterations read the row {x, 1}: s = 2 (3 x + x).
    g = Compiled.components(C.call("p.CGrad", "rowsInTheLoop", 2.0, 5.0));
    assertEquals(16.0, (double) g.get("value"), 0.0);
    assertEquals(8.0, (double) g.get("x"), 0.0);
    assertEquals(0.0, (double) g.get("y"), 0.0);
  }

  /** {@code var m = new double[][] {a, b}}: the same matrix of array variables, its type inferred. */
  @Test
  void aVarMatrixOfArrayVariables() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable(forward = true, hessian = true)
            static double rolled(double x) {
              double[] prev = {x, 1};
              double[] curr = {2, x * x};
              var rows = new double[][] {prev, curr};
              double s = 0;
              for (int k = 0; k < 3; k++) {
                var tmp = rows[0];
                rows[0] = rows[1];
                rows[1] = tmp;
                s += rows[0][1] * k;
              }
              return s;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    for (double x : new double[] {0.7, -1.2, 2.5}) {
      // after each swap rows[0] is curr, prev, curr: s = 0 * x^2 + 1 * 1 + 2 * x^2
      Map<String, Object> g = GradCheck.check(c, "rolled", x);
      assertEquals(1 + 2 * x * x, (Double) g.get("value"), 1e-15);
      assertEquals(4 * x, (Double) g.get("x"), 1e-15);
      assertTrue(JvpCheck.check(c, "p.C", "p.CGrad", "rolled", new Object[] {x}, new Random(2), 2).ran());
      double[][] h = (double[][]) Compiled.components(c.call("p.CGrad", "rolledHessian", x)).get("hessian");
      assertEquals(4.0, h[0][0], 0.0);
    }
  }
}
