package golden;

import io.github.backprop.Differentiable;
import org.hipparchus.distribution.RealDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** Methods of distribution objects: the normal's own rows, and a field declared as the interface. */
class Distributions {
  private static final NormalDistribution N = new NormalDistribution();
  static final RealDistribution SHIFTED = new NormalDistribution(0.5, 2.0);

  @Differentiable(forward = true)
  static double call(double s, double k, double v, double t) {
    double d1 = (Math.log(s / k) + 0.5 * v * v * t) / (v * Math.sqrt(t));
    double d2 = d1 - v * Math.sqrt(t);
    return s * N.cumulativeProbability(d1) - k * N.cumulativeProbability(d2);
  }

  @Differentiable(hessian = true)
  static double density(double x) {
    return SHIFTED.density(x) + N.inverseCumulativeProbability(0.5 + 0.1 * Math.tanh(x));
  }
}
