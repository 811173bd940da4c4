package golden;

import io.github.backprop.CheckpointLoops;
import io.github.backprop.Differentiable;

/** Loops checkpointed only when they run long, without a marker on each. */
@CheckpointLoops(above = 100_000)
class LongLoopsAbove {
  /**
   * A damped oscillator by explicit Euler: up to 100,000 steps the loop is taped in full, beyond
   * that it is checkpointed with 64 copies of (x, v).
   */
  @Differentiable
  static double oscillator(double k, double c, double x0, double v0, double dt, int steps) {
    double x = x0;
    double v = v0;
    for (int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x = x + dt * v;
      v = v + dt * a;
    }
    return x * x + v * v;
  }

  /**
   * A long counter with a bound of its own: its iteration count is declared before both paths.
   * The loop before it leaves early, so it is taped in full at any length.
   */
  @Differentiable
  @CheckpointLoops(above = 10_000_000_000L, snapshots = 16, segment = 256)
  static double decay(double x0, double r, long steps) {
    double x = x0;
    for (int i = 0; i < 100; i++) {
      if (x > 1e6) {
        break;
      }
      x = x * 1.01 + 0.001;
    }
    for (long i = 1; i <= steps; i++) {
      x = Math.sin(r * x + i * 1e-3) + 0.5 * x;
    }
    return x * x;
  }
}
