package io.github.backprop.benchmarks;

/**
 * A function's value and its gradient with respect to one array parameter: what the hand-written,
 * tape and finite-difference implementations of the array functions return (the shape of the
 * record backprop will generate for them).
 */
public record ValueAndGradient(double value, double[] gradient) {
  /** {@code {value, gradient[0], gradient[1], ...}}, the form {@link Agreement} compares. */
  public double[] flat() {
    return Agreement.flat(value, gradient);
  }
}
