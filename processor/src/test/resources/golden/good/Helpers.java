package golden;

import io.github.backprop.Differentiable;

/** Helpers without the annotation run inside the caller; assignments used as values. */
final class Helpers {
  private Helpers() {}

  static double predict(double[] w, double b, double x) {
    return w[0] * x + w[1] * x * x + b;
  }

  private static double square(double v) {
    return v * v;
  }

  static double clip(double v, double lo, double hi) {
    if (v < lo) {
      return lo;
    }
    if (v > hi) {
      return hi;
    }
    return v;
  }

  static void scale(double[] z, double f) {
    for (int i = 0; i < z.length; i++) {
      z[i] *= f;
    }
  }

  @Differentiable
  static double loss(double[] w, double b, double[] xs, double[] ys) {
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      double r = predict(w, b, xs[i]) - ys[i];
      s += square(r);
    }
    return s / xs.length;
  }

  @Differentiable
  static double clipped(double x, double y) {
    return clip(x * y, -1, 1) + (y > 0 ? square(y) : 0);
  }

  @Differentiable
  static double scaled(double[] z) {
    double[] copy = new double[z.length];
    System.arraycopy(z, 0, copy, 0, z.length);
    scale(copy, 0.5);
    return copy[0] * copy[z.length - 1];
  }

  @Differentiable
  static double assignments(double x, double[] w) {
    int i = 0;
    double s = w[i++] * x;
    double t;
    s += (t = x * x) * w[i++];
    return s * t;
  }
}
