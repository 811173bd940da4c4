package golden;

import io.github.backprop.Differentiable;

/** Jagged arrays: rows allocated later, of different lengths; a row given a new array. */
class Jagged {
  @Differentiable
  static double triangle(double x, int n) {
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        a[i][j] = x * (i + j + 1);
      }
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < a[i].length; j++) {
        s += a[i][j] * a[i][j];
      }
    }
    return s;
  }

  @Differentiable
  static double newRow(double x, double y) {
    double[][] a = new double[2][2];
    a[0][0] = x * y;
    double t = a[0][0] * a[0][0];
    a[0] = new double[] {x, t, y};
    return a[0][0] * a[0][1] + a[0][2] * a[1].length;
  }
}
