package golden;

import io.github.backprop.Differentiable;

/**
 * A private method returning double[], whose Jacobian calls a copy of its body; rVjp's accumulate
 * overload, and the shape checks every accumulate overload makes first.
 */
final class ModeShapes {
  private ModeShapes() {}

  @Differentiable(wrt = "p")
  private static double[] residuals(double[] p, double[] t, double[] y) {
    double[] r = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      r[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i];
    }
    return r;
  }

  @Differentiable
  static double bilinear(double[][] m, double[] v) {
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      s += v[i] * m[i][0] * v[0];
    }
    return s;
  }
}
