package golden;

import io.github.backprop.Differentiable;

/** hessian = true: mHvp and mHessian, by reverse mode over forward mode. */
final class SecondOrder {
  private SecondOrder() {}

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
}
