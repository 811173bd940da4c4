package plain;

import io.github.backprop.Differentiable;
import java.util.ArrayList;
import java.util.List;

/**
 * Legal Java that is a little unusual but that users write: methods returning Double, a label on a
 * block, a static field read through an instance, records that check their arguments, for (;;),
 * Math.signum and floorMod, float arrays, lists built in the method.
 */
final class Oddities {
  private Oddities() {}

  static double gain = 1.5;

  record Interval(double lo, double hi) {
    static final double SCALE = 0.5;

    Interval {
      if (lo > hi) {
        throw new IllegalArgumentException(String.format("empty interval [%s, %s]", lo, hi));
      }
    }

    double width() {
      return hi - lo;
    }
  }

  static final class Units {
    private Units() {}

    static final double DEG = Math.PI / 180;

    static double toRadians(double degrees) {
      return degrees * DEG;
    }
  }

  static Double halfOf(double x) {
    return x / 2;
  }

  // at: 1.5, 2.0 ; -0.5, 3.0
  @Differentiable
  static Double boxedResult(double x, double y) {
    Double h = halfOf(x * y);
    return h + Math.cos(x);
  }

  // at: 0.7, [0.5, 2.0, 3.0] ; 0.7, [0.5, 0.25]
  @Differentiable
  static double firstAboveOne(double x, double[] a) {
    double r;
    search: {
      for (double v : a) {
        if (v > 1) {
          r = v * x * x;
          break search;
        }
      }
      r = Math.sin(x);
    }
    return r;
  }

  // at: 0.25, 4.0
  @SuppressWarnings("static")
  @Differentiable
  static double staticThroughInstance(double x, double y) {
    Interval i = new Interval(x, y);
    return i.width() * i.SCALE * y + Units.DEG;
  }

  // at: 0.5, 2.5 ; 1.0, 1.25
  @Differentiable
  static double intervalWidth(double lo, double hi) {
    var i = new Interval(lo, hi);
    return i.width() * i.width() + Units.toRadians(hi);
  }

  // at: 2.0 ; 0.5
  @Differentiable
  static double forEverWithBreak(double a) {
    double x = 1;
    int n = 0;
    for (;;) {
      double next = x - (x * x * x - a) / (3 * x * x);
      n++;
      if (Math.abs(next - x) < 1e-13 || n > 60) {
        x = next;
        break;
      }
      x = next;
    }
    return x;
  }

  // at: -1.5, 7 ; 2.25, -3
  @Differentiable
  static double signAndFloorMod(double x, int k) {
    int m = Math.floorMod(k, 4);
    return Math.signum(x) * x * x + m * x;
  }

  // at: [0.5, 1.5, -2.0]
  @Differentiable
  static float floatArrayNorm(float[] v) {
    float s = 0f;
    for (float f : v) s += f * f;
    return (float) Math.sqrt(s);
  }

  // at: 0.3, 1.7, -0.4
  @Differentiable
  static double listBuiltInPlace(double a, double b, double c) {
    List<Double> xs = new ArrayList<>();
    xs.add(a);
    xs.add(b * b);
    xs.add(Math.exp(c));
    double s = 0;
    for (int i = 0; i < xs.size(); i++) {
      s += xs.get(i) * (i + 1);
    }
    return s;
  }

  // at: 0.3, 1.7, -0.4
  @Differentiable
  static double listOfReduce(double a, double b, double c) {
    return List.of(a, b, c).stream().mapToDouble(Double::doubleValue).map(v -> v * v).reduce(0, Double::sum);
  }

  // at: 0.8
  @Differentiable
  static double gainTimes(double x) {
    return gain * x * x;
  }

  // at: 2.0, 3 ; 0.5, 0
  @Differentiable
  static double tryParseFallback(double x, int digits) {
    double scale;
    try {
      scale = Double.parseDouble("1e" + digits);
    } catch (NumberFormatException e) {
      scale = 1;
    }
    return x * x / scale;
  }

  // at: 1.2, 0.3 ; -0.7, 2.0
  @Differentiable
  static double compareAndPick(double a, double b) {
    int c = Double.compare(a, b);
    double hi = c >= 0 ? a : b;
    double lo = c >= 0 ? b : a;
    return hi * hi - lo;
  }

  // at: 3, 0.5
  @Differentiable
  static double charSwitch(int code, double x) {
    char op = "+-*/".charAt(code);
    switch (op) {
      case '+':
        return x + 1;
      case '-':
        return x - 1;
      case '*':
        return x * x;
      default:
        return 1 / x;
    }
  }

  // at: [3.0, 1.0, 2.0]
  @Differentiable
  static double sortedMedian(double[] xs) {
    double[] copy = xs.clone();
    java.util.Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  // at: 0.6, 5
  @Differentiable
  static double whileWithEarlyReturn(double x, int limit) {
    double term = 1, sum = 0;
    int k = 0;
    while (true) {
      sum += term;
      if (k == limit) return sum;
      k++;
      term *= x / k;
    }
  }
}
