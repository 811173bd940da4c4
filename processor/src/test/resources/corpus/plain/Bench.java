package plain;

import io.github.backprop.Differentiable;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The numerical workbench a new user writes next: geometry, signals, curve fitting, ODE steps,
 * interpolation and root finding, with hypot and fma, labeled loops, ternaries, early returns,
 * static nested helpers, results that are vectors, lambdas held in variables and List data.
 */
final class Bench {
  private Bench() {}

  /** A 2-D point helper of the kind people nest beside their functions. */
  static final class Geo {
    private Geo() {}

    static double dist(double ax, double ay, double bx, double by) {
      return Math.hypot(bx - ax, by - ay);
    }

    static double cross(double ax, double ay, double bx, double by) {
      return ax * by - ay * bx;
    }
  }

  // at: [0, 0], [4, 0.5], [1, 3]
  @Differentiable
  static double heronArea(double[] a, double[] b, double[] c) {
    double ab = Geo.dist(a[0], a[1], b[0], b[1]);
    double bc = Geo.dist(b[0], b[1], c[0], c[1]);
    double ca = Geo.dist(c[0], c[1], a[0], a[1]);
    double s = (ab + bc + ca) / 2;
    return Math.sqrt(s * (s - ab) * (s - bc) * (s - ca));
  }

  // at: [0, 3, 4, 1], [0, 0.5, 3, 2.5]
  @Differentiable
  static double polygonPerimeter(double[] xs, double[] ys) {
    double perimeter = 0;
    for (int i = 0; i < xs.length; i++) {
      int j = (i + 1) % xs.length;
      perimeter += Math.hypot(xs[j] - xs[i], ys[j] - ys[i]);
    }
    return perimeter;
  }

  // at: [0, 3, 4, 1], [0, 0.5, 3, 2.5]
  @Differentiable
  static double shoelaceArea(double[] xs, double[] ys) {
    double twice = 0;
    for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
      twice += Geo.cross(xs[j], ys[j], xs[i], ys[i]);
    }
    return Math.abs(twice) / 2;
  }

  // at: 1.0, 2.0, 0, 0, 4, 1 ; 5.5, 0.5, 0, 0, 4, 1 ; -2, 1, 0, 0, 4, 1
  @Differentiable
  static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax, dy = by - ay;
    double lengthSquared = dx * dx + dy * dy;
    if (lengthSquared == 0) return Math.hypot(px - ax, py - ay);
    double t = ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }

  // at: 0.1, -0.2, 2.1, [2, 0, -2, 0.1], [0, 2, 0.1, -2]
  @Differentiable(wrt = {"cx", "cy", "r"})
  static double circleFitResidual(double cx, double cy, double r, double[] xs, double[] ys) {
    double sse = 0;
    for (int i = 0; i < xs.length; i++) {
      double d = Math.hypot(xs[i] - cx, ys[i] - cy) - r;
      sse = Math.fma(d, d, sse);
    }
    return sse;
  }

  // at: 51.5, -0.12, 48.85, 2.35
  @Differentiable
  static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    final double earthRadius = 6371.0;
    double phi1 = Math.toRadians(lat1), phi2 = Math.toRadians(lat2);
    double dPhi = Math.toRadians(lat2 - lat1);
    double dLambda = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dPhi / 2), 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
    return 2 * earthRadius * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  // at: [1, 2, 0.5, -1, 3], [0.25, 0.5, 0.25]
  @Differentiable
  static double[] firFilter(double[] x, double[] taps) {
    double[] y = new double[x.length];
    for (int n = 0; n < x.length; n++) {
      double acc = 0;
      for (int k = 0; k < taps.length && k <= n; k++) {
        acc += taps[k] * x[n - k];
      }
      y[n] = acc;
    }
    return y;
  }

  // at: [1, 0.5, -0.25, 2, 0.75, -1, 0.3, 0.9], 0.2 ; [1, 0.5, -0.25, 2, 0.75, -1, 0.3, 0.9], 0.35
  @Differentiable
  static double goertzelPower(double[] samples, double normalizedFrequency) {
    final double coefficient = 2 * Math.cos(2 * Math.PI * normalizedFrequency);
    double previous = 0, beforePrevious = 0;
    for (double sample : samples) {
      double current = sample + coefficient * previous - beforePrevious;
      beforePrevious = previous;
      previous = current;
    }
    return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  }

  // at: [1, 4, 2, 8, 5, 7], 3
  @Differentiable
  static double[] movingAverage(double[] x, int window) {
    if (window <= 0 || window > x.length) {
      throw new IllegalArgumentException(String.format("window %d not in [1, %d]", window, x.length));
    }
    var out = new double[x.length - window + 1];
    double sum = 0;
    for (int i = 0; i < window; i++) sum += x[i];
    out[0] = sum / window;
    for (int i = window; i < x.length; i++) {
      sum += x[i] - x[i - window];
      out[i - window + 1] = sum / window;
    }
    return out;
  }

  // at: [0.5, -1.5, 2.0, 0.25]
  @Differentiable
  static float rootMeanSquare(float[] samples) {
    float sum = 0;
    for (float s : samples) sum += s * s;
    return (float) Math.sqrt(sum / samples.length);
  }

  // at: [1, 2, 3, 2, 1, 0.5, 0.2, 0.1]
  @Differentiable
  static double hannWindowedEnergy(double[] x) {
    int n = x.length;
    double energy = 0;
    for (int i = 0; i < n; i++) {
      double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
      double v = w * x[i];
      energy += v * v;
    }
    return energy;
  }

  // at: [1, 2, 3, 4, 5], [2.2, 4.1, 6.3, 7.9, 10.2]
  @Differentiable(wrt = "y")
  static double leastSquaresSlope(double[] x, double[] y) {
    final int n = x.length;
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double num = 0, den = 0;
    for (int i = 0; i < n; i++) {
      num += (x[i] - mx) * (y[i] - my);
      den += (x[i] - mx) * (x[i] - mx);
    }
    return num / den;
  }

  // at: [1, -2, 0.5, 3], 0.7
  @Differentiable
  static double hornerFma(double[] coefficients, double x) {
    double result = 0;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      result = Math.fma(result, x, coefficients[i]);
    }
    return result;
  }

  // at: 2.0, -0.5, [0, 1, 2, 3], [2.1, 1.2, 0.75, 0.44]
  @Differentiable(wrt = {"a", "b"})
  static double exponentialFitSse(double a, double b, double[] t, double[] y) {
    double sse = 0;
    for (int i = 0; i < t.length; i++) {
      double r = a * Math.exp(b * t[i]) - y[i];
      sse += r * r;
    }
    return sse;
  }

  /** The right-hand side of a logistic growth model. */
  static final class Logistic {
    private Logistic() {}

    static double rate(double y, double r, double capacity) {
      return r * y * (1 - y / capacity);
    }
  }

  // at: 10, 0.1, 0.8, 100
  @Differentiable
  static double rk4LogisticStep(double y, double h, double r, double capacity) {
    double k1 = Logistic.rate(y, r, capacity);
    double k2 = Logistic.rate(y + h / 2 * k1, r, capacity);
    double k3 = Logistic.rate(y + h / 2 * k2, r, capacity);
    double k4 = Logistic.rate(y + h * k3, r, capacity);
    return y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
  }

  // at: 1.0, 0.7, 0.01, 100
  @Differentiable
  static double eulerDecay(double y0, double k, double dt, int steps) {
    double y = y0;
    for (int i = 0; i < steps; i++) {
      y -= k * y * dt;
    }
    return y;
  }

  // at: 1.0, 0.0, 2.0, 0.01, 50
  @Differentiable
  static double[] velocityVerlet(double x0, double v0, double omega, double dt, int steps) {
    double x = x0, v = v0;
    double a = -omega * omega * x;
    for (int i = 0; i < steps; i++) {
      x += v * dt + 0.5 * a * dt * dt;
      double next = -omega * omega * x;
      v += 0.5 * (a + next) * dt;
      a = next;
    }
    return new double[] {x, v};
  }

  // at: [0, 1, 2, 4], [1, 3, 2, 5], 1.5 ; [0, 1, 2, 4], [1, 3, 2, 5], -1 ; [0, 1, 2, 4], [1, 3, 2, 5], 3.25
  @Differentiable
  static double interpolateClamped(double[] xs, double[] ys, double x) {
    if (x <= xs[0]) return ys[0];
    if (x >= xs[xs.length - 1]) return ys[ys.length - 1];
    int i = Arrays.binarySearch(xs, x);
    if (i >= 0) return ys[i];
    int hi = -i - 1;
    int lo = hi - 1;
    double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
    return (1 - t) * ys[lo] + t * ys[hi];
  }

  // at: 0.0, 1.0, 0.5, -0.5, 0.3
  @Differentiable
  static double cubicHermite(double p0, double p1, double m0, double m1, double t) {
    double t2 = t * t, t3 = t2 * t;
    double h00 = 2 * t3 - 3 * t2 + 1;
    double h10 = t3 - 2 * t2 + t;
    double h01 = -2 * t3 + 3 * t2;
    double h11 = t3 - t2;
    return h00 * p0 + h10 * m0 + h01 * p1 + h11 * m1;
  }

  // at: [[1, 2, 4], [2, 3, 5], [3, 5, 8]], 0.4, 1.3
  @Differentiable
  static double bilinear(double[][] grid, double x, double y) {
    int i = (int) x, j = (int) y;
    i = Math.min(i, grid.length - 2);
    j = Math.min(j, grid[0].length - 2);
    double fx = x - i, fy = y - j;
    double top = grid[i][j] * (1 - fy) + grid[i][j + 1] * fy;
    double bottom = grid[i + 1][j] * (1 - fy) + grid[i + 1][j + 1] * fy;
    return top * (1 - fx) + bottom * fx;
  }

  // at: 2.0 ; 10.0 ; 0.5
  @Differentiable
  static double newtonSqrt(double a) {
    if (a < 0) throw new ArithmeticException("sqrt of negative " + a);
    if (a == 0) return 0;
    double x = a > 1 ? a / 2 : 1;
    double previous;
    do {
      previous = x;
      x = 0.5 * (x + a / x);
    } while (Math.abs(x - previous) > 1e-15 * x);
    return x;
  }

  // at: 2.0 ; 10.0
  @Differentiable
  static double secantCubicRoot(double target) {
    DoubleUnaryOperator f = x -> x * x * x + x - target;
    double x0 = 0, x1 = 1 + target / 4;
    for (int iteration = 0; iteration < 60; iteration++) {
      double f0 = f.applyAsDouble(x0), f1 = f.applyAsDouble(x1);
      if (f1 == f0) break;
      double x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
      x0 = x1;
      x1 = x2;
      if (Math.abs(x1 - x0) < 1e-14) break;
    }
    return x1;
  }

  // at: 1.3, 2.0, 32
  @Differentiable
  static double simpsonSinIntegral(double a, double b, int n) {
    if (n % 2 != 0) {
      throw new IllegalArgumentException("Simpson needs an even number of intervals, got " + n);
    }
    double h = b / n;
    double sum = Math.sin(0) + Math.sin(a * b);
    for (int i = 1; i < n; i++) {
      double weight = i % 2 == 0 ? 2 : 4;
      sum += weight * Math.sin(a * i * h);
    }
    return sum * h / 3;
  }

  // at: [0.5, 1.5, 2.0, 1.0, 0.25], 0.1
  @Differentiable
  static double trapezoidOverList(List<Double> ys, double dx) {
    double area = 0;
    for (int i = 1; i < ys.size(); i++) {
      area += 0.5 * (ys.get(i - 1) + ys.get(i)) * dx;
    }
    return area;
  }

  // at: [0, 4, 4, 0], [0, 0, 3, 3.5]
  @Differentiable
  static double centroidX(double[] xs, double[] ys) {
    double weighted = 0, total = 0;
    for (int i = 0; i < xs.length; i++) {
      weighted += xs[i] * ys[i];
      total += ys[i];
    }
    return weighted / total;
  }

  // at: 0.7
  @Differentiable
  static double composedOperators(double x) {
    DoubleUnaryOperator square = v -> v * v;
    DoubleUnaryOperator shifted = square.andThen(v -> v + 1).compose(v -> 2 * v);
    return shifted.applyAsDouble(x) * Math.log(shifted.applyAsDouble(x));
  }

  // at: [[1, 2, 3], [4, -5, 6], [7, 8, 9]], 0.5
  @Differentiable
  static double sumUntilNegative(double[][] rows, double scale) {
    double total = 0;
    outer:
    for (double[] row : rows) {
      for (double v : row) {
        if (v < 0) {
          break outer;
        }
        total += scale * v * v;
      }
    }
    return total;
  }

  enum Kernel { GAUSSIAN, EPANECHNIKOV, TRIANGULAR }

  // at: 0.3, GAUSSIAN ; 0.3, EPANECHNIKOV ; -0.4, TRIANGULAR
  @Differentiable
  static double kernelWeight(double u, Kernel kernel) {
    return switch (kernel) {
      case GAUSSIAN -> Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
      case EPANECHNIKOV -> {
        if (Math.abs(u) > 1) yield 0;
        yield 0.75 * (1 - u * u);
      }
      case TRIANGULAR -> Math.max(0, 1 - Math.abs(u));
    };
  }

  // at: [0.5, 1.5], [[1, 0.5], [0.5, 2]]
  @Differentiable
  static double[] matrixVector(double[] v, double[][] m) {
    var result = new double[m.length];
    for (var i = 0; i < m.length; i++) {
      for (var j = 0; j < v.length; j++) {
        result[i] += m[i][j] * v[j];
      }
    }
    return result;
  }

  // at: 3.0, 4.0, 12.0
  @Differentiable
  static double[] normalize3(double x, double y, double z) {
    double norm = Math.hypot(Math.hypot(x, y), z);
    if (norm == 0) {
      throw new IllegalArgumentException("cannot normalize the zero vector");
    }
    return new double[] {x / norm, y / norm, z / norm};
  }

  // at: 1.5, 0.25, 0.1, 40
  @Differentiable
  static double gradientDescentIterate(double target, double ridge, double learningRate, int steps) {
    // minimises (x - target)^2 + ridge * x^2; the iterate is smooth in every argument
    double x = 0;
    for (int step = 0; step < steps; step++) {
      double gradient = 2 * (x - target) + 2 * ridge * x;
      x -= learningRate * gradient;
    }
    return x;
  }
}
