package io.github.backprop.benchmarks;

import io.github.backprop.CheckpointLoops;
import io.github.backprop.Checkpointed;
import io.github.backprop.Differentiable;

/**
 * A damped oscillator integrated by explicit Euler, its loss the final energy: the same loop with
 * a {@code @Checkpointed} counter (at most 64 copies of its state), without (every iteration
 * on the tape), and under {@code @CheckpointLoops(above = 2_000_000)}, which tapes it in full up to
 * that many steps and checkpoints it beyond. Not in run.sh's table; run by name.
 */
public final class LongLoop {
  private LongLoop() {}

  @Differentiable
  public static double checkpointed(double k, double c, double x0, double v0, double dt, int steps) {
    double x = x0;
    double v = v0;
    for (@Checkpointed(snapshots = 64) int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x = x + dt * v;
      v = v + dt * a;
    }
    return x * x + v * v;
  }

  @Differentiable
  public static double storeAll(double k, double c, double x0, double v0, double dt, int steps) {
    double x = x0;
    double v = v0;
    for (int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x = x + dt * v;
      v = v + dt * a;
    }
    return x * x + v * v;
  }

  @Differentiable
  @CheckpointLoops(above = 2_000_000)
  public static double above(double k, double c, double x0, double v0, double dt, int steps) {
    double x = x0;
    double v = v0;
    for (int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x = x + dt * v;
      v = v + dt * a;
    }
    return x * x + v * v;
  }
}
