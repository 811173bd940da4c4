package io.github.backprop.examples;

import java.util.function.DoubleUnaryOperator;

/** A central finite difference, printed beside exact gradients to show what they replace. */
final class FiniteDifference {
  private FiniteDifference() {}

  static double central(DoubleUnaryOperator f, double x, double h) {
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }
}
