package golden;

import io.github.backprop.Differentiable;

/** Array locals given whole arrays: a layer loop, a buffer swap, a choice written through. */
class Rebinding {
  static double[] layer(double[] w, double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.tanh(w[i] * x[i]);
    }
    return y;
  }

  @Differentiable
  static double deep(double[] w, double[] x0, int layers) {
    double[] x = x0.clone();
    for (int l = 0; l < layers; l++) {
      x = layer(w, x);
    }
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  @Differentiable(forward = true)
  static double heat(double[] a, int steps) {
    double[] cur = a.clone();
    double[] next = new double[a.length];
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i + 1 < a.length; i++) {
        next[i] = cur[i] + 0.1 * (cur[i - 1] - 2 * cur[i] + cur[i + 1]);
      }
      double[] tmp = cur;
      cur = next;
      next = tmp;
    }
    return cur[1] * cur[1];
  }

  @Differentiable
  static double chosen(double x, double y, boolean first) {
    double[] a = {x, y};
    double[] b = {y * y, x};
    double[] c = first ? a : b;
    c[0] = c[0] * c[1];
    c = new double[] {c[0] + 1, c[1]};
    return a[0] * 3 + b[0] * 5 + c[0] * 7;
  }
}
