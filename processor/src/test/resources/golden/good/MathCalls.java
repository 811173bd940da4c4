package golden;

import io.github.backprop.Differentiable;

class MathCalls {
  @Differentiable
  static double reuse(double x, double y) {
    double e = Math.exp(x * y);
    double r = Math.sqrt(e + y);
    return 2 * Math.tanh(r) + Math.pow(x, 3) + Math.sin(x) * Math.PI;
  }

  @Differentiable
  static double kinks(double x, double y) {
    return Math.abs(x) + Math.max(x, y) + Math.floor(y) + StrictMath.hypot(x, y);
  }
}
