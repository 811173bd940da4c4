package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;

/**
 * Losses with their data kept where many users keep them, in {@code static final} arrays of the
 * class, read by the method directly: only the weights are parameters. The logistic log-loss of
 * {@link LogisticRegression}, the 2-16-1 network of {@link Mlp} and the 784-128-10 network of
 * {@link Mlp784} on one fixed batch, each with an adjoint written by hand over the same fields.
 * Not in run.sh's table; {@link StaticDataBenchmark} times them.
 */
public final class StaticDataLoss {
  private StaticDataLoss() {}

  static final LogisticRegression.Problem PROBLEM = LogisticRegression.problem();
  static final double[][] X = PROBLEM.x();
  static final double[] Y = PROBLEM.y();

  static final Mlp.Problem MLP = Mlp.problem();
  static final double[][] MLP_X = MLP.x();
  static final double[] MLP_Y = MLP.y();

  static final Mlp784.Problem MLP784 = Mlp784.problem();
  static final double[][] IMAGES = MLP784.x();
  static final int[] LABELS = MLP784.labels();

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

  /** {@link LogisticRegression#handWritten} over the static fields. */
  public static ValueAndGradient handLogLoss(double[] w) {
    int m = X.length;
    double[] g = new double[w.length];
    double total = 0;
    double scale = 1.0 / m;
    for (int i = 0; i < m; i++) {
      double[] xi = X[i];
      double z = 0;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * xi[j];
      }
      double e = Math.exp(z);
      total += Math.log1p(e) - Y[i] * z;
      double dz = (e / (1 + e) - Y[i]) * scale;
      for (int j = 0; j < w.length; j++) {
        g[j] += dz * xi[j];
      }
    }
    return new ValueAndGradient(total / m, g);
  }

  /** {@link Mlp#mlpLoss} over the static fields. */
  @Differentiable
  public static double mlpLoss(double[] w) {
    double total = 0;
    for (int i = 0; i < MLP_X.length; i++) {
      double out = w[64];
      for (int j = 0; j < 16; j++) {
        double pre = w[2 * j] * MLP_X[i][0] + w[2 * j + 1] * MLP_X[i][1] + w[32 + j];
        out += w[48 + j] * Math.tanh(pre);
      }
      double r = out - MLP_Y[i];
      total += r * r;
    }
    return total / MLP_X.length;
  }

  /** {@link Mlp#handWritten} over the static fields. */
  public static ValueAndGradient handMlpLoss(double[] w) {
    int m = MLP_X.length;
    double[] g = new double[Mlp.WEIGHTS];
    double[] h = new double[Mlp.HIDDEN];
    double total = 0;
    double scale = 2.0 / m;
    for (int i = 0; i < m; i++) {
      double x0 = MLP_X[i][0];
      double x1 = MLP_X[i][1];
      double out = w[Mlp.B2];
      for (int j = 0; j < Mlp.HIDDEN; j++) {
        double hj = Math.tanh(w[2 * j] * x0 + w[2 * j + 1] * x1 + w[Mlp.B1 + j]);
        h[j] = hj;
        out += w[Mlp.W2 + j] * hj;
      }
      double r = out - MLP_Y[i];
      total += r * r;
      double dOut = scale * r;
      g[Mlp.B2] += dOut;
      for (int j = 0; j < Mlp.HIDDEN; j++) {
        double hj = h[j];
        g[Mlp.W2 + j] += dOut * hj;
        double dPre = dOut * w[Mlp.W2 + j] * (1 - hj * hj);
        g[2 * j] += dPre * x0;
        g[2 * j + 1] += dPre * x1;
        g[Mlp.B1 + j] += dPre;
      }
    }
    return new ValueAndGradient(total / m, g);
  }

  /** {@link Mlp784#loss} over the static batch. */
  @Differentiable
  public static double mlp784Loss(double[][] w1, double[] b1, double[][] w2, double[] b2) {
    double total = 0;
    for (int i = 0; i < IMAGES.length; i++) {
      double[] h = new double[Mlp784.HIDDEN];
      for (int j = 0; j < Mlp784.HIDDEN; j++) {
        double a = b1[j];
        for (int k = 0; k < Mlp784.INPUTS; k++) {
          a += w1[j][k] * IMAGES[i][k];
        }
        h[j] = Math.tanh(a);
      }
      double[] z = new double[Mlp784.CLASSES];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < Mlp784.CLASSES; c++) {
        double s = b2[c];
        for (int j = 0; j < Mlp784.HIDDEN; j++) {
          s += w2[c][j] * h[j];
        }
        z[c] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int c = 0; c < Mlp784.CLASSES; c++) {
        sum += Math.exp(z[c] - max);
      }
      total += Math.log(sum) + max - z[LABELS[i]];
    }
    return total / IMAGES.length;
  }

  /** {@link Mlp784#naive} over the static batch: adds the gradient into {@code d}. */
  public static double handMlp784Loss(Mlp784.Weights w, Mlp784.Weights d) {
    return Mlp784.naive(w, IMAGES, LABELS, d);
  }
}
