package io.github.backprop.benchmarks;

import io.github.backprop.Differentiable;
import java.util.SplittableRandom;

/**
 * The standard normal distribution function N(x), as the examples write it (Cody's rational
 * approximations, each polynomial by Horner's rule, in R's three ranges), and its derivative by
 * hand: the density φ(x). The generated gradient's cost against the primal's is the figure of
 * interest: each Horner polynomial's reverse sweep should cost about what its forward one does.
 */
public final class NormalCdf {
  private NormalCdf() {}

  static final double INV_SQRT_2PI = 0.398942280401432677939946059934;
  static final double SQRT_32 = 5.656854249492380195206754896838;
  static final double UNDERFLOW = 37.5193;

  /** N(x); backprop writes {@code NormalCdfGrad.cdf}. */
  @Differentiable
  public static double cdf(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double s = x * x;
      double num = (((0.065682337918207449113 * s + 2.2352520354606839287) * s
          + 161.02823106855587881) * s + 1067.6894854603709582) * s + 18154.981253343561249;
      double den = (((s + 47.20258190468824187) * s + 976.09855173777669322) * s
          + 10260.932208618978205) * s + 45507.789335026729956;
      return 0.5 + x * num / den;
    }
    if (y <= SQRT_32) {
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
    double s = 1 / (y * y);
    double num = ((((0.02307344176494017303 * s + 0.21589853405795699) * s
        + 0.1274011611602473639) * s + 0.022235277870649807) * s
        + 0.001421619193227893466) * s + 2.9112874951168792e-5;
    double den = ((((s + 1.28426009614491121) * s + 0.468238212480865118) * s
        + 0.0659881378689285515) * s + 0.00378239633202758244) * s + 7.29751555083966205e-5;
    double q = expHalfSquare(y) * (INV_SQRT_2PI - s * num / den) / y;
    return x > 0 ? 1 - q : q;
  }

  /** exp(−y²/2) without the rounding error of y² magnified by exp (see the examples' Normal). */
  @Differentiable
  public static double expHalfSquare(double y) {
    double u = Math.floor(y * 16) / 16;
    double del = (y - u) * (y + u);
    return Math.exp(-u * u * 0.5) * Math.exp(-del * 0.5);
  }

  /** The derivative by hand, closed form: φ(x) = exp(−x²/2) / √(2π). */
  public static double density(double x) {
    return INV_SQRT_2PI * expHalfSquare(Math.abs(x));
  }

  /**
   * 64 seeded points over [−9, 9]: about a seventh in the central range, most in the middle one,
   * the rest in the tails, so a timed call covers every branch.
   */
  public static double[] points() {
    SplittableRandom r = Data.random(17);
    double[] x = new double[64];
    for (int i = 0; i < x.length; i++) {
      x[i] = Data.uniform(r, -9, 9);
    }
    return x;
  }
}
