package golden;

import io.github.backprop.Differentiable;

class Models {
  final double[] w;
  double b;
  private int seen;

  Models(double[] w, double b) {
    this.w = w;
    this.b = b;
  }

  double predict(double[] x) {
    double s = b;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * x[i];
    }
    return s;
  }

  @Differentiable(forward = true)
  double loss(double[] x, double y) {
    double e = predict(x) - y;
    return e * e;
  }

  @Differentiable(wrt = "this")
  double distance(Models other) {
    double s = (b - other.b) * (b - other.b);
    for (int i = 0; i < w.length; i++) {
      double d = this.w[i] - other.w[i];
      s += d * d;
    }
    return s;
  }

  @Differentiable(hessian = true)
  double curvature(double x) {
    return b * b * x * x + w[0] * x;
  }

  double[] affine(double[] x) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = w[i] * x[i] + b;
    }
    return r;
  }

  @Differentiable(forward = true)
  double[] outputs(double[] x) {
    double[] r = affine(x);
    r[0] = Math.tanh(r[0]);
    return r;
  }

  double power(double x, int n) {
    return n == 0 ? 1 : b * x * power(x, n - 1);
  }

  @Differentiable
  double repeated(double x) {
    return power(x, 3) + w[0];
  }

  record Step(double dx, double dy) {}

  @Differentiable
  static double walk(double x, int dir) {
    Step s = switch (dir) {
      case 0 -> new Step(x, 0);
      case 1 -> new Step(0, x * x);
      default -> new Step(-x, 1);
    };
    return s.dx() * s.dx() + s.dy();
  }
}
