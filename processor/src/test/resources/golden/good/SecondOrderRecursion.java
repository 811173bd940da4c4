package golden;

import io.github.backprop.Differentiable;

/**
 * hessian = true over recursion: a method that calls itself and a helper that calls itself get
 * tangent methods whose gradients give their second derivatives; a jagged array's tangent is made
 * as the array is.
 */
final class SecondOrderRecursion {
  private SecondOrderRecursion() {}

  @Differentiable(hessian = true)
  static double digammaLike(double x) {
    if (x >= 6) {
      return Math.log(x) - 0.5 / x;
    }
    return digammaLike(x + 1) - 1 / x;
  }

  static double power(double x, int n) {
    return n == 0 ? 1 : x * power(x, n - 1);
  }

  @Differentiable(hessian = true)
  static double cube(double x, double y) {
    return power(x, 3) * y;
  }

  @Differentiable(hessian = true)
  static double triangle(double x, int rows) {
    double[][] p = new double[rows][];
    double s = 0;
    for (int i = 0; i < rows; i++) {
      p[i] = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        p[i][j] = x * (i + j);
        s += p[i][j] * p[i][j];
      }
    }
    return s;
  }
}
