package io.github.backprop.benchmarks;

import java.util.SplittableRandom;

/**
 * Fixed, seeded inputs. Only {@link SplittableRandom#nextDouble()} is used, whose algorithm is
 * specified, so every JDK sees the same numbers.
 */
public final class Data {
  /** The seed of every benchmark input. */
  public static final long SEED = 20240605L;

  private Data() {}

  /** A generator for one input, seeded from {@link #SEED} and a per-input salt. */
  public static SplittableRandom random(long salt) {
    return new SplittableRandom(SEED * 31 + salt);
  }

  /** Uniform in [lo, hi). */
  public static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** n values uniform in [lo, hi). */
  public static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = uniform(r, lo, hi);
    }
    return v;
  }

  /** rows × cols values uniform in [lo, hi). */
  public static double[][] uniform(SplittableRandom r, int rows, int cols, double lo, double hi) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = uniform(r, cols, lo, hi);
    }
    return m;
  }
}
