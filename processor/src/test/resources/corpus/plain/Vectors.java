package plain;

import io.github.backprop.Differentiable;

/** Methods returning double[]: results that are vectors, as numerical code returns them. */
final class Vectors {
  private Vectors() {}

  // at: [1.0, 2.0, 0.5] ; [-1.5, 0.0, 3.0]
  @Differentiable
  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double[] out = new double[z.length];
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.exp(z[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  // at: [1, 2, 3], [4, -5, 6] ; [0.5, 0, -1], [2, 1, 1]
  @Differentiable
  static double[] cross(double[] u, double[] v) {
    return new double[] {
      u[1] * v[2] - u[2] * v[1],
      u[2] * v[0] - u[0] * v[2],
      u[0] * v[1] - u[1] * v[0]
    };
  }

  // at: 1.0, 2.0, 0.3 ; -0.5, 1.5, 2.0
  @Differentiable
  static double[] rotate(double x, double y, double angle) {
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    return new double[] {c * x - s * y, s * x + c * y};
  }

  // at: [3, 4, 12]
  @Differentiable
  static double[] normalize(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] /= norm;
    }
    return out;
  }

  /** Euler steps of a damped oscillator: the state after n steps. */
  // at: 1.0, 0.0, 0.1, 0.05, 20 ; 0.5, -0.3, 0.4, 0.02, 10
  @Differentiable(wrt = {"x0", "v0", "damping"})
  static double[] oscillator(double x0, double v0, double damping, double dt, int n) {
    double x = x0;
    double v = v0;
    for (int i = 0; i < n; i++) {
      double a = -x - damping * v;
      x += dt * v;
      v += dt * a;
    }
    return new double[] {x, v};
  }

  // at: [1, 2, 3, 4, 5], 0.5
  @Differentiable
  static double[] cumulativeDiscounted(double[] cash, double rate) {
    double[] out = new double[cash.length];
    double acc = 0;
    for (int i = 0; i < cash.length; i++) {
      acc = acc / (1 + rate) + cash[i];
      out[i] = acc;
    }
    return out;
  }
}
