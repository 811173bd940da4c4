package io.github.backprop.examples;

import java.util.function.ToDoubleFunction;

/**
 * Central differences of a function of a {@code double[]}, Richardson-extrapolated: with
 * D(h) = (f(w + h eᵢ) − f(w − h eᵢ)) / 2h, the estimate (4 D(h/2) − D(h)) / 3 has error O(h⁴).
 */
final class CentralDifference {
  private CentralDifference() {}

  static double[] gradient(ToDoubleFunction<double[]> f, double[] w, double h) {
    double[] g = new double[w.length];
    double[] p = w.clone();
    for (int i = 0; i < w.length; i++) {
      double d1 = partial(f, p, i, h);
      double d2 = partial(f, p, i, h / 2);
      g[i] = (4 * d2 - d1) / 3;
    }
    return g;
  }

  private static double partial(ToDoubleFunction<double[]> f, double[] p, int i, double h) {
    double wi = p[i];
    p[i] = wi + h;
    double up = f.applyAsDouble(p);
    p[i] = wi - h;
    double down = f.applyAsDouble(p);
    p[i] = wi;
    return (up - down) / (2 * h);
  }
}
