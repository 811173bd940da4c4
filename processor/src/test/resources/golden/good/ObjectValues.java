package golden;

import io.github.backprop.Differentiable;
import java.util.Random;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Objects with no derivative, held in locals: a generator's draws, a distribution's rows, an enum
 * constant's field and a StringBuilder.
 */
class ObjectValues {
  @Differentiable
  static double monteCarlo(double s, double sigma, int n, long seed) {
    Random rng = new Random(seed);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double st = s * Math.exp(sigma * rng.nextGaussian() - 0.5 * sigma * sigma);
      sum += Math.max(st - 100, 0);
    }
    return sum / n;
  }

  @Differentiable
  static double probit(double[] w, double[] x, int[] y) {
    NormalDistribution normal = new NormalDistribution(0, 1);
    double ll = 0;
    for (int i = 0; i < y.length; i++) {
      double p = normal.cumulativeProbability(w[0] + w[1] * x[i]);
      ll += y[i] == 1 ? Math.log(p) : Math.log(1 - p);
    }
    return -ll;
  }

  enum Unit {
    METRE(1.0),
    KILOMETRE(1000.0);

    final double factor;

    Unit(double factor) {
      this.factor = factor;
    }
  }

  @Differentiable
  static double toMetres(double d, Unit unit) {
    StringBuilder note = new StringBuilder("in ").append(unit);
    return note.length() > 100 ? 0 : d * unit.factor;
  }
}
