package golden;

import io.github.backprop.Differentiable;

class Tables {
  static final double[] SMALL = {1.0, 0.5, 0.25};
  static final double[] LARGE = {2.0, -0.5, 0.125};

  /** Coefficients chosen by range, as special functions choose them: read-only, no derivative. */
  @Differentiable
  static double byRange(double x) {
    final double[] c = x < 1 ? SMALL : LARGE;
    return (c[2] * x + c[1]) * x + c[0];
  }

  /** Declared first, given a table or an array of constants in each branch. */
  @Differentiable
  static double rule(double k, int points) {
    double[] nodes;
    if (points == 1) {
      nodes = new double[] {0.0};
    } else {
      nodes = new double[] {-0.5773502691896257, 0.5773502691896257};
    }
    double sum = 0;
    for (double node : nodes) {
      sum += Math.exp(k * node);
    }
    return sum;
  }
}
