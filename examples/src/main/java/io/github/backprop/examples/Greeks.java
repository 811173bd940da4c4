package io.github.backprop.examples;

/**
 * A call's price and first-order Greeks, from backprop's gradient or from the closed forms.
 * Theta is the change of value as calendar time passes, −∂V/∂T (per year).
 */
record Greeks(double price, double delta, double vega, double rho, double theta, double dStrike) {
  /** The largest absolute difference between any two corresponding numbers. */
  double maxAbsDiff(Greeks o) {
    double m = Math.abs(price - o.price);
    m = Math.max(m, Math.abs(delta - o.delta));
    m = Math.max(m, Math.abs(vega - o.vega));
    m = Math.max(m, Math.abs(rho - o.rho));
    m = Math.max(m, Math.abs(theta - o.theta));
    return Math.max(m, Math.abs(dStrike - o.dStrike));
  }

  /** price, delta, vega, rho, theta, dStrike, in that order. */
  double[] toArray() {
    return new double[] {price, delta, vega, rho, theta, dStrike};
  }
}
