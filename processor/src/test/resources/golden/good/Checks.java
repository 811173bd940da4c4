package golden;

import io.github.backprop.Differentiable;
import java.util.Objects;
import java.util.logging.Logger;

/** Calls with no derivative, messages and throws: kept as written in the forward sweep. */
class Checks {
  static final Logger LOG = Logger.getLogger("golden");

  static void checkPositive(double v, String name) {
    if (!(v > 0)) {
      throw new IllegalArgumentException(name + " must be positive: " + v);
    }
  }

  @Differentiable
  static double logLoss(double p, double[] w) {
    Objects.requireNonNull(w, "w");
    checkPositive(p, "p");
    if (Double.isNaN(p) || p >= 1) {
      throw new IllegalArgumentException("p = " + p + " is not below 1");
    }
    assert w.length > 0 : "empty w";
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      if (Double.isInfinite(w[i])) {
        throw new ArithmeticException("w[" + i + "] is infinite");
      }
      s += w[i] * Math.log(p);
    }
    LOG.fine("loss " + s + " at p = " + p);
    return -s;
  }

  @Differentiable
  static double select(double x, int kind) {
    if (kind == 0) {
      return x * x;
    } else if (kind == 1) {
      return Math.exp(x);
    }
    throw new IllegalArgumentException("unknown kind " + kind);
  }
}
