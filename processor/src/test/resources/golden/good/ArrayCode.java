package golden;

import io.github.backprop.Differentiable;

class ArrayCode {
  @Differentiable
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Differentiable
  static double locals(double x, double y) {
    double[] v = {x, y, x * y};
    double[] w = new double[3];
    for (int i = 0; i < 3; i++) {
      w[i] = Math.tanh(v[i]);
    }
    return dot(v, w);
  }

  /** The caller's array ends as this method leaves it; the gradient is for the values passed in. */
  @Differentiable
  static double scaleInPlace(double[] w, double k) {
    for (int i = 0; i < w.length; i++) {
      w[i] = w[i] * k;
    }
    return dot(w, w);
  }

  @Differentiable
  static double gather(double[] w, int[] idx) {
    double s = 0;
    for (int k = 0; k < idx.length; k++) {
      s += w[idx[k]] * w[idx[k]];
    }
    return s;
  }

  @Differentiable
  static double layer(double[] w, double[][] x, int hidden) {
    double out = 0;
    for (int s = 0; s < x.length; s++) {
      double[] row = x[s];
      for (int j = 0; j < hidden; j++) {
        out += w[hidden + j] * Math.tanh(w[j] * row[0] + w[j] * row[1]);
      }
    }
    return out;
  }

  @Differentiable
  static double power(double x, int n) {
    if (n == 0) {
      return 1;
    }
    return x * power(x, n - 1);
  }

  /** Only w is differentiated: x and y are data, with no gradient computed. */
  @Differentiable(wrt = "w")
  static double fit(double[] w, double[] x, double[] y) {
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double e = w[0] * Math.exp(-w[1] * x[i]) + w[2] - y[i];
      loss += e * e;
    }
    return loss;
  }
}
