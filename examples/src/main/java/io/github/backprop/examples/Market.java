package io.github.backprop.examples;

/** The market an option is priced in: the spot price, the risk-free rate and the volatility. */
record Market(double spot, double rate, double vol) {
  /** The value today of 1 paid {@code time} years from now. */
  double discount(double time) {
    return Math.exp(-rate * time);
  }
}
