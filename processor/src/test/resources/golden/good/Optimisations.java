package golden;

import io.github.backprop.Differentiable;

/** One method per optimisation of issue 5; the expected file shows each at work. */
class Optimisations {
  /** Activity: k and c depend on no double parameter, so they get no adjoint code. */
  @Differentiable
  static double activity(double x, int n) {
    int k = n * n;
    double c = Math.sin(n);
    return x * c + k;
  }

  /**
   * To-be-recorded: x is overwritten twice; only the old value the reverse sweep reads (before
   * x = x * y) is saved, none for x = x + y, whose reverse reads no x.
   */
  @Differentiable
  static double recorded(double x, double y) {
    x = x + y;
    double z = x * x;
    x = x * y;
    return x + z;
  }

  /** No zeroed adjoint that is only assigned: both branches assign _d_x first. */
  @Differentiable
  static double noZeroing(double x, double y) {
    double z;
    if (y > 0) {
      z = x * y;
    } else {
      z = Math.exp(x);
    }
    return z;
  }

  /** Primal results reused: the derivative of exp, sqrt and tanh reads the value computed. */
  @Differentiable
  static double reuse(double x) {
    double e = Math.exp(x);
    double r = Math.sqrt(e + 1);
    return Math.tanh(r) + r * e;
  }

  /** Constant folding: 3x + 2x has slope 5, x + x reads 2 * x. */
  @Differentiable
  static double folding(double x, double y) {
    return 3 * x + 2 * x + y * y + (1 - 1) * x;
  }

  /** Fusion: a final sum loop runs each iteration's reverse at its end; nothing is stored. */
  @Differentiable
  static double fusion(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += Math.sin(x[i]) * x[i];
    }
    return s;
  }
}
