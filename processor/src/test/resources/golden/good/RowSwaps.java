package golden;

import io.github.backprop.Differentiable;

/** Rows of a matrix given other rows: a two-row dynamic-programming table, a pivot swap. */
class RowSwaps {
  @Differentiable(forward = true)
  static double warp(double[] x1, double[] x2) {
    double[][] table = new double[2][x2.length + 1];
    for (int i = 1; i <= x2.length; i++) {
      table[0][i] = Double.POSITIVE_INFINITY;
    }
    for (int i = 1; i <= x1.length; i++) {
      table[1][0] = Double.POSITIVE_INFINITY;
      for (int j = 1; j <= x2.length; j++) {
        double cost = Math.abs(x1[i - 1] - x2[j - 1]);
        table[1][j] = cost + Math.min(table[0][j - 1], Math.min(table[0][j], table[1][j - 1]));
      }
      double[] swap = table[0];
      table[0] = table[1];
      table[1] = swap;
    }
    return table[0][x2.length];
  }

  @Differentiable
  static double pivot(double a, double b, double c, double d) {
    double[][] m = {{a, b}, {c, d}};
    if (Math.abs(c) > Math.abs(a)) {
      double[] t = m[0];
      m[0] = m[1];
      m[1] = t;
    }
    double f = m[1][0] / m[0][0];
    return m[0][0] * (m[1][1] - f * m[0][1]);
  }
}
