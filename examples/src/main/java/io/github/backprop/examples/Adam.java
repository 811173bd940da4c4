package io.github.backprop.examples;

/**
 * The Adam optimiser (Kingma and Ba, 2015) on a flat parameter vector: the whole of the
 * "framework" a training loop needs once the gradient comes from backprop.
 */
final class Adam {
  private final double rate;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double[] m;
  private final double[] v;
  private int t;

  /** Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e−8. */
  Adam(int size, double rate) {
    this(size, rate, 0.9, 0.999, 1e-8);
  }

  Adam(int size, double rate, double beta1, double beta2, double eps) {
    this.rate = rate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = new double[size];
    this.v = new double[size];
  }

  /** One step downhill: updates {@code w} in place from the gradient {@code g} at {@code w}. */
  void step(double[] w, double[] g) {
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < w.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      w[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
    }
  }

  /** Steps taken so far. */
  int steps() {
    return t;
  }
}
