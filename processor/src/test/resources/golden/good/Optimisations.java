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

  /**
   * Intermediates kept once: each level of a Horner polynomial is a local of the forward sweep
   * that the reverse sweep reads, so the reverse costs O(degree), not O(degree²).
   */
  @Differentiable
  static double horner(double s) {
    return ((((0.5 * s + 2.25) * s + 161.0) * s + 1067.5) * s + 18154.0) / ((s + 47.2) * s + 976.1);
  }

  /**
   * The same inside a loop: the reverse iteration computes the levels again, once each, instead
   * of taping them; a loop whose bound is a compile-time constant runs back from it as written.
   */
  @Differentiable
  static double hornerLoop(double[] x) {
    double s = 0;
    for (int i = 0; i < DEGREE; i++) {
      s += ((x[i] * 0.5 + 1.5) * x[i] + 2.5) * x[i] * s;
    }
    return s;
  }

  static final int DEGREE = 3;

  /** No adjoint that only holds a constant or a copy: the seed 1.0 and _d_e = f fold away. */
  @Differentiable
  static double copies(double a, double b, double f) {
    double e = a * b;
    double g = e;
    return g * f + Math.exp(a);
  }

  /**
   * No adjoint that nothing reads: u reaches the result only through floor, whose derivative is
   * zero, so its adjoint would pass nothing on and is not written.
   */
  @Differentiable
  static double deadAdjoint(double y) {
    double u = Math.floor(y * 16) / 16;
    return Math.exp(-u * u * 0.5) * y;
  }
}
