package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;

/**
 * Forward mode against the primal on scalar code: a Black-Scholes call price (exp, log, sqrt and
 * an erf-free normal cdf); Rosenbrock is {@link SecondOrder#rosen}'s. Run by name.
 */
public final class ForwardMode {
  private ForwardMode() {}

  @Differentiable(forward = true)
  public static double call(double spot, double strike, double vol, double rate, double expiry) {
    double sd = vol * Math.sqrt(expiry);
    double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * expiry) / sd;
    double d2 = d1 - sd;
    return spot * cdf(d1) - strike * Math.exp(-rate * expiry) * cdf(d2);
  }

  /** The normal cdf by Zelen and Severo's polynomial (error below 7.5e-8). */
  static double cdf(double x) {
    double t = 1 / (1 + 0.2316419 * Math.abs(x));
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double tail = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * poly;
    return x >= 0 ? 1 - tail : tail;
  }
}
