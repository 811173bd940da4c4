package io.github.backprop.benchmarks;

import java.util.function.ToDoubleFunction;

/** Central finite differences: 2n evaluations of the function for n inputs. */
public final class FiniteDifferences {
  private FiniteDifferences() {}

  /**
   * The step for an input of magnitude |x|: about the cube root of machine epsilon, scaled, which
   * balances truncation error (O(h²)) against rounding error (O(ε/h)).
   */
  public static double step(double x) {
    return 6e-6 * Math.max(1.0, Math.abs(x));
  }

  /** f(x) and the central-difference gradient of f at x. {@code x} is not modified. */
  public static ValueAndGradient central(ToDoubleFunction<double[]> f, double[] x) {
    double[] p = x.clone();
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      double h = step(xi);
      double up = xi + h;
      double down = xi - h;
      p[i] = up;
      double fUp = f.applyAsDouble(p);
      p[i] = down;
      double fDown = f.applyAsDouble(p);
      p[i] = xi;
      // Divide by the step actually taken (up - down is exact), not by the nominal 2h.
      g[i] = (fUp - fDown) / (up - down);
    }
    return new ValueAndGradient(f.applyAsDouble(p), g);
  }
}
