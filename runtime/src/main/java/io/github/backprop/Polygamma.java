package io.github.backprop;

/**
 * Trigamma, the derivative of digamma, for generated code that differentiates a library's
 * digamma where the library has no trigamma of its own (Smile 1.x). The recurrence {@code
 * trigamma(x) = trigamma(x + 1) + 1 / x^2} carries x up to 49, where the asymptotic series to
 * {@code x^-9} is exact to double precision, as in Hipparchus and Commons Math; a negative x is
 * reflected first, {@code trigamma(x) = pi^2 / sin^2(pi x) - trigamma(1 - x)}.
 */
public final class Polygamma {
  private Polygamma() {}

  /** From it on, the asymptotic series is exact to double precision. */
  private static final double LARGE = 49;

  /** The derivative of the digamma function at {@code x}: infinite at 0, 0 at infinity, NaN at minus infinity. */
  public static double trigamma(double x) {
    if (x < 0) {
      double s = Math.PI / Math.sin(Math.PI * x);
      return s * s - trigamma(1 - x);
    }
    double sum = 0;
    while (x < LARGE) {
      sum += 1 / (x * x);
      x += 1;
    }
    double inv = 1 / (x * x);
    //  1    1      1       1       1       1
    //  - + ---- + ---- - ----- + ----- - -----
    //  x      2      3       5       7       9
    //      2 x    6 x    30 x    42 x    30 x
    return 1 / x + inv / 2 + inv / x * (1.0 / 6 - inv * (1.0 / 30 - inv * (1.0 / 42 - inv / 30))) + sum;
  }
}
