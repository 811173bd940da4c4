package io.github.backprop.examples;

import io.github.backprop.Differentiable;

/**
 * A European call on a non-dividend-paying stock under Black–Scholes, written once as plain Java.
 * backprop's gradient of {@link #call} is every first-order Greek at once; {@link ClosedForm} has
 * the textbook formulas they are checked against.
 *
 * <p>Convention: {@code time} is the time to expiry in years, so the generated {@code time()} is
 * ∂V/∂T and theta, the change of value as calendar time passes, is −∂V/∂T (per year).
 */
final class BlackScholes {
  private BlackScholes() {}

  /** The value of a European call: S N(d₁) − K e^(−rT) N(d₂). */
  @Differentiable
  static double call(double spot, double strike, double rate, double vol, double time) {
    double volSqrtT = vol * Math.sqrt(time);
    double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * time) / volSqrtT;
    double d2 = d1 - volSqrtT;
    return spot * Normal.cdf(d1) - strike * Math.exp(-rate * time) * Normal.cdf(d2);
  }

  /**
   * The value of {@code option} in {@code market}, as a domain model would call it. Its gradient
   * is two tangent records: {@code option()} with ∂V/∂strike and ∂V/∂time, {@code market()} with
   * delta, rho and vega.
   */
  @Differentiable
  static double price(Option option, Market market) {
    return call(market.spot(), option.strike(), market.rate(), market.vol(), option.time());
  }

  /** All Greeks from one call of the generated gradient of {@link #price}. */
  static Greeks greeks(Option option, Market market) {
    var g = BlackScholesGrad.price(option, market);
    BlackScholesGrad.MarketTangent m = g.market();
    BlackScholesGrad.OptionTangent o = g.option();
    return new Greeks(g.value(), m.spot(), m.vol(), m.rate(), -o.time(), o.strike());
  }

  static final double[] SPOTS = {50, 80, 95, 100, 105, 120, 200};
  static final double[] STRIKES = {80, 100, 125};
  static final double[] RATES = {0, 0.03, 0.1};
  static final double[] VOLS = {0.05, 0.2, 0.6};
  static final double[] TIMES = {0.02, 0.5, 1, 5};
  static final int GRID_SIZE =
      SPOTS.length * STRIKES.length * RATES.length * VOLS.length * TIMES.length;

  /** The largest difference between backprop's and the closed-form Greeks over the grid above. */
  static double maxDiffOverGrid() {
    double max = 0;
    for (double s : SPOTS) {
      for (double k : STRIKES) {
        for (double r : RATES) {
          for (double v : VOLS) {
            for (double t : TIMES) {
              var option = new Option(k, t);
              var market = new Market(s, r, v);
              max = Math.max(max, greeks(option, market).maxAbsDiff(ClosedForm.greeks(option, market)));
            }
          }
        }
      }
    }
    return max;
  }

  /** The textbook closed forms (Hull, ch. 19), with N and φ from {@link Normal}. */
  static final class ClosedForm {
    private ClosedForm() {}

    static Greeks greeks(Option option, Market market) {
      double spot = market.spot();
      double rate = market.rate();
      double vol = market.vol();
      double strike = option.strike();
      double time = option.time();
      double sqrtT = Math.sqrt(time);
      double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * time) / (vol * sqrtT);
      double d2 = d1 - vol * sqrtT;
      double discount = market.discount(time);
      double nd1 = Normal.cdf(d1);
      double nd2 = Normal.cdf(d2);
      double pdf1 = Normal.pdf(d1);
      return new Greeks(
          spot * nd1 - strike * discount * nd2,
          nd1,
          spot * pdf1 * sqrtT,
          strike * time * discount * nd2,
          -spot * pdf1 * vol / (2 * sqrtT) - rate * strike * discount * nd2,
          -discount * nd2);
    }
  }
}
