package plain;

import io.github.backprop.Differentiable;

/** Finance formulas: pricing, rates, annuities, the way a desk writes them. */
final class Finance {
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
  static final int DAYS_PER_YEAR = 365;

  private Finance() {}

  static double normCdf(double x) {
    // Abramowitz-Stegun 26.2.17
    double t = 1.0 / (1.0 + 0.2316419 * Math.abs(x));
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double pdf = Math.exp(-0.5 * x * x) / SQRT_2PI;
    double p = 1.0 - pdf * poly;
    return x >= 0 ? p : 1.0 - p;
  }

  // at: 100, 95, 0.75, 0.25, 0.03
  @Differentiable
  static double blackScholesCall(double spot, double strike, double t, double vol, double rate) {
    double sqrtT = Math.sqrt(t);
    double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * t) / (vol * sqrtT);
    double d2 = d1 - vol * sqrtT;
    return spot * normCdf(d1) - strike * Math.exp(-rate * t) * normCdf(d2);
  }

  // at: 100, 95, 0.75, 0.25, 0.03, true ; 100, 105, 1.5, 0.2, 0.01, false
  @Differentiable
  static double blackScholes(double spot, double strike, double t, double vol, double rate, boolean isCall) {
    if (t <= 0 || vol <= 0) {
      return Math.max(isCall ? spot - strike : strike - spot, 0.0);
    }
    double sqrtT = Math.sqrt(t);
    double d1 = (Math.log(spot / strike) + (rate + vol * vol / 2) * t) / (vol * sqrtT);
    double d2 = d1 - vol * sqrtT;
    double df = Math.exp(-rate * t);
    if (isCall) {
      return spot * normCdf(d1) - strike * df * normCdf(d2);
    } else {
      return strike * df * normCdf(-d2) - spot * normCdf(-d1);
    }
  }

  // at: 0.05, [5, 5, 5, 105], [1, 2, 3, 4]
  @Differentiable
  static double bondPrice(double yield, double[] cashflows, double[] times) {
    double price = 0.0;
    for (int i = 0; i < cashflows.length; i++) {
      price += cashflows[i] / Math.pow(1 + yield, times[i]);
    }
    return price;
  }

  // at: 0.04, [5, 5, 5, 105], [1, 2, 3, 4]
  @Differentiable
  static double macaulayDuration(double yield, double[] cashflows, double[] times) {
    double pv = 0, weighted = 0;
    for (int i = 0; i < cashflows.length; ++i) {
      double df = Math.exp(-yield * times[i]);
      pv += cashflows[i] * df;
      weighted += times[i] * cashflows[i] * df;
    }
    return weighted / pv;
  }

  // at: 200000, 0.045, 360
  @Differentiable
  static double monthlyPayment(double principal, double annualRate, int months) {
    double r = annualRate / 12;
    if (r == 0) {
      return principal / months;
    }
    return principal * r / (1 - Math.pow(1 + r, -months));
  }

  // at: 1000, 0.05, 12, 10
  @Differentiable
  static double compoundInterest(double principal, double rate, int periodsPerYear, double years) {
    return principal * Math.pow(1 + rate / periodsPerYear, periodsPerYear * years);
  }

  // at: [-100, 30, 40, 50, 20], 0.08
  @Differentiable
  static double npv(double[] flows, double rate) {
    double npv = 0;
    double discount = 1;
    for (double f : flows) {
      npv += f * discount;
      discount /= 1 + rate;
    }
    return npv;
  }

  // at: [0.01, 0.015, 0.02, 0.022], 2.5
  @Differentiable
  static double forwardRateInterpolated(double[] zeroRates, double t) {
    // zero rates at 1, 2, 3, 4 years, linear in between
    int i = (int) Math.floor(t) - 1;
    if (i < 0) i = 0;
    if (i > zeroRates.length - 2) i = zeroRates.length - 2;
    double w = t - (i + 1);
    double r = zeroRates[i] * (1 - w) + zeroRates[i + 1] * w;
    return r * t;
  }

  // at: 103.7, 0.2, 0.05, 0.5, 16
  @Differentiable
  static double binomialAmericanPut(double spot, double vol, double rate, double t, int steps) {
    double strike = 100;
    double dt = t / steps;
    double u = Math.exp(vol * Math.sqrt(dt));
    double d = 1 / u;
    double p = (Math.exp(rate * dt) - d) / (u - d);
    double disc = Math.exp(-rate * dt);
    double[] values = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      double s = spot * Math.pow(u, steps - i) * Math.pow(d, i);
      values[i] = Math.max(strike - s, 0);
    }
    for (int step = steps - 1; step >= 0; step--) {
      for (int i = 0; i <= step; i++) {
        double s = spot * Math.pow(u, step - i) * Math.pow(d, i);
        double cont = disc * (p * values[i] + (1 - p) * values[i + 1]);
        values[i] = Math.max(cont, strike - s);
      }
    }
    return values[0];
  }

  // at: 0.02, 0.5, 0.03, 0.1, 2.0
  @Differentiable
  static double vasicekZeroBond(double r0, double kappa, double theta, double sigma, double t) {
    double b = (1 - Math.exp(-kappa * t)) / kappa;
    double a = (theta - sigma * sigma / (2 * kappa * kappa)) * (b - t) - sigma * sigma * b * b / (4 * kappa);
    return Math.exp(a - b * r0);
  }

  // at: 100, 0.3, 30
  @Differentiable
  static double dailyVaR(double position, double annualVol, int horizonDays) {
    final double z99 = 2.3263478740408408;
    double dailyVol = annualVol / Math.sqrt(DAYS_PER_YEAR);
    return position * z99 * dailyVol * Math.sqrt(horizonDays);
  }

  // at: [0.1, 0.2, 0.7], [0.05, 0.08, 0.12], [0.04, 0.09, 0.16]
  @Differentiable
  static double portfolioSharpe(double[] weights, double[] returns, double[] variances) {
    double mu = 0, var = 0;
    for (int i = 0; i < weights.length; i++) {
      mu += weights[i] * returns[i];
      var += weights[i] * weights[i] * variances[i];
    }
    final double riskFree = 0.02;
    return (mu - riskFree) / Math.sqrt(var);
  }
}
