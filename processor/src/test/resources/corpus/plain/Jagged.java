package plain;

import io.github.backprop.Differentiable;

/** Jagged arrays as numerical code builds them: packed triangles, rows of different lengths. */
final class Jagged {
  private Jagged() {}

  /**
   * log det of the 3x3 matrix [[a, b, 0], [b, a, b], [0, b, a]] by Cholesky, with the factor held
   * as a packed lower triangle (row i has i + 1 entries), as in textbook and JDK-style code.
   */
  // at: 4.0, 1.0 ; 3.0, -0.5
  @Differentiable
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

  /** Pascal's triangle scaled by powers of x: rows of growing length. */
  // at: 0.5, 4 ; 1.5, 6
  @Differentiable
  static double pascalPolynomial(double x, int rows) {
    double[][] p = new double[rows][];
    for (int i = 0; i < rows; i++) {
      p[i] = new double[i + 1];
      p[i][0] = 1;
      p[i][i] = 1;
      for (int j = 1; j < i; j++) {
        p[i][j] = p[i - 1][j - 1] + p[i - 1][j] * x;
      }
    }
    double s = 0;
    for (double v : p[rows - 1]) {
      s += v;
    }
    return s;
  }

  /** A weighted sum over a ragged matrix passed in. */
  // at: [[1.0, 2.0], [3.0], [0.5, 0.25, 4.0]], 0.5
  @Differentiable
  static double raggedWeightedSum(double[][] m, double decay) {
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      double w = 1;
      for (int j = 0; j < m[i].length; j++) {
        s += w * m[i][j] * m[i][j];
        w *= decay;
      }
    }
    return s;
  }
}
