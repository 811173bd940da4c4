package golden;

import io.github.backprop.Differentiable;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.hipparchus.special.elliptic.carlson.CarlsonEllipticIntegral;
import org.hipparchus.util.FastMath;
import org.hipparchus.util.SinCos;

/** Library objects as users hold them: statistics in locals, SinCos sums, Carlson's rF. */
class LibraryObjects {
  @Differentiable
  static double zScore(double[] x, double v) {
    Mean mean = new Mean();
    StandardDeviation sd = new StandardDeviation();
    return (v - mean.evaluate(x)) / sd.evaluate(x);
  }

  @Differentiable(forward = true)
  static double harmonics(double tau, double a, double b) {
    final SinCos sc1 = FastMath.sinCos(tau);
    final SinCos sc2 = SinCos.sum(sc1, sc1);
    return a * sc1.sin() + b * sc2.cos();
  }

  @Differentiable
  static double completeK(double m) {
    return CarlsonEllipticIntegral.rF(0, 1.0 - m, 1);
  }
}
