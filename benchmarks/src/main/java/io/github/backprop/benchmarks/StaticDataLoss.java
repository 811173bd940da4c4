package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;

/**
 * The logistic log-loss of {@link LogisticRegression} with its data kept where many users keep
 * them, in {@code static final} arrays of the class, and read by the method directly: only the
 * weights are a parameter. Not in run.sh's table; run by name.
 */
public final class StaticDataLoss {
  private StaticDataLoss() {}

  static final LogisticRegression.Problem PROBLEM = LogisticRegression.problem();
  static final double[][] X = PROBLEM.x();
  static final double[] Y = PROBLEM.y();

  @Differentiable
  public static double logLoss(double[] w) {
    double total = 0;
    for (int i = 0; i < X.length; i++) {
      double z = 0;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * X[i][j];
      }
      total += Math.log1p(Math.exp(z)) - Y[i] * z;
    }
    return total / X.length;
  }
}
