package plain;

import io.github.backprop.Differentiable;
import java.util.List;
import java.util.Objects;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Text-book numerics, statistics and small machine-learning pieces, as a fresh Java programmer
 * writes them: var, switch expressions with yield, do/while, early returns, argument checks with
 * String.format, Objects.requireNonNull, Math.fma and StrictMath, boxes and List<Double>.
 */
final class Textbook {
  private Textbook() {}

  /** A small helper class, as people keep the numerics of one topic together. */
  static final class Poly {
    private Poly() {}

    static double horner(double[] c, double x) {
      var acc = 0.0;
      for (int i = c.length - 1; i >= 0; i--) {
        acc = Math.fma(acc, x, c[i]);
      }
      return acc;
    }

    static double hornerDerivative(double[] c, double x) {
      double acc = 0;
      for (int i = c.length - 1; i >= 1; i--) {
        acc = acc * x + i * c[i];
      }
      return acc;
    }
  }

  interface Kernel {
    double at(double u);

    default double scaled(double u, double h) {
      return at(u / h) / h;
    }
  }

  static final class Gaussian implements Kernel {
    @Override
    public double at(double u) {
      return Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
    }
  }

  static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : v > hi ? hi : v;
  }

  // at: [1, -2, 0.5, 0.25], 1.3 ; [2, 0, 1], -0.7
  @Differentiable
  static double hornerPolynomial(double[] coefficients, double x) {
    Objects.requireNonNull(coefficients, "coefficients");
    return Poly.horner(coefficients, x);
  }

  // at: 2.0 ; 10.0 ; 0.3
  @Differentiable
  static double newtonSqrt(double a) {
    if (a < 0) {
      throw new IllegalArgumentException(String.format("cannot take the root of %.3f", a));
    }
    double x = a > 1 ? a : 1;
    int iterations = 0;
    do {
      x = 0.5 * (x + a / x);
      iterations++;
    } while (iterations < 30 && Math.abs(x * x - a) > 1e-15 * a);
    return x;
  }

  // at: [1, -3, 0.5], 2.2 ; [0.5, 1], -1.5
  @Differentiable
  static double newtonRootOfCubicShift(double[] c, double shift) {
    double x = shift;
    for (int k = 0; k < 40; k++) {
      double f = Poly.horner(c, x) - shift;
      double df = Poly.hornerDerivative(c, x);
      if (Math.abs(df) < 1e-300) break;
      double step = f / df;
      x -= step;
      if (Math.abs(step) < 1e-14 * (1 + Math.abs(x))) break;
    }
    return x;
  }

  // at: 0.8, 1.7 ; 0.1, 3.0
  @Differentiable
  static double simpsonOfDecay(double k, double upper) {
    final int n = 64;
    double h = upper / n;
    double sum = f(0, k) + f(upper, k);
    for (int i = 1; i < n; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * f(i * h, k);
    }
    return sum * h / 3;
  }

  private static double f(double t, double k) {
    return Math.exp(-k * t) * Math.cos(t);
  }

  // at: 0.5, 1.2 ; 1.5, 0.4
  @Differentiable
  static double rk4Logistic(double rate, double y0) {
    double y = y0;
    double dt = 0.05;
    for (int step = 0; step < 40; step++) {
      double k1 = rate * y * (1 - y / 3);
      double k2 = rate * (y + 0.5 * dt * k1) * (1 - (y + 0.5 * dt * k1) / 3);
      double k3 = rate * (y + 0.5 * dt * k2) * (1 - (y + 0.5 * dt * k2) / 3);
      double k4 = rate * (y + dt * k3) * (1 - (y + dt * k3) / 3);
      y += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    }
    return y;
  }

  // at: [0.1, 0.2, 0.3, 1e3, -1e3, 0.7]
  @Differentiable
  static double kahanSum(double[] xs) {
    double sum = 0.0;
    double c = 0.0;
    for (double x : xs) {
      double y = x - c;
      double t = sum + y;
      c = (t - sum) - y;
      sum = t;
    }
    return sum;
  }

  // at: [2, 4, 4, 4, 5, 5, 7, 9] ; [1.5, -0.5, 3.25]
  @Differentiable
  static double welfordVariance(double[] xs) {
    if (xs.length < 2) {
      throw new IllegalArgumentException(String.format("need two values, got %d", xs.length));
    }
    double mean = 0;
    double m2 = 0;
    long n = 0;
    for (double x : xs) {
      n++;
      double delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
    }
    return m2 / (n - 1);
  }

  // at: [0.5, 1.5, -0.25], 0.8
  @Differentiable
  static double kernelDensity(double[] sample, double h) {
    Kernel k = new Gaussian();
    double s = 0;
    for (double xi : sample) {
      s += k.scaled(0.3 - xi, h);
    }
    return s / sample.length;
  }

  // at: [1.0, 2.0, 0.5]
  @Differentiable
  static double logSumExp(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) max = Math.max(max, v);
    double s = 0;
    for (double v : z) s += Math.exp(v - max);
    return max + Math.log(s);
  }

  // at: [1.0, 2.0, 0.5], 1
  @Differentiable
  static double softmaxAt(double[] z, int k) {
    double m = DoubleStream.of(z).max().orElse(0);
    double total = DoubleStream.of(z).map(v -> Math.exp(v - m)).sum();
    return Math.exp(z[k] - m) / total;
  }

  // at: [0.3, -1.2, 2.0], 0.5, 1.5
  @Differentiable
  static double gaussianLogLikelihood(double[] data, double mu, double sigma) {
    if (sigma <= 0) throw new IllegalArgumentException("sigma must be positive: " + sigma);
    var n = data.length;
    double ss = 0;
    for (var x : data) ss += (x - mu) * (x - mu);
    return -n * Math.log(sigma) - 0.5 * n * Math.log(2 * Math.PI) - ss / (2 * sigma * sigma);
  }

  // at: [0, 1, 1, 0], [0.5, -1.0, 2.0, 0.1]
  @Differentiable
  static double bernoulliLogLikelihood(int[] y, double[] logits) {
    double ll = 0;
    for (int i = 0; i < y.length; i++) {
      double p = 1 / (1 + Math.exp(-logits[i]));
      ll += y[i] == 1 ? Math.log(p) : Math.log1p(-p);
    }
    return ll;
  }

  /** log Γ(z) for z > 0 by the recurrence up to 7 and Stirling's series, as numerics courses teach it. */
  static double logGamma(double z) {
    double shift = 0;
    while (z < 7) {
      shift -= Math.log(z);
      z += 1;
    }
    double inv = 1 / z, inv2 = inv * inv;
    return shift + (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI)
        + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
  }

  // at: [0.5, 1.7, 2.2, 0.9], 2.3, 1.5 ; [1.25, 0.4], 3.7, 0.8
  @Differentiable
  static double gammaLogLikelihood(double[] data, double shape, double rate) {
    double ll = 0;
    for (double x : data) {
      ll += shape * Math.log(rate) - logGamma(shape) + (shape - 1) * Math.log(x) - rate * x;
    }
    return ll;
  }

  // at: [1.5, -0.5, 2.5, 0.25]
  @Differentiable
  static double skewness(double[] x) {
    double mean = IntStream.range(0, x.length).mapToDouble(i -> x[i]).sum() / x.length;
    double m2 = 0, m3 = 0;
    for (double v : x) {
      double d = v - mean;
      m2 += d * d;
      m3 += d * d * d;
    }
    m2 /= x.length;
    m3 /= x.length;
    return m3 / Math.pow(m2, 1.5);
  }

  // at: [1.0, -2.0, 3.0, 0.5], [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]
  @Differentiable
  static double layerNormFirst(double[] x, double[] gamma, double[] beta) {
    double mean = 0;
    for (double v : x) mean += v;
    mean /= x.length;
    double var = 0;
    for (double v : x) var += (v - mean) * (v - mean);
    var /= x.length;
    double inv = 1 / Math.sqrt(var + 1e-5);
    double out = 0;
    for (int i = 0; i < x.length; i++) {
      double y = gamma[i] * (x[i] - mean) * inv + beta[i];
      out += y * (i + 1);
    }
    return out;
  }

  // at: [0.5, -0.3], [[1.0, 0.2], [-0.4, 0.9], [0.3, 0.3]], [1.0, 2.0, -1.0]
  @Differentiable
  static double attention(double[] q, double[][] keys, double[] values) {
    double scale = 1 / Math.sqrt(q.length);
    double[] scores = new double[keys.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < keys.length; i++) {
      double dot = 0;
      for (int j = 0; j < q.length; j++) dot += q[j] * keys[i][j];
      scores[i] = dot * scale;
      max = Math.max(max, scores[i]);
    }
    double z = 0, out = 0;
    for (int i = 0; i < scores.length; i++) {
      double w = Math.exp(scores[i] - max);
      z += w;
      out += w * values[i];
    }
    return out / z;
  }

  // at: 0.3, 1.0 ; 2.5, 1.0 ; -1.7, 0.5
  @Differentiable
  static double huber(double residual, double delta) {
    double a = Math.abs(residual);
    if (a <= delta) {
      return 0.5 * residual * residual;
    }
    return delta * (a - 0.5 * delta);
  }

  // at: [0.5, -1.0, 2.0], [1, -1, 1], 0.1
  @Differentiable
  static double hingeLoss(double[] scores, int[] labels, double margin) {
    double loss = 0;
    for (int i = 0; i < scores.length; i++) {
      loss += Math.max(0, margin + 1 - labels[i] * scores[i]);
    }
    return loss / scores.length;
  }

  // at: [1.5, 0.2, -0.3], 2
  @Differentiable
  static double crossEntropyWithLabel(double[] logits, int label) {
    var lse = logSumExp(logits);
    return lse - logits[label];
  }

  // at: [0.2, 0.7, 1.4], 0.5
  @Differentiable
  static double listMean(List<Double> xs, double shift) {
    double s = 0;
    for (Double x : xs) {
      s += x + shift * shift;
    }
    return s / xs.size();
  }

  // at: 1.5, 0.75 ; -0.5, 2.0
  @Differentiable
  static double boxedArithmetic(double a, double b) {
    Double product = a * b;
    Double sum = a + b;
    Integer three = 3;
    return product / sum + three * StrictMath.sin(a);
  }

  // at: 0.4, 3 ; 1.3, 7
  @Differentiable
  static double mixedIntLongFloat(double x, int n) {
    long big = 1L << n;
    float half = 0.5f;
    int k = n / 2;
    return x * big / (k + 1) + half * x * x + (double) (n % 3) * x;
  }

  // at: 0.25, "relu" ; -0.6, "tanh" ; 0.9, "sigmoid" ; 1.2, "softplus"
  @Differentiable
  static double activation(double x, String name) {
    return switch (name) {
      case "relu" -> x > 0 ? x : 0.01 * x;
      case "tanh" -> Math.tanh(x);
      case "sigmoid" -> {
        double e = Math.exp(-x);
        yield 1 / (1 + e);
      }
      default -> {
        if (x > 20) yield x;
        yield Math.log1p(Math.exp(x));
      }
    };
  }

  // at: 3.0, 4.0, 1.0
  @Differentiable
  static double hypotAndClamp(double x, double y, double cap) {
    double r = Math.hypot(x, y);
    return clamp(r / 10, 0, cap) * Math.fma(x, y, 1.0);
  }

  // at: [[1.0, 2.0, 0.5], [0.0, -1.0, 3.0], [2.5, 1.5, 1.0]], 0.4, 1.3
  @Differentiable
  static double bilinear(double[][] grid, double x, double y) {
    int i = Math.min((int) Math.floor(x), grid.length - 2);
    int j = Math.min((int) Math.floor(y), grid[0].length - 2);
    double fx = x - i, fy = y - j;
    double top = grid[i][j] * (1 - fy) + grid[i][j + 1] * fy;
    double bottom = grid[i + 1][j] * (1 - fy) + grid[i + 1][j + 1] * fy;
    return top * (1 - fx) + bottom * fx;
  }

  // at: [1.0, 0.5, -0.25, 0.125], 0.3 ; [2.0, -1.0, 0.5], -0.8
  @Differentiable
  static double chebyshevClenshaw(double[] c, double x) {
    double b1 = 0, b2 = 0;
    for (int k = c.length - 1; k >= 1; k--) {
      double b0 = 2 * x * b1 - b2 + c[k];
      b2 = b1;
      b1 = b0;
    }
    return x * b1 - b2 + c[0];
  }
}
