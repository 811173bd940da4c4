package golden;

import io.github.backprop.Differentiable;

class Jumps {
  @Differentiable
  static double untilNegative(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] < 0) {
        break;
      }
      s += Math.exp(x[i]);
    }
    return s;
  }

  /** A continue at the top of the body costs no flag: the rest of the body is the else. */
  @Differentiable
  static double skipNegatives(double[] x) {
    double s = 1;
    for (int i = 0; i < x.length; i++) {
      if (x[i] < 0) {
        continue;
      }
      s *= x[i];
    }
    return s;
  }

  @Differentiable
  static double firstAbove(double[] x, double t) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * t;
      if (s > 3) {
        return s * s;
      }
    }
    return -s;
  }

  @Differentiable
  static double labelled(double[][] m) {
    double s = 0;
    rows:
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        if (m[i][j] > 5) {
          break rows;
        }
        if (m[i][j] < 0) {
          continue rows;
        }
        s += m[i][j];
      }
    }
    return s;
  }
}
