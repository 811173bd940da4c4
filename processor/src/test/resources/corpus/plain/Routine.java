package plain;

import io.github.backprop.Differentiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Routine numeric code in the many styles Java programmers write it: var, final parameters,
 * varargs, boxed arrays and lists, array copies and clones, jagged arrays, the lesser Math
 * functions, hex and underscore literals, long counters, integer division, labeled continue,
 * do-while, NaN tests, messages built from strings, switches on strings and enums, text blocks,
 * local helper lambdas and holder objects.
 */
final class Routine {
  enum Unit { METRE, FOOT, INCH, MILE }

  enum Compounding { ANNUAL, MONTHLY, CONTINUOUS }

  private Routine() {}

  /** A running mean and variance (Welford), as people nest a small helper class. */
  static final class RunningStats {
    private long n;
    private double mean;
    private double m2;

    void push(double x) {
      n++;
      double delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
    }

    double variance() {
      return n > 1 ? m2 / (n - 1) : 0.0;
    }
  }

  // at: [2.0, 4.0, 4.5, 5.0, 7.0, 9.0]
  @Differentiable
  static double welfordVariance(double... xs) {
    RunningStats stats = new RunningStats();
    for (double x : xs) {
      stats.push(x);
    }
    return stats.variance();
  }

  // at: [1.0, 2.5, 3.0, 4.5]
  @Differentiable
  static double sampleSkewness(final double[] data) {
    final int n = data.length;
    var mean = 0.0;
    for (var d : data) {
      mean += d;
    }
    mean /= n;
    double m2 = 0, m3 = 0;
    for (int i = 0; i < n; i++) {
      final double dev = data[i] - mean;
      m2 += dev * dev;
      m3 += dev * dev * dev;
    }
    m2 /= n;
    m3 /= n;
    return m3 / Math.pow(m2, 1.5);
  }

  // at: [0.5, 1.5, -0.25, 2.0], 3
  @Differentiable
  static double movingAverageLast(double[] signal, int window) {
    double[] smoothed = new double[signal.length];
    double sum = 0;
    for (int i = 0; i < signal.length; i++) {
      sum += signal[i];
      if (i >= window) {
        sum -= signal[i - window];
      }
      smoothed[i] = sum / Math.min(i + 1, window);
    }
    return smoothed[smoothed.length - 1] * smoothed[smoothed.length / 2];
  }

  // at: [1.0, 3.0, 2.0, 5.0], 0.3
  @Differentiable
  static double exponentialSmoothing(Double[] series, double alpha) {
    if (alpha <= 0 || alpha > 1) {
      throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
    }
    double level = series[0];
    for (int t = 1; t < series.length; t++) {
      level = alpha * series[t] + (1 - alpha) * level;
    }
    return level;
  }

  // at: [0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 0.5, 4.0], 1.7
  @Differentiable
  static double linearInterpolate(double[] xs, double[] ys, double x) {
    int lo = 0, hi = xs.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (xs[mid] <= x) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
    return Math.fma(t, ys[hi] - ys[lo], ys[lo]);
  }

  // at: 0.3, 1.0, 2.0, 0.5, 3.0
  @Differentiable
  static double lagrangeThreePoint(double x, double y0, double y1, double y2, double h) {
    final double[] nodes = {0, h, 2 * h};
    final double[] values = {y0, y1, y2};
    double result = 0;
    for (int j = 0; j < 3; j++) {
      double basis = 1;
      for (int m = 0; m < 3; m++) {
        if (m == j) continue;
        basis *= (x - nodes[m]) / (nodes[j] - nodes[m]);
      }
      result += values[j] * basis;
    }
    return result;
  }

  // at: 0.0, 1.0, 1.5, 2.0, 0.25
  @Differentiable
  static double catmullRom(double p0, double p1, double p2, double p3, double t) {
    double t2 = t * t, t3 = t2 * t;
    return 0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
        + (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
  }

  // at: 1.0, 2.0, 4.0, 1.0, 3.0, 5.0
  @Differentiable
  static double triangleArea(double ax, double ay, double bx, double by, double cx, double cy) {
    double cross = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
    return Math.abs(cross) / 2;
  }

  // at: [[0.0, 0.0], [4.0, 0.0], [4.0, 3.0], [0.0, 3.5]]
  @Differentiable
  static double polygonPerimeter(double[][] vertices) {
    double perimeter = 0;
    for (int i = 0, n = vertices.length; i < n; i++) {
      double[] a = vertices[i];
      double[] b = vertices[Math.floorMod(i + 1, n)];
      perimeter += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
    return perimeter;
  }

  // at: 0.4, 1.2, 2.0, 0.7
  @Differentiable
  static double angleBetween(double ax, double ay, double bx, double by) {
    double dot = ax * bx + ay * by;
    double det = ax * by - ay * bx;
    double angle = Math.atan2(det, dot);
    return Math.toDegrees(angle);
  }

  // at: 1000.0, 0.05, 10, ANNUAL ; 1000.0, 0.05, 10, MONTHLY ; 1000.0, 0.05, 10, CONTINUOUS
  @Differentiable
  static double futureValue(double principal, double rate, int years, Compounding compounding) {
    return switch (compounding) {
      case ANNUAL -> principal * Math.pow(1 + rate, years);
      case MONTHLY -> principal * Math.pow(1 + rate / 12, 12 * years);
      case CONTINUOUS -> principal * Math.exp(rate * years);
    };
  }

  // at: [-1000.0, 300.0, 400.0, 500.0], 0.08
  @Differentiable
  static double netPresentValue(double[] cashFlows, double rate) {
    double npv = 0;
    double discount = 1;
    for (double cf : cashFlows) {
      npv += cf / discount;
      discount *= 1 + rate;
    }
    return npv;
  }

  // at: 250000.0, 0.045, 360
  @Differentiable
  static double monthlyPayment(double loan, double annualRate, int months) {
    double r = annualRate / 12;
    if (r == 0) {
      return loan / months;
    }
    double factor = Math.pow(1 + r, months);
    return loan * r * factor / (factor - 1);
  }

  // at: [-1000.0, 300.0, 400.0, 500.0], 0.1
  @Differentiable
  static double internalRateByNewton(double[] flows, double guess) {
    double r = guess;
    int iterations = 0;
    do {
      double f = 0, df = 0;
      for (int t = 0; t < flows.length; t++) {
        f += flows[t] / Math.pow(1 + r, t);
        df -= t * flows[t] / Math.pow(1 + r, t + 1);
      }
      double step = f / df;
      r -= step;
      if (Math.abs(step) < 1e-14) {
        break;
      }
    } while (++iterations < 50);
    return r;
  }

  // at: 10.0, 45.0, 9.81
  @Differentiable
  static double projectileRange(double speed, double angleDegrees, double g) {
    double theta = Math.toRadians(angleDegrees);
    return speed * speed * Math.sin(2 * theta) / g;
  }

  // at: 1.0, 0.0, 0.5, 0.01, 200
  @Differentiable
  static double dampedOscillatorEuler(double x0, double v0, double damping, double dt, int steps) {
    double x = x0, v = v0;
    long counter = 0L;
    while (counter < steps) {
      double a = -x - damping * v;
      v += a * dt;
      x += v * dt;
      counter++;
    }
    return x * x + v * v;
  }

  // at: 300.0, 2.0, 0.5
  @Differentiable
  static double idealGasPressure(double temperatureKelvin, double moles, double volumeCubicMetres) {
    final double R = 8.314_462_618;
    return moles * R * temperatureKelvin / volumeCubicMetres;
  }

  // at: 12.5, METRE ; 12.5, FOOT ; 12.5, INCH ; 0.75, MILE
  @Differentiable
  static double toMetres(double length, Unit unit) {
    double factor;
    switch (unit) {
      case METRE:
        factor = 1;
        break;
      case FOOT:
        factor = 0.3048;
        break;
      case INCH:
        factor = 0.0254;
        break;
      case MILE:
        factor = 1_609.344;
        break;
      default:
        throw new IllegalStateException("unit " + unit);
    }
    return length * factor;
  }

  // at: 68.0, "F" ; 20.0, "C" ; 293.15, "K"
  @Differentiable
  static double toKelvin(double temperature, String scale) {
    switch (scale.toUpperCase()) {
      case "C":
        return temperature + 273.15;
      case "F":
        return (temperature - 32) * 5 / 9 + 273.15;
      case "K":
        return temperature;
      default:
        throw new IllegalArgumentException("""
            unknown scale: %s
            expected one of C, F, K""".formatted(scale));
    }
  }

  // at: 0.0, 2.0, 64
  @Differentiable
  static double simpsonGaussian(double a, double b, int intervals) {
    if (intervals % 2 != 0) {
      intervals++;
    }
    DoubleUnaryOperator f = x -> Math.exp(-x * x / 2);
    double h = (b - a) / intervals;
    double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
    for (int i = 1; i < intervals; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
    }
    return sum * h / 3;
  }

  // at: 0.5, 3.0, 40
  @Differentiable
  static double trapezoidPolynomial(double lower, double upper, int n) {
    final double h = (upper - lower) / n;
    double total = 0.5 * (poly(lower) + poly(upper));
    for (int k = 1; k < n; k++) {
      total += poly(lower + k * h);
    }
    return total * h;
  }

  private static double poly(double x) {
    return ((0.5 * x - 1.25) * x + 2) * x - 0.75;
  }

  // at: 2.0, 1e-12
  @Differentiable
  static double bisectionCubeRoot(double target, double tol) {
    double lo = 0, hi = Math.max(1, target);
    for (int iter = 0; iter < 200 && hi - lo > tol; iter++) {
      double mid = lo + (hi - lo) / 2;
      if (mid * mid * mid > target) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double x = (lo + hi) / 2;
    // one Newton step from the bracket carries the derivative: x - (x^3 - t) / (3 x^2)
    return x - (x * x * x - target) / (3 * x * x);
  }

  // at: 612.0
  @Differentiable
  static double newtonSqrt(double s) {
    if (s != s || s < 0) {
      return Double.NaN;
    }
    if (s == Double.POSITIVE_INFINITY) {
      return s;
    }
    double x = Math.scalb(1.0, Math.getExponent(s) / 2);
    for (int i = 0; i < 8; i++) {
      x = 0.5 * (x + s / x);
    }
    return x;
  }

  // at: [3.0, 1.0, 2.0, 5.0]
  @Differentiable
  static double medianOfCopy(double[] values) {
    double[] sorted = Arrays.copyOf(values, values.length);
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 0 ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid];
  }

  // at: [1.0, 2.0, 3.0, 4.0, 5.0], 2
  @Differentiable
  static double rotatedDot(double[] v, int shift) {
    double[] rotated = new double[v.length];
    System.arraycopy(v, shift, rotated, 0, v.length - shift);
    System.arraycopy(v, 0, rotated, v.length - shift, shift);
    double dot = 0;
    for (int i = 0; i < v.length; i++) {
      dot += v[i] * rotated[i];
    }
    return dot;
  }

  // at: [0.5, -1.5, 2.5]
  @Differentiable
  static double clampedCopy(double[] raw) {
    double[] w = raw.clone();
    for (int i = 0; i < w.length; i++) {
      w[i] = w[i] < -1 ? -1 : w[i] > 2 ? 2 : w[i];
    }
    return w[0] * w[1] + w[2] * raw[0];
  }

  // at: [[1.0, 2.0], [3.0], [4.0, 5.0, 6.0]]
  @Differentiable
  static double jaggedRowMeans(double[][] rows) {
    double total = 0;
    outer:
    for (double[] row : rows) {
      if (row.length == 0) continue outer;
      double s = 0;
      for (double x : row) {
        s += x;
      }
      total += s / row.length;
    }
    return total;
  }

  // at: [1.0, 5.0, 2.0, 8.0, 3.0], 4
  @Differentiable
  static double countAboveWeighted(List<Double> samples, int threshold) {
    long above = 0;
    double weighted = 0;
    for (Double s : samples) {
      if (s > threshold) {
        above++;
        weighted += s * s;
      }
    }
    return above == 0 ? 0 : weighted / above;
  }

  // at: 2.5, -1.25
  @Differentiable
  static double signAndMagnitude(double x, double y) {
    double m = Math.copySign(Math.abs(x), y);
    return m * Math.signum(x) + Math.ulp(1.0) + Math.nextUp(0.0) - Double.MIN_VALUE;
  }

  // at: 0.75, 16, 0.001
  @Differentiable
  static double hexAndFloatLiterals(double x, int bits, float eps) {
    int mask = 0xFF & (bits << 1);
    double scale = mask / 8; // integer division on purpose
    return x * scale + eps * x * x + 0x1.8p1 * x;
  }

  // at: [3.0, 1.0, 4.0, 1.5]
  @Differentiable
  static double largestByCompare(double[] xs) {
    double best = Double.NEGATIVE_INFINITY;
    int index = -1;
    for (int i = 0; i < xs.length; i++) {
      if (Double.compare(xs[i], best) > 0) {
        best = xs[i];
        index = i;
      }
    }
    if (index < 0) {
      throw new IllegalStateException("empty: " + Arrays.toString(xs));
    }
    return best * best + index;
  }

  // at: [1.0, 2.0, 3.0], [0.5, 0.25, 2.0]
  @Differentiable
  static double weightedLogLoss(double[] predictions, double[] weights) {
    if (predictions.length != weights.length) {
      StringBuilder message = new StringBuilder("length mismatch: ");
      message.append(predictions.length).append(" vs ").append(weights.length);
      throw new IllegalArgumentException(message.toString());
    }
    double loss = 0;
    for (int i = 0; i < predictions.length; i++) {
      loss += weights[i] * Math.log1p(predictions[i] * predictions[i]);
    }
    return loss;
  }

  // at: 3.0, 4.0, 2.0
  @Differentiable
  static double eloExpectedScore(double ratingA, double ratingB, double k) {
    double expected = 1 / (1 + Math.pow(10, (ratingB - ratingA) / 400));
    return k * (1 - expected);
  }

  // at: 5.0, 2.0, 0.6, 0.5 ; 5.0, 2.0, 0.3, 0.75
  @Differentiable
  static double smoothstepBlend(double a, double b, double x, double edge) {
    double t = x / (2 * edge);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double s = t * t * (3 - 2 * t);
    return a + (b - a) * s;
  }

  // at: [0.2, 0.5, 0.3], [1.0, 2.0, 3.0]
  @Differentiable
  static double expectedValueChecked(double[] probabilities, double[] outcomes) {
    double total = 0;
    for (double p : probabilities) {
      total += p;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException(String.format("probabilities sum to %.3f, not a positive number", total));
    }
    double ev = 0;
    for (int i = 0; i < outcomes.length; i++) {
      ev += probabilities[i] * outcomes[i];
    }
    return ev / total; // normalised, in case they do not quite sum to 1
  }

  // at: 1.5, 2.1, 0.25
  @Differentiable
  static double collectedThenSummed(double a, double b, double step) {
    List<Double> terms = new ArrayList<>();
    for (double x = a; x <= b; x += step) {
      terms.add(x * x);
    }
    double sum = 0;
    for (double t : terms) {
      sum += t;
    }
    return sum * step;
  }

  // at: 1.25, 7
  @Differentiable
  static double alternatingSeries(double x, int terms) {
    double sum = 0;
    double power = x;
    int sign = 1;
    for (int k = 1; k <= terms; k++, power *= x) {
      sum += sign * power / k;
      sign = -sign;
    }
    return sum;
  }
}
