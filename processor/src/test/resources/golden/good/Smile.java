package golden;

import io.github.backprop.Differentiable;
import smile.math.Math;
import smile.math.special.Beta;

/**
 * Smile's selections and moments, written out as Smile's loops (the selection's swaps followed),
 * and its special functions by rule, digamma's derivative the runtime's trigamma.
 */
class Smile {
  @Differentiable
  static double spread(double[] x) {
    double m = Math.median(x);
    return x[x.length - 1] - m;
  }

  @Differentiable(forward = true)
  static double correlation(double[] x, double[] y) {
    return Math.cor(x, y);
  }

  @Differentiable(hessian = true)
  static double beta(double a, double b) {
    return Beta.beta(a, b);
  }
}
