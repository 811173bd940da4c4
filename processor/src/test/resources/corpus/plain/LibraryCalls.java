package plain;

import io.github.backprop.Differentiable;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.inference.TestUtils;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.util.MathArrays;

/** Library functions over arrays, called as numerical code calls them on its own arrays. */
final class LibraryCalls {
  private LibraryCalls() {}

  private static final Variance SAMPLE_VARIANCE = new Variance();
  private static final DoubleUnaryOperator SOFTPLUS = z -> z > 30 ? z : Math.log1p(Math.exp(z));

  record Segment(double a, double b) {
    double length() {
      return Math.abs(b - a);
    }
  }

  // at: [1.5, -2, 3.25, 0.5] ; [0.2, 0.4, 0.1, 0.9, 1.3]
  @Differentiable
  static double standardScore(double[] x) {
    double mean = StatUtils.mean(x);
    double sd = Math.sqrt(StatUtils.variance(x, mean));
    return (x[0] - mean) / sd;
  }

  // at: [1, 2.5, -3], [0.5, 4, 1], 0.3 ; [0.2, 0.1], [1.5, -0.7], 2.0
  @Differentiable
  static double penalisedDistance(double[] p, double[] q, double lambda) {
    return MathArrays.distance(p, q) + lambda * MathArrays.distance1(p, q) + MathArrays.distanceInf(p, q);
  }

  // at: [1.5, -2, 3.25], [0.5, 0.25, 2]
  @Differentiable
  static double weightedResiduals(double[] w, double[] x) {
    double[] r = MathArrays.ebeSubtract(MathArrays.ebeMultiply(w, x), MathArrays.scale(0.5, x));
    return StatUtils.sumSq(r) + StatUtils.sum(r);
  }

  // at: 1.5, 2, -0.5, 3 ; 0.2, -1.1, 0.7, 0.4
  @Differentiable
  static double determinant2(double a, double b, double c, double d) {
    return MathArrays.linearCombination(a, d, -b, c);
  }

  // at: 0.5, [1.5, -2, 3.25, 0.5] ; -0.2, [0.3, 0.9, 1.4]
  @Differentiable
  static double tAgainst(double mu, double[] sample) {
    return TestUtils.t(mu, sample);
  }

  // at: [1.2, 0.4, 2.2, 0.9, 1.7]
  @Differentiable
  static double rangeAndSpread(double[] x) {
    return StatUtils.max(x) - StatUtils.min(x) + SAMPLE_VARIANCE.evaluate(x, 1, 3) + StatUtils.populationVariance(x);
  }

  // at: [1.2, 0.4, 2.2, 0.9]
  @Differentiable
  static double logLikelihoodOfPositives(double[] x) {
    return StatUtils.sumLog(x) - StatUtils.product(x) / x.length;
  }

  // at: [0.5, -1.2, 2.0], 0.7 ; [3.0, 0.1], -0.4
  @Differentiable
  static double softplusLoss(double[] z, double scale) {
    double[] s = new double[z.length];
    Arrays.setAll(s, i -> SOFTPLUS.applyAsDouble(scale * z[i]));
    return StatUtils.mean(s);
  }

  // at: 0.2, 1.5 ; -1.0, 0.3
  @Differentiable
  static double segmentLength(double a, double b) {
    Segment seg = new Segment(a, b);
    DoubleSupplier length = seg::length;
    return length.getAsDouble() * length.getAsDouble();
  }
}
