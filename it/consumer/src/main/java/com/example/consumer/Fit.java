package com.example.consumer;

import io.github.backprop.Differentiable;

/** The mean squared error of a line through points: a loop, a helper in another file, {@code wrt}. */
public final class Fit {
  private Fit() {}

  @Differentiable(wrt = "w")
  public static double loss(double[] w, double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double r = Line.at(w, x[i]) - y[i];
      s += r * r;
    }
    return s / x.length;
  }
}
