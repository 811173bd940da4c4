package io.github.backprop;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Richardson-extrapolated central differences along a direction: with D(h) = (f(x + h d) − f(x −
 * h d)) / 2h, the estimate (4 D(h/2) − D(h)) / 3 cancels the h² term, so its error is O(h⁴) and
 * a step near ε^(1/5) ≈ 1e-3 balances it against rounding.
 */
final class CentralDifferences {
  private CentralDifferences() {}

  /** The slope of {@code f} at {@code x} along {@code d}: ⟨∇f(x), d⟩. */
  static double slope(ToDoubleFunction<double[]> f, double[] x, double[] d, double h) {
    double wide = slopeAt(f, x, d, h);
    double narrow = slopeAt(f, x, d, h / 2);
    return (4 * narrow - wide) / 3;
  }

  /** H d, from differences of the gradient {@code g} at {@code x} along {@code d}. */
  static double[] hessianTimes(Function<double[], double[]> g, double[] x, double[] d, double h) {
    double[] wide = difference(g, x, d, h);
    double[] narrow = difference(g, x, d, h / 2);
    double[] hd = new double[x.length];
    for (int i = 0; i < hd.length; i++) {
      hd[i] = (4 * narrow[i] - wide[i]) / 3;
    }
    return hd;
  }

  private static double slopeAt(ToDoubleFunction<double[]> f, double[] x, double[] d, double h) {
    double up = f.applyAsDouble(shifted(x, d, h));
    double down = f.applyAsDouble(shifted(x, d, -h));
    return (up - down) / (2 * h);
  }

  private static double[] difference(
      Function<double[], double[]> g, double[] x, double[] d, double h) {
    double[] up = Comparisons.gradientAt(g, shifted(x, d, h));
    double[] down = Comparisons.gradientAt(g, shifted(x, d, -h));
    double[] diff = new double[x.length];
    for (int i = 0; i < diff.length; i++) {
      diff[i] = (up[i] - down[i]) / (2 * h);
    }
    return diff;
  }

  /** A new array x + h d: the function under test may write into it. */
  private static double[] shifted(double[] x, double[] d, double h) {
    double[] p = new double[x.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = x[i] + h * d[i];
    }
    return p;
  }
}
