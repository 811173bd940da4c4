package io.github.backprop.examples;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * N(x) in high precision with BigDecimal, independent of {@link Normal}: Marsaglia's series
 * N(x) = 1/2 + φ(x) (x + x³/3 + x⁵/(3·5) + x⁷/(3·5·7) + …), every term of one sign, summed with
 * enough digits that the cancellation against 1/2 for x &lt; 0 still leaves 25 correct digits.
 * π from Machin's formula, exp from its Taylor series after halving the argument.
 */
final class NormalReference {
  private NormalReference() {}

  /** √(2π) to 400 digits, enough for every x this class accepts. */
  private static final BigDecimal SQRT_2PI = pi(new MathContext(410))
      .multiply(BigDecimal.valueOf(2)).sqrt(new MathContext(400));

  /** N(x), correct to about 25 significant digits, for |x| ≤ 40. */
  static BigDecimal cdf(double x) {
    if (Math.abs(x) > 40) {
      throw new IllegalArgumentException("|x| > 40: " + x);
    }
    BigDecimal bx = new BigDecimal(x);
    // φ(x)·(largest term) is about 1 while N(x) is about exp(−x²/2): that many digits cancel.
    int digits = 40 + (int) Math.ceil(x * x / 2 / Math.log(10));
    MathContext mc = new MathContext(digits, RoundingMode.HALF_EVEN);
    BigDecimal x2 = bx.multiply(bx, mc);
    BigDecimal term = bx;
    BigDecimal sum = bx;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(digits + 5);
    for (int k = 3; ; k += 2) {
      term = term.multiply(x2, mc).divide(BigDecimal.valueOf(k), mc);
      sum = sum.add(term, mc);
      if (k > x * x && term.abs().compareTo(eps.multiply(sum.abs(), mc)) < 0) {
        break;
      }
    }
    BigDecimal phi = BigDecimal.ONE.divide(exp(x2.divide(BigDecimal.valueOf(2), mc), mc), mc)
        .divide(SQRT_2PI, mc);
    return new BigDecimal("0.5").add(phi.multiply(sum, mc), mc);
  }

  /** exp(z) for z ≥ 0: Taylor series of z / 2^k, then squared k times. */
  static BigDecimal exp(BigDecimal z, MathContext outer) {
    MathContext mc = new MathContext(outer.getPrecision() + 20, RoundingMode.HALF_EVEN);
    int k = 0;
    BigDecimal r = z;
    while (r.compareTo(BigDecimal.ONE) > 0) {
      r = r.divide(BigDecimal.valueOf(2), mc);
      k++;
    }
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
    for (int n = 1; term.compareTo(eps) > 0; n++) {
      term = term.multiply(r, mc).divide(BigDecimal.valueOf(n), mc);
      sum = sum.add(term, mc);
    }
    for (int i = 0; i < k; i++) {
      sum = sum.multiply(sum, mc);
    }
    return sum.round(outer);
  }

  /** π = 16 atan(1/5) − 4 atan(1/239). */
  static BigDecimal pi(MathContext outer) {
    MathContext mc = new MathContext(outer.getPrecision() + 10, RoundingMode.HALF_EVEN);
    return atanInverse(5, mc).multiply(BigDecimal.valueOf(16))
        .subtract(atanInverse(239, mc).multiply(BigDecimal.valueOf(4))).round(outer);
  }

  /** atan(1/n) = Σ (−1)^k / ((2k + 1) n^(2k+1)). */
  private static BigDecimal atanInverse(int n, MathContext mc) {
    BigDecimal n2 = BigDecimal.valueOf((long) n * n);
    BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc);
    BigDecimal sum = power;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
    for (int k = 1; power.compareTo(eps) > 0; k++) {
      power = power.divide(n2, mc);
      BigDecimal t = power.divide(BigDecimal.valueOf(2L * k + 1), mc);
      sum = (k % 2 == 1) ? sum.subtract(t, mc) : sum.add(t, mc);
    }
    return sum;
  }
}
