package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;

/**
 * Short gradients that use the tape, where the per-call cost of getting and giving back the
 * tape shows: a Horner polynomial of a few coefficients, whose loop saves {@code y}, and a
 * loop that saves its state and calls it, so most calls are nested in one that holds the tape. Not in run.sh's table; run by name.
 */
public final class TapeCalls {
  private TapeCalls() {}

  @Differentiable
  public static double horner(double x, double[] c) {
    double y = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      y = y * x + c[i];
    }
    return y;
  }

  @Differentiable
  public static double sumOfHorners(double[] xs, double[] c) {
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s = 0.5 * Math.sin(s) + horner(xs[i], c);
    }
    return s;
  }
}
