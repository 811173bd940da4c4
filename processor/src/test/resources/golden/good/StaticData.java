package golden;

import io.github.backprop.Differentiable;

class StaticData {
  static final double[] COEFFS = {0.5, -1.25, 2.0};
  static final double[][] GRID = {{1, 2}, {3, 4}};
  static final double HALF_LOG_2_PI = 0.5 * Math.log(2 * Math.PI);
  static final int[] ORDER;
  static double scale = 2;

  static {
    ORDER = new int[] {2, 0, 1};
  }

  /** A table is read where it is used: elements and length, never copied. */
  @Differentiable
  static double horner(double x) {
    double s = 0;
    for (int i = COEFFS.length - 1; i >= 0; i--) {
      s = s * x + COEFFS[ORDER[i]];
    }
    return s + HALF_LOG_2_PI;
  }

  @Differentiable
  static double grid(double x, double y) {
    return GRID[0][1] * x * y + GRID[1][0] * Math.sin(x);
  }

  /** A field that is not final is read once, when the method is called. */
  @Differentiable
  static double scaled(double x) {
    return scale * x * x + scale;
  }
}
