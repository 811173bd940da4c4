package golden;

import io.github.backprop.Differentiable;

/** Methods returning double[]: rVjp, rJacobian and, with forward = true, rJvp. */
final class Vector {
  private Vector() {}

  @Differentiable(forward = true)
  static double[] pair(double a, double b, double c) {
    return new double[] {a * b, Math.sin(c)};
  }

  @Differentiable
  static double[] residuals(double[] p, double[] t, double[] y) {
    double[] r = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      r[i] = p[0] * Math.exp(-p[1] * t[i]) - y[i];
    }
    return r;
  }

  @Differentiable(forward = true)
  static double[] scaleInPlace(double[] w, double s) {
    for (int i = 0; i < w.length; i++) {
      w[i] *= s;
    }
    return w;
  }

  @Differentiable
  static double[] either(double[] a, double[] b, boolean first) {
    return first ? a : b;
  }
}
