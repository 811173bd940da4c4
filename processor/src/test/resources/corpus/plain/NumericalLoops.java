package plain;

import io.github.backprop.Differentiable;

/** Iterative numerics: root finding, quadrature, series, recurrences. */
final class NumericalLoops {
  private static final int MAX_ITER = 100;
  private static final double TOL = 1e-14;

  private NumericalLoops() {}

  // at: 2.0 ; 10.0
  @Differentiable
  static double newtonSqrt(double a) {
    double x = a > 1 ? a / 2 : 1.0;
    for (int i = 0; i < MAX_ITER; i++) {
      double next = 0.5 * (x + a / x);
      if (Math.abs(next - x) < TOL * next) {
        return next;
      }
      x = next;
    }
    return x;
  }

  // at: 0.3, 1.2 ; 0.8, 2.5
  @Differentiable
  static double solveKepler(double e, double meanAnomaly) {
    double ecc = meanAnomaly;
    int iterations = 0;
    double delta;
    do {
      delta = (ecc - e * Math.sin(ecc) - meanAnomaly) / (1 - e * Math.cos(ecc));
      ecc -= delta;
      iterations++;
    } while (Math.abs(delta) > 1e-15 && iterations < 50);
    return ecc;
  }

  // at: 1.5, 2.0, 200
  @Differentiable
  static double trapezoidGaussian(double a, double b, int n) {
    double h = (b - 0) / n;
    double sum = 0.5 * (Math.exp(-a * 0 * 0) + Math.exp(-a * b * b));
    for (int i = 1; i < n; i++) {
      double x = i * h;
      sum += Math.exp(-a * x * x);
    }
    return sum * h;
  }

  // at: 0.7, 1.3, 64
  @Differentiable
  static double simpson(double k, double upper, int n) {
    if (n % 2 != 0) {
      throw new IllegalArgumentException("n must be even");
    }
    double h = upper / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double x = i * h;
      double fx = Math.sin(k * x) / (1 + x * x);
      double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
      s += w * fx;
    }
    return s * h / 3;
  }

  // at: 0.5 ; 2.0
  @Differentiable
  static double expTaylor(double x) {
    double term = 1, sum = 1;
    for (int k = 1; k < 30; k++) {
      term *= x / k;
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return sum;
  }

  // at: 0.3, 5
  @Differentiable
  static double chebyshevT(double x, int n) {
    if (n == 0) return 1;
    double t0 = 1, t1 = x;
    for (int k = 2; k <= n; k++) {
      double t2 = 2 * x * t1 - t0;
      t0 = t1;
      t1 = t2;
    }
    return t1;
  }

  // at: [1, -3, 0.5, 2], 1.7
  @Differentiable
  static double horner(double[] coeffs, double x) {
    double result = 0;
    for (int i = coeffs.length - 1; i >= 0; i--) {
      result = result * x + coeffs[i];
    }
    return result;
  }

  // at: 0.9, 0.1, 40
  @Differentiable
  static double logisticMap(double r, double x0, int steps) {
    double x = x0;
    for (int i = 0; i < steps; i++) {
      x = r * x * (1 - x);
    }
    return x;
  }

  // at: 1.0, 0.5
  @Differentiable
  static double rungeKutta4(double k, double y0) {
    // dy/dt = -k y + sin(t), t from 0 to 1
    double y = y0, t = 0, h = 0.05;
    for (int step = 0; step < 20; step++) {
      double k1 = -k * y + Math.sin(t);
      double k2 = -k * (y + h / 2 * k1) + Math.sin(t + h / 2);
      double k3 = -k * (y + h / 2 * k2) + Math.sin(t + h / 2);
      double k4 = -k * (y + h * k3) + Math.sin(t + h);
      y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
      t += h;
    }
    return y;
  }

  // at: 3.7 ; 10.0
  @Differentiable
  static double secantRoot(double c) {
    // the real root of x^3 + x - c
    double x0 = 0, x1 = 1;
    for (int i = 0; i < 60; i++) {
      double f0 = x0 * x0 * x0 + x0 - c;
      double f1 = x1 * x1 * x1 + x1 - c;
      if (f1 == f0) break;
      double x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
      x0 = x1;
      x1 = x2;
      if (Math.abs(x1 - x0) < 1e-15) break;
    }
    return x1;
  }

  // at: 1.0, 1e-10
  @Differentiable
  static double fixedPointCosine(double scale, double tol) {
    double x = 0.5;
    int it = 0;
    while (true) {
      double nx = Math.cos(scale * x);
      if (Math.abs(nx - x) < tol || ++it > 1000) {
        return nx;
      }
      x = nx;
    }
  }

  // at: [1, 2, 3, 4], 2.5
  @Differentiable
  static double lagrangeInterpolate(double[] ys, double x) {
    double result = 0;
    int n = ys.length;
    for (int i = 0; i < n; i++) {
      double term = ys[i];
      for (int j = 0; j < n; j++) {
        if (j != i) {
          term *= (x - j) / (double) (i - j);
        }
      }
      result += term;
    }
    return result;
  }

  // at: 0.25, 12
  @Differentiable
  static double continuedFractionTan(double x, int depth) {
    double f = 2 * depth + 1;
    for (int k = depth; k >= 1; k--) {
      f = (2 * k - 1) - x * x / f;
    }
    return x / f;
  }
}
