package golden;

import io.github.backprop.Differentiable;

class Branches {
  @Differentiable
  static double piecewise(double x, double y) {
    double z;
    if (x > 0) {
      z = x * y;
    } else if (y > 0) {
      z = Math.log(y) * x;
    } else {
      z = -x;
    }
    return z * z;
  }

  @Differentiable
  static double early(double x, boolean flat) {
    if (flat) {
      return 1;
    }
    double y = x * x;
    return x > 1 ? y * x : Math.sin(y);
  }

  @Differentiable
  static double flag(double x) {
    if (x > 1) {
      x = x / 2;
    }
    return x * x;
  }
}
