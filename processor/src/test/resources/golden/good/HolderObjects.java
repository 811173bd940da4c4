package golden;

import io.github.backprop.Differentiable;

/** A holder object made in the method, a class declared in the body, and a box printed while null. */
class HolderObjects {
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

  @Differentiable
  static double meanSquare(double[] xs) {
    Accumulator acc = new Accumulator();
    for (double x : xs) {
      acc.add(x * x);
    }
    return acc.mean();
  }

  @Differentiable
  static double range(double[] xs) {
    class MinMax {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
    }
    MinMax mm = new MinMax();
    for (double x : xs) {
      if (x < mm.min) {
        mm.min = x;
      }
      if (x > mm.max) {
        mm.max = x;
      }
    }
    return mm.max - mm.min;
  }

  @Differentiable
  static double largest(double[] xs, double limit) {
    Double best = null;
    for (double x : xs) {
      if (x > limit) {
        best = x;
      }
    }
    if (xs.length > 8) {
      throw new IllegalArgumentException("too many values; largest above " + limit + ": " + best);
    }
    return best == null ? limit : best * limit;
  }
}
