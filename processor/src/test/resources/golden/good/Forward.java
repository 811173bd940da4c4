package golden;

import io.github.backprop.Differentiable;

/** Forward mode: each method also gets fJvp(parameters, tangents). */
class Forward {
  @Differentiable(forward = true)
  static double straight(double x, double y) {
    double z = x * y + Math.sin(x);
    double e = Math.exp(z);
    z = z * z;
    return e / y + z;
  }

  @Differentiable(forward = true)
  static double branches(double x, int n) {
    double y;
    if (x > 1 && n > 0) {
      y = Math.log(x);
    } else {
      y = x * x;
    }
    return y * n;
  }

  @Differentiable(forward = true, wrt = "w")
  static double loop(double[] w, double[] data, double scale) {
    double[] h = new double[w.length];
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      h[i] = Math.tanh(w[i] * data[i]);
      if (h[i] < 0) {
        break;
      }
      s += scale * h[i];
    }
    w[0] *= 2;
    return s + w[0];
  }

  @Differentiable
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Differentiable(forward = true)
  static double call(double x, double[] v) {
    double[] u = {x, 2 * x};
    return dot(u, v) + x;
  }

  @Differentiable(forward = true)
  static double energy(double x, double[] w) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += Math.exp(x * w[i]);
    }
    return s;
  }
}
