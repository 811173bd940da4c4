package io.github.backprop.examples;

import io.github.backprop.Differentiable;

/**
 * The sensitivity of an ODE solution to its parameters, in forward mode: logistic growth
 * dx/dt = r·x·(1 − x/k) integrated by classic Runge–Kutta, and ∂x(T)/∂r from one {@code Jvp}
 * with the tangent (1, 0, 0), where reverse mode would give all three partials at once. The
 * logistic equation has a closed form, so the sensitivity can be checked against its derivative.
 */
final class Ode {
  private Ode() {}

  /** The growth rate, the capacity, the start, the horizon and the steps. */
  static final double R = 0.8;
  static final double K = 10;
  static final double X0 = 0.5;
  static final double T = 6;
  static final int STEPS = 600;

  /** x(t) for dx/dt = r·x·(1 − x/k), x(0) = x0, by n steps of classic Runge–Kutta. */
  @Differentiable(forward = true, wrt = {"r", "k", "x0"})
  static double logistic(double r, double k, double x0, double t, int n) {
    double h = t / n;
    double x = x0;
    for (int i = 0; i < n; i++) {
      double k1 = rate(r, k, x);
      double k2 = rate(r, k, x + 0.5 * h * k1);
      double k3 = rate(r, k, x + 0.5 * h * k2);
      double k4 = rate(r, k, x + h * k3);
      x += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    }
    return x;
  }

  /** The right-hand side: a plain helper, differentiated through its body. */
  static double rate(double r, double k, double x) {
    return r * x * (1 - x / k);
  }

  /** The closed form, x(t) = k·x0·e^{rt} / (k + x0·(e^{rt} − 1)). */
  static double exact(double r, double k, double x0, double t) {
    double e = Math.exp(r * t);
    return k * x0 * e / (k + x0 * (e - 1));
  }

  /** ∂x(t)/∂r of the closed form: k·x0·t·e^{rt}·(k − x0) / (k + x0·(e^{rt} − 1))². */
  static double exactDr(double r, double k, double x0, double t) {
    double e = Math.exp(r * t);
    double d = k + x0 * (e - 1);
    return k * x0 * t * e * (k - x0) / (d * d);
  }
}
