package io.github.backprop.examples;

/**
 * The Adam optimiser (Kingma and Ba, 2015) over a model's parameter arrays, updated in place: the
 * whole of the "framework" a training loop needs once the gradient comes from backprop.
 */
final class Adam {
  private final double rate;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double[][] params;
  private final double[][] m;
  private final double[][] v;
  private int t;

  /** Adam over {@code params} with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e−8. */
  Adam(double rate, double[]... params) {
    this(rate, 0.9, 0.999, 1e-8, params);
  }

  Adam(double rate, double beta1, double beta2, double eps, double[]... params) {
    this.rate = rate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.params = params.clone();
    this.m = new double[params.length][];
    this.v = new double[params.length][];
    for (int p = 0; p < params.length; p++) {
      m[p] = new double[params[p].length];
      v[p] = new double[params[p].length];
    }
  }

  /**
   * One step downhill: {@code grads[p]}, shaped like the p-th parameter array, is the gradient
   * at the current parameters.
   */
  void step(double[]... grads) {
    if (grads.length != params.length) {
      throw new IllegalArgumentException(grads.length + " gradients for " + params.length + " parameter arrays");
    }
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    for (int p = 0; p < params.length; p++) {
      double[] w = params[p];
      double[] g = grads[p];
      double[] mp = m[p];
      double[] vp = v[p];
      for (int i = 0; i < w.length; i++) {
        mp[i] = beta1 * mp[i] + (1 - beta1) * g[i];
        vp[i] = beta2 * vp[i] + (1 - beta2) * g[i] * g[i];
        w[i] -= rate * (mp[i] / c1) / (Math.sqrt(vp[i] / c2) + eps);
      }
    }
  }

  /** Steps taken so far. */
  int steps() {
    return t;
  }
}
