package plain;

import io.github.backprop.Differentiable;

/** Boxed locals, as code that started from collections or nullable APIs has them. */
final class Boxes {
  private Boxes() {}

  // at: 1.5, 2.0 ; -0.5, 3.0
  @Differentiable
  static double boxedAccumulator(double x, double y) {
    Double total = 0.0;
    for (Integer i = 0; i < 3; i++) {
      total += Math.pow(x, i) * y;
    }
    return total.doubleValue();
  }

  // at: 0.4 ; 2.5
  @Differentiable
  static double valueOfAndUnboxing(double x) {
    Double boxed = Double.valueOf(x);
    Boolean large = boxed > 1;
    double scale = large ? 2.0 : 0.5;
    if (boxed != null && !boxed.isNaN()) {
      return boxed * scale + Math.sin(boxed);
    }
    return 0;
  }

  // at: [1.0, 2.0, 3.0], 0.5
  @Differentiable
  static double enhancedForOverBoxes(double[] w, double t) {
    Double acc = 1.0;
    Long count = 0L;
    for (Double v : w) {
      acc = acc * (1 + v * t);
      count++;
    }
    return acc / count;
  }
}
