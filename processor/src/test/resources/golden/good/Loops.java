package golden;

import io.github.backprop.Differentiable;

class Loops {
  /** A sum over an array: no tape, the reverse loop runs the indices back. */
  @Differentiable
  static double rosenbrock(double[] x) {
    double f = 0;
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
    }
    return f;
  }

  /** y is overwritten in every iteration and read by the reverse sweep: it goes on the tape. */
  @Differentiable
  static double horner(double x, double[] c) {
    double y = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      y = y * x + c[i];
    }
    return y;
  }

  /** A trip count that depends on the value: the forward sweep counts the iterations. */
  @Differentiable
  static double halve(double x) {
    while (x > 1) {
      x = x / 2;
    }
    return x * x;
  }

  @Differentiable
  static double euler(double y0, double k, int steps) {
    double y = y0;
    double h = 0.1;
    for (int s = 0; s < steps; s++) {
      y = y + h * (-k * y + Math.sin(y));
    }
    return y;
  }

  /** A branch in a loop whose condition the body changes: its outcome goes on the tape. */
  @Differentiable
  static double branchy(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      if (v > s) {
        s = v * 2;
      } else {
        s = s * 0.5 + v;
      }
    }
    return s;
  }

  @Differentiable
  static double nested(double[][] a, double[] x, double[] b) {
    double loss = 0;
    for (int i = 0; i < a.length; i++) {
      double r = -b[i];
      for (int j = 0; j < x.length; j++) {
        r += a[i][j] * x[j];
      }
      loss += r * r;
    }
    return 0.5 * loss;
  }

  @Differentiable
  static double converge(double[] x) {
    double s = 0;
    for (double v : x) {
      do {
        v = Math.sqrt(v);
      } while (v > 2);
      s += v;
    }
    return s;
  }
}
