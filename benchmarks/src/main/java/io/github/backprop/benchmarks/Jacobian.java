package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * Jacobians of two vector functions, generated against central differences: Broyden's tridiagonal
 * system F: Rⁿ → Rⁿ (square: one reverse sweep per row) and an exponential-decay model at m
 * times, R³ → Rᵐ (tall: one forward run per column). Not in run.sh's table; run by name.
 */
public final class Jacobian {
  private Jacobian() {}

  /** Broyden's tridiagonal function: F_i = (3 − 2x_i)·x_i − x_{i−1} − 2·x_{i+1} + 1. */
  @Differentiable
  public static double[] broyden(double[] x) {
    int n = x.length;
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      double left = i > 0 ? x[i - 1] : 0;
      double right = i + 1 < n ? x[i + 1] : 0;
      f[i] = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
    }
    return f;
  }

  /** The model a·exp(−k·t) + c at every time, p = (a, k, c). */
  @Differentiable(wrt = "p", forward = true)
  public static double[] decay(double[] p, double[] t) {
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      y[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2];
    }
    return y;
  }

  /**
   * Broyden's Jacobian by Hipparchus forward mode: each x_i a {@code Gradient} of n partials, so
   * each operation costs O(n) and the whole O(n²), as a row-by-row reverse sweep does.
   */
  public static double[][] broydenHipparchus(double[] x0) {
    int n = x0.length;
    Gradient[] x = new Gradient[n];
    for (int i = 0; i < n; i++) {
      x[i] = Gradient.variable(n, i, x0[i]);
    }
    Gradient zero = Gradient.constant(n, 0);
    double[][] j = new double[n][];
    for (int i = 0; i < n; i++) {
      Gradient left = i > 0 ? x[i - 1] : zero;
      Gradient right = i + 1 < n ? x[i + 1] : zero;
      Gradient f = x[i].multiply(-2).add(3).multiply(x[i]).subtract(left).subtract(right.multiply(2)).add(1);
      j[i] = f.getGradient();
    }
    return j;
  }

  /**
   * Broyden's Jacobian as rJacobian computed it before it ran the forward sweep once: the value,
   * then one whole rVjp (forward and reverse sweep) per row with a unit cotangent.
   */
  public static double[][] broydenRowByRow(double[] x) {
    double[] value = broyden(x);
    double[][] j = new double[value.length][];
    double[] u = new double[value.length];
    for (int i = 0; i < value.length; i++) {
      u[i] = 1;
      j[i] = JacobianGrad.broydenVjp(x, u).x();
      u[i] = 0;
    }
    return j;
  }

  /** Broyden's Jacobian by central differences: 2n evaluations, step ≈ 6·10⁻⁶·max(1, |x|). */
  public static double[][] broydenDifferences(double[] x0) {
    double[] x = x0.clone();
    int n = x.length;
    double[][] j = new double[n][n];
    for (int k = 0; k < n; k++) {
      double h = 6e-6 * Math.max(1, Math.abs(x0[k]));
      x[k] = x0[k] + h;
      double[] plus = broyden(x);
      x[k] = x0[k] - h;
      double[] minus = broyden(x);
      x[k] = x0[k];
      for (int i = 0; i < n; i++) {
        j[i][k] = (plus[i] - minus[i]) / (2 * h);
      }
    }
    return j;
  }

  /** The decay model's Jacobian by central differences: 6 evaluations. */
  public static double[][] decayDifferences(double[] p0, double[] t) {
    double[] p = p0.clone();
    double[][] j = new double[t.length][p.length];
    for (int k = 0; k < p.length; k++) {
      double h = 6e-6 * Math.max(1, Math.abs(p0[k]));
      p[k] = p0[k] + h;
      double[] plus = decay(p, t);
      p[k] = p0[k] - h;
      double[] minus = decay(p, t);
      p[k] = p0[k];
      for (int i = 0; i < t.length; i++) {
        j[i][k] = (plus[i] - minus[i]) / (2 * h);
      }
    }
    return j;
  }
}
