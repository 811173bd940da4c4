package golden;

import io.github.backprop.Differentiable;
import java.util.logging.Logger;

/** try/catch/finally: the reverse sweep reverses the path that ran. */
class Tries {
  static final Logger LOG = Logger.getLogger("golden");

  static double solve(double x) {
    if (x > 4) {
      throw new ArithmeticException("no convergence at " + x);
    }
    return Math.sqrt(x) * x;
  }

  /** A catch that only throws: the try block's gradient, the exception as the source's. */
  @Differentiable
  static double wrapped(double x, double y) {
    try {
      return solve(x) * y;
    } catch (ArithmeticException e) {
      throw new IllegalStateException("solve failed", e);
    }
  }

  /** A catch that assigns a fallback: each path its own gradient; finally only logs. */
  @Differentiable(forward = true)
  static double fallback(double x) {
    double r = x * x;
    double q = r * 3;
    try {
      r = r * solve(x);
      r = solve(r);
    } catch (IllegalArgumentException | ArithmeticException e) {
      LOG.fine("fallback: " + e.getMessage());
      r = Math.log1p(x * x);
    } finally {
      LOG.fine("done");
    }
    return r * q;
  }

  /** A catch that returns, inside a loop: what the try block pushed is dropped. */
  @Differentiable
  static double loop(double[] w, double x) {
    double s = 1;
    for (int k = 0; k < w.length; k++) {
      try {
        s = s * w[k] + solve(s * x);
      } catch (ArithmeticException e) {
        return Double.NaN;
      }
    }
    return s;
  }
}
