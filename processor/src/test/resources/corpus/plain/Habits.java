package plain;

import io.github.backprop.Differentiable;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** Habits of everyday Java: boxed locals, null as "none yet", local classes, patterns, helpers. */
final class Habits {
  private Habits() {}

  /** A small helper class of the kind people nest in a utility class. */
  static final class Accumulator {
    private double sum;
    private int count;

    void add(double x) {
      sum += x;
      count++;
    }

    double mean() {
      return count == 0 ? 0 : sum / count;
    }
  }

  interface Kernel {
    double apply(double distance);
  }

  // at: 1.5, -0.5, 2.0
  @Differentiable
  static double smallestOfThree(double a, double b, double c) {
    Double best = null;
    for (double v : new double[] {a, b, c}) {
      if (best == null || v < best) {
        best = v;
      }
    }
    return best * best;
  }

  // at: 1.5, -0.5, 2.0
  @Differentiable
  static double sumOverInlineArray(double a, double b, double c) {
    double s = 0;
    for (double v : new double[] {a, b, c}) {
      s += v * v;
    }
    return s;
  }

  // at: 0.8, 1.3
  @Differentiable
  static double boxedLocals(double x, double y) {
    Double ratio = x / y;
    Double scaled = ratio * 2;
    double result = scaled + Double.valueOf(x);
    return Double.sum(result, Double.max(x, y));
  }

  // at: [1.5, -2.0, 0.5, 3.0]
  @Differentiable
  static double localClassPair(double[] x) {
    class MinMax {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
    }
    MinMax mm = new MinMax();
    for (double v : x) {
      if (v < mm.min) {
        mm.min = v;
      }
      if (v > mm.max) {
        mm.max = v;
      }
    }
    return mm.max - mm.min;
  }

  // at: 2.5, 1.5
  @Differentiable
  static double localClassWithConstructor(double a, double b) {
    class Rect {
      final double w;
      final double h;

      Rect(double w, double h) {
        this.w = w;
        this.h = h;
      }

      double area() {
        return w * h;
      }
    }
    Rect r = new Rect(a, b);
    return r.area() + 2 * (r.w + r.h);
  }

  // at: 1.5, 2.0
  @Differentiable
  static double instanceofPattern(double x, double y) {
    Object o = x > y ? (Object) Double.valueOf(x) : (Object) Integer.valueOf(3);
    if (o instanceof Double d) {
      return d * y;
    } else if (o instanceof Integer i) {
      return i * y * x;
    }
    return 0;
  }

  // at: [1, 2, 3], 0.5
  @Differentiable
  static double nestedHelperClass(double[] x, double shift) {
    Accumulator acc = new Accumulator();
    for (double v : x) {
      acc.add((v - shift) * (v - shift));
    }
    return acc.mean();
  }

  // at: 0.7, 1.3
  @Differentiable
  static double kernelByLambda(double d, double bandwidth) {
    Kernel gaussian = r -> Math.exp(-r * r / (2 * bandwidth * bandwidth));
    Kernel epanechnikov = r -> Math.abs(r) < bandwidth ? 0.75 * (1 - r * r / (bandwidth * bandwidth)) : 0;
    return gaussian.apply(d) + epanechnikov.apply(d);
  }

  static <T extends Number> double sumAll(List<T> values) {
    double s = 0;
    for (T v : values) {
      s += v.doubleValue();
    }
    return s;
  }

  // at: 1.5, 2.5
  @Differentiable
  static double genericHelper(double a, double b) {
    return sumAll(List.of(a, b, a * b));
  }

  // at: 3.0, 4.0
  @Differentiable
  static double operatorVariable(double a, double b) {
    DoubleBinaryOperator norm = (p, q) -> Math.sqrt(p * p + q * q);
    DoubleBinaryOperator mix = Math::max;
    return norm.applyAsDouble(a, b) + mix.applyAsDouble(a, b);
  }

  // at: 4.0 ; -1.0
  @Differentiable
  static double catchesAndFallsBack(double x) {
    double r;
    try {
      if (x < 0) {
        throw new IllegalArgumentException("negative: " + x);
      }
      r = Math.sqrt(x);
    } catch (IllegalArgumentException e) {
      r = 0;
    }
    return r + x;
  }

  // at: 2.0, 3
  @Differentiable
  static double tryFinallyCounter(double x, int n) {
    double y = x;
    int calls = 0;
    try {
      for (int i = 0; i < n; i++) {
        y = y * y / (1 + y);
        calls++;
      }
    } finally {
      calls = 0;
    }
    return y + calls;
  }

  // at: [3.0, 1.0, 2.0]
  @Differentiable
  static double nullableBestIndex(double[] scores) {
    Integer bestIndex = null;
    for (int i = 0; i < scores.length; i++) {
      if (bestIndex == null || scores[i] > scores[bestIndex]) {
        bestIndex = i;
      }
    }
    return scores[bestIndex] * 2;
  }

  // at: 1.5, 2.5, 0.5
  @Differentiable
  static double objectArrayOfNumbers(double a, double b, double c) {
    Object[] parts = {a, "label", b, 3, c};
    double sum = 0;
    for (Object p : parts) {
      if (p instanceof Double d) {
        sum += d * d;
      }
    }
    return sum;
  }
}
