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

  /** Hipparchus's FastMath: the rows of java.lang.Math, the primal calls FastMath. */
  @Differentiable
  static double fastMath(double x, double y) {
    return org.hipparchus.util.FastMath.exp(x * y) + org.hipparchus.util.FastMath.atan2(y, x);
  }
}
