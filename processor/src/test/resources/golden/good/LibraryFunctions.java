package golden;

import io.github.backprop.Differentiable;
import org.apache.commons.math3.stat.StatUtils;
import org.hipparchus.util.MathArrays;

/** Library functions over arrays: written out as the library's loops, or a rule for the scalar ones. */
class LibraryFunctions {
  static final java.awt.geom.Point2D.Double ORIGIN = new java.awt.geom.Point2D.Double(0.5, 2);

  @Differentiable
  static double offset(double w) {
    return w * ORIGIN.x + ORIGIN.y;
  }

  @Differentiable(forward = true)
  static double zScore(double[] x, double v) {
    return (v - StatUtils.mean(x)) / Math.sqrt(StatUtils.variance(x));
  }

  @Differentiable
  static double distance(double[] p, double[] q) {
    return MathArrays.distance(p, q);
  }

  @Differentiable
  static double weighted(double[] w, double[] x) {
    return MathArrays.linearCombination(w, x);
  }

  @Differentiable
  static double residual(double[] a, double[] b) {
    double[] d = MathArrays.ebeSubtract(a, b);
    return d[0] * d[0] + StatUtils.max(d);
  }

  @Differentiable(forward = true)
  static double cross(double a1, double b1, double a2, double b2) {
    return MathArrays.linearCombination(a1, b2, -a2, b1);
  }

  @Differentiable(forward = true)
  static double robust(double[] x) {
    return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(x) + StatUtils.percentile(x, 90);
  }

  /** Commons Math 3's geometric mean, as the library computes it: exp of the mean of the logs. */
  @Differentiable
  static double growth(double[] ratios) {
    return StatUtils.geometricMean(ratios) - 1;
  }
}
