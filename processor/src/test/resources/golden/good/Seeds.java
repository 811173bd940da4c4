package golden;

import io.github.backprop.Differentiable;

class Seeds {
  @Differentiable
  static double quadratic(double x) {
    return 2 * x * x - 3 * x + 4;
  }

  @Differentiable
  static double loss(double a, double b, double c, double f) {
    double e = a * b + c;
    return e * f;
  }

  @Differentiable
  static double sumTimes(double a, double b, double c) {
    var d = a + b;
    return d * c;
  }
}
