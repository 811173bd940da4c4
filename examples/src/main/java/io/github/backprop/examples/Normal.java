package io.github.backprop.examples;

import io.github.backprop.Differentiable;

/**
 * The standard normal distribution function N(x), written as plain straight-line Java so that
 * backprop differentiates it like any other code.
 *
 * <p>The approximation is W. J. Cody's (Math. Comp. 23, 1969, "Rational Chebyshev approximations
 * for the error function"; the ANORM routine of his SPECFUN package), in the three ranges R's
 * {@code pnorm} uses: a rational function of x² for |x| ≤ 0.67448975, a rational function of |x|
 * times exp(−x²/2) up to √32, and an asymptotic rational function of 1/x² beyond. Each polynomial
 * is written out with Horner's rule. Its relative error is a few units in the last place in
 * double precision; {@code NormalTest} checks it against a 100-digit BigDecimal reference.
 *
 * <p>For x &gt; 0 the upper tail Q(x) = 1 − N(x) is computed and N(x) = 1 − Q(x), so N(−x) and
 * 1 − N(x) agree to rounding and the lower tail keeps its full relative accuracy down to N(−37.5)
 * ≈ 5e−308.
 */
final class Normal {
  private Normal() {}

  /** 1 / √(2π). */
  static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

  /** √32, the end of the middle range. */
  static final double SQRT_32 = 5.656854249492380195206754896838;

  /** N(x) for x below −37.5193 is smaller than the smallest normal double. */
  static final double UNDERFLOW = 37.5193;

  /** N(x) = P(Z ≤ x) for a standard normal Z. Its gradient is the density φ(x). */
  @Differentiable
  static double cdf(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      // N(x) = 1/2 + x A(x²) / B(x²).
      double s = x * x;
      double num = (((0.065682337918207449113 * s + 2.2352520354606839287) * s
          + 161.02823106855587881) * s + 1067.6894854603709582) * s + 18154.981253343561249;
      double den = (((s + 47.20258190468824187) * s + 976.09855173777669322) * s
          + 10260.932208618978205) * s + 45507.789335026729956;
      return 0.5 + x * num / den;
    }
    if (y <= SQRT_32) {
      // Q(y) = exp(−y²/2) C(y) / D(y).
      double num = (((((((1.0765576773720192317e-8 * y + 0.39894151208813466764) * y
          + 8.8831497943883759412) * y + 93.506656132177855979) * y
          + 597.27027639480026226) * y + 2494.5375852903726711) * y
          + 6848.1904505362823326) * y + 11602.651437647350124) * y + 9842.7148383839780218;
      double den = (((((((y + 22.266688044328115691) * y + 235.38790178262499861) * y
          + 1519.377599407554805) * y + 6485.558298266760755) * y
          + 18615.571640885098091) * y + 34900.952721145977266) * y
          + 38912.003286093271411) * y + 19685.429676859990727;
      double q = expHalfSquare(y) * num / den;
      return x > 0 ? 1 - q : q;
    }
    if (y > UNDERFLOW) {
      return x > 0 ? 1.0 : 0.0;
    }
    // Q(y) = exp(−y²/2) (1/√(2π) − s P(s) / R(s)) / y with s = 1/y² (NaN ends up here too).
    double s = 1 / (y * y);
    double num = ((((0.02307344176494017303 * s + 0.21589853405795699) * s
        + 0.1274011611602473639) * s + 0.022235277870649807) * s
        + 0.001421619193227893466) * s + 2.9112874951168792e-5;
    double den = ((((s + 1.28426009614491121) * s + 0.468238212480865118) * s
        + 0.0659881378689285515) * s + 0.00378239633202758244) * s + 7.29751555083966205e-5;
    double q = expHalfSquare(y) * (INV_SQRT_2PI - s * num / den) / y;
    return x > 0 ? 1 - q : q;
  }

  /**
   * exp(−y²/2) for y ≥ 0 without the rounding error of y² magnified by exp: y² is split as
   * u² + (y − u)(y + u) with u = ⌊16y⌋/16, whose square is exact. (⌊·⌋ has derivative 0 and
   * u² + (y − u)(y + u) = y² identically, so the derivative is exactly −y·exp(−y²/2).)
   */
  @Differentiable
  static double expHalfSquare(double y) {
    double u = Math.floor(y * 16) / 16;
    double del = (y - u) * (y + u);
    return Math.exp(-u * u * 0.5) * Math.exp(-del * 0.5);
  }

  /** The density φ(x) = exp(−x²/2) / √(2π), for the closed-form Greeks. */
  static double pdf(double x) {
    return INV_SQRT_2PI * expHalfSquare(Math.abs(x));
  }
}
