package golden;

import io.github.backprop.Differentiable;
import smile.math.Math;

/** Smile's selections and moments: written out as Smile's loops, the selection's swaps followed. */
class Selections {
  @Differentiable
  static double spread(double[] x) {
    double m = Math.median(x);
    return x[x.length - 1] - m;
  }

  @Differentiable(forward = true)
  static double correlation(double[] x, double[] y) {
    return Math.cor(x, y);
  }
}
