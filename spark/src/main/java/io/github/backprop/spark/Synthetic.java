package io.github.backprop.spark;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * A seeded synthetic data set for logistic regression: {@code rows} rows of {@code features}
 * standard normal features, cut into {@code partitions} blocks, each with labels drawn from the
 * model with the weights {@link #truth()}. Every block is made from the seed and its index
 * alone, so it is the same on any machine, in any order, and when Spark recomputes it.
 */
public record Synthetic(long seed, long rows, int partitions, int features) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Synthetic {
    if (rows < partitions || partitions < 1 || features < 1) {
      throw new IllegalArgumentException(
          "need rows >= partitions >= 1 and features >= 1, got " + rows + ", " + partitions + ", " + features);
    }
  }

  /** The weights (features, then bias) the labels are drawn from: each in [-1, 1). */
  public double[] truth() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] w = new double[features + 1];
    for (int i = 0; i < w.length; i++) {
      w[i] = 2 * random.nextDouble() - 1;
    }
    return w;
  }

  /** The first row of block {@code p}: blocks differ in size by at most one row. */
  public long start(int p) {
    return rows * p / partitions;
  }

  /** Block {@code p}, generated from {@code seed} and {@code p}. */
  public Block block(int p) {
    int n = Math.toIntExact(start(p + 1) - start(p));
    double[] w = truth();
    // A different stream per block, none of them the truth's.
    SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (p + 1)));
    double[] x = new double[n * features];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      int at = r * features;
      for (int j = 0; j < features; j++) {
        x[at + j] = gaussian(random);
      }
      y[r] = random.nextDouble() < probability(w, x, at) ? 1 : 0;
    }
    return new Block(p, features, x, y);
  }

  /**
   * A standard normal draw by Box-Muller in StrictMath: the same bits on every JDK and processor,
   * which neither {@code nextGaussian} (its algorithm changed between JDKs) nor {@code Math}'s
   * intrinsics promise.
   */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble(); // in (0, 1]: a finite logarithm
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * random.nextDouble());
  }

  /** {@link Logistic#probability} in StrictMath, for the same labels everywhere. */
  private static double probability(double[] w, double[] x, int at) {
    int d = w.length - 1;
    double z = w[d];
    for (int j = 0; j < d; j++) {
      z += w[j] * x[at + j];
    }
    return 1 / (1 + StrictMath.exp(-z));
  }
}
