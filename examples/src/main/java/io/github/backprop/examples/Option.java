package io.github.backprop.examples;

/** A European call option: its strike and its time to expiry in years. */
record Option(double strike, double time) {
  Option {
    if (!(strike > 0) || !(time > 0)) {
      throw new IllegalArgumentException("strike and time must be positive: " + strike + ", " + time);
    }
  }

  /** What the call pays at expiry if the underlying is then at {@code terminal}. */
  double payoff(double terminal) {
    return Math.max(terminal - strike, 0);
  }
}
