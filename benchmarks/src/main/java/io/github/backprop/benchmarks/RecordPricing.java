package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;

/**
 * One pricing function written over a record and over scalar parameters, for the cost of
 * record parameters: the generated gradient of each, side by side. Run by name.
 */
public final class RecordPricing {
  private RecordPricing() {}

  /** A European call in its market, as a domain model holds it. */
  public record Option(double spot, double strike, double vol, double rate, double expiry) {}

  @Differentiable
  public static double price(Option o) {
    return ForwardMode.call(o.spot(), o.strike(), o.vol(), o.rate(), o.expiry());
  }

  @Differentiable
  public static double priceScalars(double spot, double strike, double vol, double rate, double expiry) {
    return ForwardMode.call(spot, strike, vol, rate, expiry);
  }
}
