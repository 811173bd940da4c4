package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;

/**
 * A least-squares loss over rows, written twice: once calling a helper without the annotation,
 * {@code predict(w, b, x[i])}, as users write it, and once with the helper's body written inline.
 * The processor runs the helper's body inside the loss, so both should cost the same and
 * allocate only the gradient arrays. Not in run.sh's table; run by name.
 */
public final class HelperCalls {
  private HelperCalls() {}

  static double predict(double[] w, double b, double[] x) {
    double s = b;
    for (int j = 0; j < w.length; j++) {
      s += w[j] * x[j];
    }
    return Math.tanh(s);
  }

  @Differentiable(wrt = "w")
  public static double withHelper(double[] w, double b, double[][] x, double[] y) {
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double r = predict(w, b, x[i]) - y[i];
      loss += r * r;
    }
    return loss / x.length;
  }

  @Differentiable(wrt = "w")
  public static double inline(double[] w, double b, double[][] x, double[] y) {
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double s = b;
      for (int j = 0; j < w.length; j++) {
        s += w[j] * x[i][j];
      }
      double r = Math.tanh(s) - y[i];
      loss += r * r;
    }
    return loss / x.length;
  }
}
