package golden;

import io.github.backprop.Differentiable;
import java.util.logging.Logger;

class PrivateData {
  private static final Logger LOG = Logger.getLogger(PrivateData.class.getName());
  private static final double LOG_2_PI = Math.log(2 * Math.PI);
  private static final double HALF_LOG_2_PI = 0.5 * LOG_2_PI;
  private static final double[] COEFFS = {0.5, -1.25, 2.0, .75e-1, 1e-3};
  private static final double[][] GRID = {{1, 2}, {3, -4}};
  private static final int DEGREE = 4;
  private static final double STARTER;

  static {
    final double k1 = 3 * Math.PI + 2;
    final double k2 = Math.PI - 1;
    STARTER = 3 * k2 * k2 / k1;
  }

  private static final class Scales {
    static final double ROOT_2 = Math.sqrt(2);
  }

  /** A private table and private scalars, read from their copies; DEGREE, a constant, inlined. */
  @Differentiable
  static double logDensity(double x) {
    double s = 0;
    for (int i = DEGREE; i >= 0; i--) {
      s = s * x + COEFFS[i];
    }
    return -0.5 * s * s - HALF_LOG_2_PI;
  }

  /** A private logger, a private 2-D table, a field of a private class and one set in a static block. */
  @Differentiable
  static double logged(double x, double y) {
    LOG.fine("x = " + x);
    return GRID[0][1] * x * y + GRID[1][0] * Math.sin(x) * Scales.ROOT_2 + STARTER * y;
  }
}
