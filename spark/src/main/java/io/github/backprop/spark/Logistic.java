package io.github.backprop.spark;

import io.github.backprop.Differentiable;

/**
 * Binary logistic regression. The weights are one array: {@code w[0 .. d-1]} for the d features,
 * {@code w[d]} the bias. backprop writes {@code LogisticGrad.loss}, and beside it the accumulate
 * overload {@code LogisticGrad.loss(w, x, at, y, gradient)} that adds ∂ loss / ∂ w into an array
 * the caller owns and allocates nothing.
 */
public final class Logistic {
  private Logistic() {}

  /**
   * The log-loss of one row, {@code log(1 + e^z) - y z} with {@code z = w · x + bias}: its
   * features are {@code x[at .. at + d - 1]}, its label {@code y} is 0 or 1. Written so that no
   * {@code exp} overflows, whatever the size of z.
   */
  @Differentiable(wrt = "w")
  public static double loss(double[] w, double[] x, int at, double y) {
    int d = w.length - 1;
    double z = w[d];
    for (int j = 0; j < d; j++) {
      z += w[j] * x[at + j];
    }
    return Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
  }

  /** The probability the model gives to label 1 for the row at {@code at}. */
  public static double probability(double[] w, double[] x, int at) {
    int d = w.length - 1;
    double z = w[d];
    for (int j = 0; j < d; j++) {
      z += w[j] * x[at + j];
    }
    return 1 / (1 + Math.exp(-z));
  }
}
