package plain;

import io.github.backprop.Differentiable;
import java.util.Objects;

/** Argument checks, NaN guards and early returns, as defensive Java code has them. */
final class Validation {
  private Validation() {}

  private static void checkPositive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  // at: 2.0, 3.0
  @Differentiable
  static double safeLogRatio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.NaN;
    }
    if (a <= 0 || b <= 0) {
      throw new IllegalArgumentException("arguments must be positive");
    }
    return Math.log(a / b);
  }

  // at: 2.0, 0.5
  @Differentiable
  static double weibullPdf(double x, double shape) {
    checkPositive(shape, "shape");
    if (x < 0) return 0;
    return shape * Math.pow(x, shape - 1) * Math.exp(-Math.pow(x, shape));
  }

  // at: 1.5 ; 1e300
  @Differentiable
  static double guardedSquare(double x) {
    double y = x * x;
    if (Double.isInfinite(y)) {
      return Double.MAX_VALUE;
    }
    return y;
  }

  // at: [1.0, 2.0, 3.0]
  @Differentiable
  static double normalizedSum(double[] w) {
    Objects.requireNonNull(w, "w");
    if (w.length == 0) {
      throw new IllegalArgumentException("w is empty");
    }
    double s = 0;
    for (double v : w) {
      if (!Double.isFinite(v)) {
        throw new ArithmeticException("non-finite weight");
      }
      s += v;
    }
    return s / w.length;
  }

  // at: 0.3, 0.0, 1.0
  @Differentiable
  static double clampedInterpolation(double t, double a, double b) {
    assert a <= b : "a must not exceed b";
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    return a + (b - a) * t;
  }

  // at: 3.0, 2.0
  @Differentiable
  static double stableHypot(double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
    double ax = Math.abs(x), ay = Math.abs(y);
    double big = Math.max(ax, ay), small = Math.min(ax, ay);
    if (big == 0) return 0;
    double r = small / big;
    return big * Math.sqrt(1 + r * r);
  }

  // at: 2.0, 4
  @Differentiable
  static double checkedPower(double base, int exponent) {
    if (exponent < 0) {
      throw new IllegalArgumentException(String.format("negative exponent %d", exponent));
    }
    double result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= base;
    }
    return result;
  }

  // at: 0.4
  @Differentiable
  static double probabilityLogit(double p) {
    if (p <= 0.0 || p >= 1.0) {
      throw new IllegalArgumentException("p out of (0, 1): " + p);
    }
    return Math.log(p / (1 - p));
  }

  // at: 1.2, 0.5
  @Differentiable
  static double compareAndBlend(double a, double b) {
    int c = Double.compare(a, b);
    double w = c > 0 ? 0.75 : 0.25;
    return w * a + (1 - w) * b;
  }

  // at: 5.0, 2.0
  @Differentiable
  static double tryCatchDivision(double a, double b) {
    double r;
    try {
      r = a / b;
    } catch (ArithmeticException e) {
      r = 0;
    }
    return r * r;
  }
}
