package plain;

import io.github.backprop.Differentiable;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/** Everyday modern Java: varargs, streams, lambdas, enums with fields, Arrays utilities, ++ on doubles. */
final class Modern {
  private Modern() {}

  enum Unit {
    METRE(1.0),
    KILOMETRE(1000.0);

    final double factor;

    Unit(double factor) {
      this.factor = factor;
    }
  }

  // at: [1.5, -2, 0.5] ; [3]
  @Differentiable
  static double sumOfSquares(double... xs) {
    double s = 0;
    for (double x : xs) s += x * x;
    return s;
  }

  // at: [1.5, -2, 0.5]
  @Differentiable
  static double streamOfSquares(double[] x) {
    return Arrays.stream(x).map(v -> v * v).sum();
  }

  // at: [1.5, -2, 0.5], [0.25, 1, -3]
  @Differentiable
  static double dotByIndex(double[] x, double[] w) {
    return IntStream.range(0, x.length).mapToDouble(i -> x[i] * w[i]).sum();
  }

  // at: [1.5, -2, 0.5, 4]
  @Differentiable
  static double meanByStream(double[] x) {
    return Arrays.stream(x).sum() / x.length;
  }

  static double midpointRule(DoubleUnaryOperator f, double a, double b, int n) {
    double h = (b - a) / n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += f.applyAsDouble(a + (i + 0.5) * h) * h;
    }
    return s;
  }

  // at: 0.7 ; 2.5
  @Differentiable
  static double decayIntegral(double k) {
    return midpointRule(t -> Math.exp(-k * t), 0, 1, 50);
  }

  // at: 1.5, -2.0, 0.5
  @Differentiable
  static double fusedAndDegrees(double a, double b, double c) {
    return Math.fma(a, b, c) + Math.toRadians(a) + Math.toDegrees(b);
  }

  // at: 2.5, KILOMETRE ; 0.5, METRE
  @Differentiable
  static double toMetres(double d, Unit unit) {
    return d * unit.factor;
  }

  // at: [1.5, -2, 0.5]
  @Differentiable
  static double paddedCopy(double[] x) {
    double[] y = Arrays.copyOf(x, x.length + 1);
    y[x.length] = 1;
    double s = 0;
    for (double v : y) s += v * v;
    return s;
  }

  // at: 1.25
  @Differentiable
  static double filled(double x) {
    double[] a = new double[4];
    Arrays.fill(a, x);
    a[2] *= 3;
    return a[0] + a[2];
  }

  // at: 1.25 ; -3.0
  @Differentiable
  static double incremented(double x) {
    double y = x;
    y++;
    ++y;
    y--;
    return y * y;
  }

  // at: 1.5, "square" ; 1.5, "cube" ; 1.5, "other"
  @Differentiable
  static double byName(double x, String kind) {
    switch (kind) {
      case "square":
        return x * x;
      case "cube":
        return x * x * x;
      default:
        return x;
    }
  }

  // at: 2.0 ; 9.0
  @Differentiable
  static double heronUntilDone(double x) {
    double y = x;
    int n = 0;
    while (true) {
      y = 0.5 * (y + x / y);
      if (++n > 20) break;
    }
    return y;
  }

  // at: [1.5, -2, 0.5, 4]
  @Differentiable
  static double middlePair(double[] x) {
    double[] y = Arrays.copyOfRange(x, 1, 3);
    return y[0] * y[1];
  }

  // at: 1.5
  @Differentiable
  static double oneElementAccumulator(double x) {
    final double[] acc = {0};
    for (int i = 1; i <= 3; i++) acc[0] += x / i;
    return acc[0];
  }

  // at: [[1, 2], [3, 4, 5]]
  @Differentiable
  static double squaresOfRows(double[][] m) {
    double s = 0;
    for (double[] row : m) for (double v : row) s += v * v;
    return s;
  }

  // at: 1.5, 'e'
  @Differentiable
  static double byLetter(double x, char c) {
    return x * (c - 'a');
  }

  // at: 1.5
  @Differentiable
  static double longCounter(double x) {
    double s = 0;
    for (long i = 0; i < 5L; i++) s += x * i;
    return s;
  }

  // at: 1.5, 2.5 ; -0.5, 0.25
  @Differentiable
  static double libraryMix(double x, double y) {
    return Math.hypot(x, y) + Math.cbrt(x) + Math.log10(y) + Math.atan2(y, x);
  }
}
