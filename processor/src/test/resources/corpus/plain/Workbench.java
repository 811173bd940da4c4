package plain;

import io.github.backprop.Differentiable;

/**
 * Small classes as application code writes them: a value class with methods that return new
 * values, a filter whose state lives in fields, an enum of strategies, helpers that fill arrays.
 */
final class Workbench {
  private Workbench() {}

  /** An immutable 3-vector, the kind every project writes once. */
  static final class Vec3 {
    final double x;
    final double y;
    final double z;

    Vec3(double x, double y, double z) {
      this.x = x;
      this.y = y;
      this.z = z;
    }

    Vec3 minus(Vec3 o) {
      return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    Vec3 times(double s) {
      return new Vec3(s * x, s * y, s * z);
    }

    double dot(Vec3 o) {
      return x * o.x + y * o.y + z * o.z;
    }

    double norm() {
      return Math.sqrt(dot(this));
    }
  }

  /** Distance from a point to the line through a and b, with the value class. */
  // at: {1.0, 2.0, 0.5}, {0.0, 0.0, 0.0}, {1.0, 0.5, 0.25}
  @Differentiable
  static double distanceToLine(Vec3 p, Vec3 a, Vec3 b) {
    Vec3 ab = b.minus(a);
    Vec3 ap = p.minus(a);
    double t = ap.dot(ab) / ab.dot(ab);
    Vec3 foot = ab.times(t);
    return ap.minus(foot).norm();
  }

  enum Interp {
    LINEAR {
      @Override
      double blend(double a, double b, double t) {
        return a + (b - a) * t;
      }
    },
    COSINE {
      @Override
      double blend(double a, double b, double t) {
        double m = (1 - Math.cos(Math.PI * t)) / 2;
        return a * (1 - m) + b * m;
      }
    };

    abstract double blend(double a, double b, double t);
  }

  /** Sample a table with the interpolation the caller chose. */
  // at: [1.0, 3.0, 2.0, 5.0], 1.4, LINEAR ; [1.0, 3.0, 2.0, 5.0], 2.6, COSINE
  @Differentiable
  static double sampleTable(double[] table, double position, Interp mode) {
    int i = Math.min((int) position, table.length - 2);
    return mode.blend(table[i], table[i + 1], position - i);
  }

  /** Scalar Kalman filter over a series of measurements; the negative log-likelihood of the innovations. */
  // at: [1.1, 0.9, 1.4, 1.2, 0.8], 0.05, 0.2
  @Differentiable
  static double kalmanNll(double[] measurements, double processNoise, double measurementNoise) {
    double x = measurements[0];
    double p = 1.0;
    double nll = 0;
    for (int k = 1; k < measurements.length; k++) {
      p += processNoise;
      double s = p + measurementNoise;
      double innovation = measurements[k] - x;
      nll += 0.5 * (Math.log(2 * Math.PI * s) + innovation * innovation / s);
      double gain = p / s;
      x += gain * innovation;
      p *= 1 - gain;
    }
    return nll;
  }

  /** Fill a grid from a function of its indices, then integrate it by the trapezoid rule in 2D. */
  // at: 1.5, 0.7
  @Differentiable
  static double gridIntegral(double a, double b) {
    final int n = 12;
    double[][] grid = new double[n + 1][n + 1];
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= n; j++) {
        double x = (double) i / n, y = (double) j / n;
        grid[i][j] = Math.exp(-a * x * x - b * y * y);
      }
    }
    double h = 1.0 / n, total = 0;
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= n; j++) {
        double wx = (i == 0 || i == n) ? 0.5 : 1.0;
        double wy = (j == 0 || j == n) ? 0.5 : 1.0;
        total += wx * wy * grid[i][j];
      }
    }
    return total * h * h;
  }

  /** Sum a series until the terms are small, the way textbook code does it. */
  // at: 0.8 ; 2.5
  @Differentiable
  static double besselI0(double x) {
    double term = 1.0, sum = 1.0, q = x * x / 4;
    int k = 0;
    do {
      k++;
      term *= q / ((double) k * k);
      sum += term;
    } while (term > 1e-17 * sum);
    return sum;
  }

  /** Sort a copy, then read a weighted quantile of the sorted values. */
  // at: [3.5, 1.25, 2.0, 4.75, 0.5], 0.35
  @Differentiable
  static double quantileOfCopy(double[] data, double q) {
    double[] sorted = java.util.Arrays.copyOf(data, data.length);
    java.util.Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** A string-keyed switch choosing a unit, as configuration-driven code does. */
  // at: 12.0, "km" ; 12.0, "mi" ; 12.0, "nm"
  @Differentiable
  static double travelHours(double speed, String unit) {
    double metresPerUnit = switch (unit) {
      case "km" -> 1000.0;
      case "mi" -> 1609.344;
      case "nm" -> 1852.0;
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
    double distanceMetres = 42_195.0;
    return distanceMetres / (speed * metresPerUnit);
  }

  /** Softmax into a fresh array, then the expected value of a payoff vector under it. */
  // at: [0.5, 1.5, -0.5], [10.0, 20.0, 5.0]
  @Differentiable
  static double expectedPayoff(double[] scores, double[] payoffs) {
    double[] probs = new double[scores.length];
    double max = scores[0];
    for (double s : scores) {
      if (s > max) {
        max = s;
      }
    }
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      probs[i] = Math.exp(scores[i] - max);
      sum += probs[i];
    }
    double expected = 0;
    for (int i = 0; i < probs.length; i++) {
      expected += probs[i] / sum * payoffs[i];
    }
    return expected;
  }
}
