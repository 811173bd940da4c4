package plain;

import io.github.backprop.Differentiable;

/** Coefficient tables and datasets held in static fields. */
final class Tables {
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
  static final double[][] STIFFNESS = {{4, -1, 0}, {-1, 4, -1}, {0, -1, 4}};
  static final int[] ORDER = {2, 0, 1};
  static final float[] FLOAT_WEIGHTS = {0.25f, 0.5f, 0.25f};
  static final double[] KNOTS_X = {0.0, 0.5, 1.0, 2.0, 4.0};
  static final double[] KNOTS_Y = {1.0, 1.4, 1.6, 2.1, 2.3};
  static final double[] DATA_X;
  static final double[] DATA_Y;
  static int evaluations = 0;

  static {
    DATA_X = new double[8];
    DATA_Y = new double[8];
    for (int i = 0; i < 8; i++) {
      DATA_X[i] = i * 0.5;
      DATA_Y[i] = 1.5 * DATA_X[i] + 0.3 * Math.sin(i);
    }
  }

  private Tables() {}

  // at: 2.5 ; 7.1
  @Differentiable
  static double lanczosLogGamma(double x) {
    double xm1 = x - 1;
    double a = LANCZOS[0];
    double t = xm1 + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      a += LANCZOS[i] / (xm1 + i);
    }
    return HALF_LOG_2PI + (xm1 + 0.5) * Math.log(t) - t + Math.log(a);
  }

  // at: [1.0, 2.0, 0.5]
  @Differentiable
  static double quadraticForm(double[] x) {
    double q = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        q += x[i] * STIFFNESS[i][j] * x[j];
      }
    }
    return 0.5 * q;
  }

  // at: [1.0, 2.0, 0.5]
  @Differentiable
  static double permutedWeightedSum(double[] x) {
    double s = 0;
    for (int i = 0; i < ORDER.length; i++) {
      s += FLOAT_WEIGHTS[i] * x[ORDER[i]];
    }
    return s;
  }

  // at: 0.7 ; 1.3 ; 3.1
  @Differentiable
  static double piecewiseLinear(double x) {
    int i = 0;
    while (i < KNOTS_X.length - 2 && x > KNOTS_X[i + 1]) {
      i++;
    }
    double t = (x - KNOTS_X[i]) / (KNOTS_X[i + 1] - KNOTS_X[i]);
    return KNOTS_Y[i] + t * (KNOTS_Y[i + 1] - KNOTS_Y[i]);
  }

  // at: 1.2, 0.4
  @Differentiable
  static double leastSquaresOnData(double slope, double intercept) {
    double sse = 0;
    for (int i = 0; i < DATA_X.length; i++) {
      double r = slope * DATA_X[i] + intercept - DATA_Y[i];
      sse += r * r;
    }
    return sse;
  }

  // at: 2.0
  @Differentiable
  static double countingEvaluations(double x) {
    double scale = evaluations > 1000 ? 0.5 : 1.0;
    return scale * x * x;
  }

  // at: 0.35 ; 0.8
  @Differentiable
  static double rationalApprox(double x) {
    final double[] p = {1.0, 0.5, 0.1};
    final double[] q = {1.0, -0.2, 0.05};
    double num = p[0] + x * (p[1] + x * p[2]);
    double den = q[0] + x * (q[1] + x * q[2]);
    return num / den;
  }

  // at: 1.5, 2
  @Differentiable
  static double laguerre(double x, int n) {
    double[][] coefficients = {{1}, {1, -1}, {1, -2, 0.5}, {1, -3, 1.5, -1.0 / 6}};
    double[] c = coefficients[n];
    double r = 0, p = 1;
    for (double ci : c) {
      r += ci * p;
      p *= x;
    }
    return r;
  }
}
