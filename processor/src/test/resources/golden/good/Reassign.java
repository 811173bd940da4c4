package golden;

import io.github.backprop.Differentiable;

class Reassign {
  @Differentiable
  static double overwrite(double x, double y) {
    double z = x * y;
    x = x * x;
    z += x * y;
    z *= y;
    z -= x / y;
    z /= x;
    return z;
  }

  @Differentiable
  static double counted(double x, int n) {
    int k = n * 2;
    double s = x * k;
    k = k + 1;
    s = s * x + k;
    return s;
  }
}
