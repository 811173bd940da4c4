package golden;

import io.github.backprop.Checkpointed;
import io.github.backprop.Differentiable;

class LongLoops {
  /**
   * A damped oscillator by explicit Euler. The forward sweep runs the loop without a tape, keeping
   * copies of (x, v); the reverse sweep turns one iteration at a time from a copy.
   */
  @Differentiable
  static double oscillator(double k, double c, double x0, double v0, double dt, int steps) {
    double x = x0;
    double v = v0;
    for (@Checkpointed(snapshots = 64) int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x = x + dt * v;
      v = v + dt * a;
    }
    return x * x + v * v;
  }

  /** An array as the state, a bound with <=, and a value read by the loop that changes after it. */
  @Differentiable
  static double smooth(double[] u, double r, int from, int to) {
    int scale = 2;
    for (@Checkpointed(snapshots = 8) int t = from; t <= to; t++) {
      for (int j = 1; j < u.length; j++) {
        u[j] = Math.tanh(u[j] + r * scale * u[j - 1]);
      }
    }
    scale = 3;
    return u[u.length - 1] * scale;
  }

  /**
   * Two buffers swapped each step: a copy holds which array each name refers to, and its
   * elements, so the reverse sweep finds the same arrays and adjoints again.
   */
  @Differentiable
  static double diffuse(double[] u0, double k, int steps) {
    int n = u0.length;
    double[] a = u0.clone();
    double[] b = new double[n];
    for (@Checkpointed(snapshots = 16) int t = 0; t < steps; t++) {
      for (int j = 1; j < n - 1; j++) {
        b[j] = a[j] + k * (a[j - 1] - 2 * a[j] + a[j + 1]);
      }
      double[] swap = a;
      a = b;
      b = swap;
    }
    return a[n / 2];
  }
}
