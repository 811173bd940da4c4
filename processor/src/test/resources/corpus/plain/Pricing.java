package plain;

import io.github.backprop.Differentiable;

/** Pricing code of the kind a quant developer writes: curves as arrays, lattices, closed forms. */
final class Pricing {
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  private Pricing() {}

  private static double cnd(double x) {
    // Hart's approximation via erf, written out (Zelen and Severo)
    double k = 1.0 / (1.0 + 0.2316419 * Math.abs(x));
    double w = 1.0 - Math.exp(-x * x / 2) / SQRT_2PI
        * k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
    return x < 0 ? 1.0 - w : w;
  }

  /** Garman-Kohlhagen FX call. */
  // at: 1.10, 1.12, 0.5, 0.09, 0.03, 0.015
  @Differentiable
  static double fxCall(double spot, double strike, double t, double vol, double rDomestic, double rForeign) {
    double sd = vol * Math.sqrt(t);
    double d1 = (Math.log(spot / strike) + (rDomestic - rForeign + vol * vol / 2) * t) / sd;
    double d2 = d1 - sd;
    return spot * Math.exp(-rForeign * t) * cnd(d1) - strike * Math.exp(-rDomestic * t) * cnd(d2);
  }

  /** Bachelier (normal model) call on a forward rate. */
  // at: 0.03, 0.025, 2.0, 0.008
  @Differentiable
  static double bachelierCall(double forward, double strike, double t, double normalVol) {
    double s = normalVol * Math.sqrt(t);
    double d = (forward - strike) / s;
    double pdf = Math.exp(-0.5 * d * d) / SQRT_2PI;
    return (forward - strike) * cnd(d) + s * pdf;
  }

  /** Zero rate linearly interpolated on a curve given as parallel arrays, then discounted. */
  // at: [0.5, 1, 2, 5, 10], [0.02, 0.022, 0.025, 0.03, 0.033], 3.5
  @Differentiable
  static double discountFactor(double[] times, double[] zeroRates, double t) {
    int i = 1;
    while (i < times.length - 1 && times[i] < t) {
      i++;
    }
    double w = (t - times[i - 1]) / (times[i] - times[i - 1]);
    double rate = zeroRates[i - 1] + w * (zeroRates[i] - zeroRates[i - 1]);
    return Math.exp(-rate * t);
  }

  /** Par swap rate from discount factors at annual payment dates. */
  // at: [0.98, 0.955, 0.93, 0.9, 0.87]
  @Differentiable
  static double parSwapRate(double[] discountFactors) {
    double annuity = 0.0;
    for (double df : discountFactors) {
      annuity += df;
    }
    return (1.0 - discountFactors[discountFactors.length - 1]) / annuity;
  }

  /** Cox-Ross-Rubinstein European put on a recombining tree held in one array. */
  // at: 100.0, 105.0, 1.0, 0.2, 0.03
  @Differentiable
  static double crrPut(double spot, double strike, double t, double vol, double r) {
    final int n = 64;
    double dt = t / n;
    double u = Math.exp(vol * Math.sqrt(dt));
    double d = 1 / u;
    double p = (Math.exp(r * dt) - d) / (u - d);
    double disc = Math.exp(-r * dt);
    double[] values = new double[n + 1];
    for (int j = 0; j <= n; j++) {
      double s = spot * Math.pow(u, j) * Math.pow(d, n - j);
      values[j] = Math.max(strike - s, 0.0);
    }
    for (int step = n - 1; step >= 0; step--) {
      for (int j = 0; j <= step; j++) {
        values[j] = disc * (p * values[j + 1] + (1 - p) * values[j]);
      }
    }
    return values[0];
  }

  /** Yield to maturity by Newton's method on the price, with the derivative written by hand. */
  // at: 0.05, 10, 0.97 ; 0.03, 5, 1.02
  @Differentiable
  static double yieldToMaturity(double coupon, int years, double price) {
    double y = coupon;
    for (int iter = 0; iter < 50; iter++) {
      double pv = 0, dpv = 0;
      for (int k = 1; k <= years; k++) {
        double cf = k == years ? coupon + 1.0 : coupon;
        pv += cf / Math.pow(1 + y, k);
        dpv -= k * cf / Math.pow(1 + y, k + 1);
      }
      double step = (pv - price) / dpv;
      y -= step;
      if (Math.abs(step) < 1e-14) {
        break;
      }
    }
    return y;
  }

  /** Merton credit model: probability of default and the credit spread. */
  // at: 120.0, 100.0, 0.25, 0.03, 5.0
  @Differentiable
  static double mertonSpread(double assets, double debtFace, double assetVol, double r, double t) {
    double sd = assetVol * Math.sqrt(t);
    double d1 = (Math.log(assets / debtFace) + (r + 0.5 * assetVol * assetVol) * t) / sd;
    double d2 = d1 - sd;
    double debtValue = assets * cnd(-d1) + debtFace * Math.exp(-r * t) * cnd(d2);
    double riskyYield = -Math.log(debtValue / debtFace) / t;
    return riskyYield - r;
  }

  /** Arithmetic-average Asian call by moment matching (Turnbull-Wakeman, no dividends). */
  // at: 100.0, 100.0, 1.0, 0.3, 0.04
  @Differentiable
  static double asianCallTw(double spot, double strike, double t, double vol, double r) {
    double m1 = (Math.exp(r * t) - 1) / (r * t) * spot;
    double v2 = vol * vol;
    double m2 = 2 * Math.exp((2 * r + v2) * t) * spot * spot / ((r + v2) * (2 * r + v2) * t * t)
        + 2 * spot * spot / (r * t * t) * (1 / (2 * r + v2) - Math.exp(r * t) / (r + v2));
    double sigmaA = Math.sqrt(Math.log(m2 / (m1 * m1)) / t);
    double d1 = (Math.log(m1 / strike) + 0.5 * sigmaA * sigmaA * t) / (sigmaA * Math.sqrt(t));
    double d2 = d1 - sigmaA * Math.sqrt(t);
    return Math.exp(-r * t) * (m1 * cnd(d1) - strike * cnd(d2));
  }

  /** Portfolio variance w' S w with the covariance built from vols and one correlation. */
  // at: [0.5, 0.3, 0.2], [0.2, 0.15, 0.3], 0.4
  @Differentiable
  static double portfolioVolatility(double[] weights, double[] vols, double rho) {
    double variance = 0;
    for (int i = 0; i < weights.length; i++) {
      for (int j = 0; j < weights.length; j++) {
        double corr = i == j ? 1.0 : rho;
        variance += weights[i] * weights[j] * vols[i] * vols[j] * corr;
      }
    }
    return Math.sqrt(variance);
  }
}
