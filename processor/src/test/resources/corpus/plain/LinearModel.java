package plain;

import io.github.backprop.Differentiable;

/** A linear model as a Java team writes one: its weights in fields, its losses instance methods. */
class LinearModel {
  final double[] w;
  double b;
  double lambda;
  int epochs;

  LinearModel(double[] w, double b, double lambda, int epochs) {
    this.w = w;
    this.b = b;
    this.lambda = lambda;
    this.epochs = epochs;
  }

  double predict(double[] x) {
    double s = b;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * x[i];
    }
    return s;
  }

  // at: {[0.5, -0.25, 1], 0.1, 0.01, 3}, [1, 2, -1], 0.5 ; {[2, 0, -1.5], -0.3, 0.1, 0}, [0.5, -1, 2], -1
  @Differentiable
  double squaredError(double[] x, double y) {
    double e = predict(x) - y;
    return 0.5 * e * e;
  }

  // at: {[0.5, -0.25, 1], 0.1, 0.01, 3}, [1, 2, -1], true ; {[2, 0, -1.5], -0.3, 0.1, 0}, [0.5, -1, 2], false
  @Differentiable
  double logLoss(double[] x, boolean positive) {
    double z = predict(x);
    double p = 1 / (1 + Math.exp(-z));
    return positive ? -Math.log(p) : -Math.log(1 - p);
  }

  // at: {[0.5, -0.25, 1], 0.1, 0.01, 3}, [1, 2, -1], 0.5 ; {[2, 0, -1.5], -0.3, 0.1, 0}, [0.5, -1, 2], -1
  @Differentiable(wrt = "this")
  double regularised(double[] x, double y) {
    double e = this.predict(x) - y;
    double penalty = 0;
    for (double wi : w) {
      penalty += wi * wi;
    }
    return e * e + lambda * penalty;
  }

  // at: {[0.5, -0.25], 0.1, 0.01, 3}, [[1, 2], [0, -1], [2, 0.5]], [0.5, -1, 2]
  @Differentiable
  double meanSquaredError(double[][] xs, double[] ys) {
    double total = 0;
    for (int i = 0; i < xs.length; i++) {
      double e = predict(xs[i]) - ys[i];
      total += e * e;
    }
    return total / xs.length;
  }

  // at: {[0.5, -0.25, 1], 0.1, 0.01, 3}, [1, 2, -1], 0.5, 2 ; {[2, 0, -1.5], -0.3, 0.1, 0}, [0.5, -1, 2], -1, 0.5
  @Differentiable
  double huber(double[] x, double y, double delta) {
    double e = Math.abs(predict(x) - y);
    return e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
  }
}
