package golden;

import io.github.backprop.Differentiable;

class Calls {
  static final double SCALE = 1.5;

  @Differentiable
  static double square(double x) {
    return x * x;
  }

  @Differentiable
  static double outer(double a, double b) {
    double s = square(a * b) + square(SCALE);
    return s + Seeds.quadratic(b) * a;
  }

  @Differentiable
  static double outer(double a, int n) {
    return square(a) * n;
  }

  @Differentiable
  static double named(double value, double value_) {
    return value * value_;
  }
}
