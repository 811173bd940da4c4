package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** Normal.cdf against a BigDecimal reference, known values and its own symmetry; its gradient against φ. */
class NormalTest {
  /** Relative error |got − want| / |want| against the high-precision reference. */
  private static double relativeError(double got, double x) {
    BigDecimal want = NormalReference.cdf(x);
    return new BigDecimal(got).subtract(want).abs()
        .divide(want, MathContext.DECIMAL64).doubleValue();
  }

  private static void assertAccurate(double x) {
    double rel = relativeError(Normal.cdf(x), x);
    assertTrue(rel < 1e-14, () -> "N(" + x + ") has relative error " + rel);
  }

  @Test
  void centreAndSymmetry() {
    assertEquals(0.5, Normal.cdf(0));
    assertEquals(0.5, Normal.cdf(-0.0));
    for (double x = 0.001; x < 40; x *= 1.1) {
      assertEquals(1.0, Normal.cdf(x) + Normal.cdf(-x), 2.3e-16, "N(x) + N(-x) at " + x);
    }
  }

  @Test
  void tabulatedValues() {
    // Abramowitz & Stegun, table 26.1, and the usual quoted tail probabilities.
    assertEquals(0.8413447460685429, Normal.cdf(1), 1e-16);
    assertEquals(0.9772498680518208, Normal.cdf(2), 1e-16);
    assertEquals(0.9986501019683699, Normal.cdf(3), 1e-16);
    assertEquals(2.866515718791939e-7, Normal.cdf(-5), 1e-21);
    assertEquals(7.619853024160527e-24, Normal.cdf(-10), 1e-37);
  }

  @Test
  void theReferenceItselfMatchesTabulatedValues() {
    MathContext mc = new MathContext(25);
    assertEquals("0.8413447460685429485852325", NormalReference.cdf(1).round(mc).toString());
    assertEquals("2.866515718791939116737523E-7", NormalReference.cdf(-5).round(mc).toString());
    assertEquals("3.14159265358979323846264338327950288419716939937510582097494",
        NormalReference.pi(new MathContext(60)).toString());
  }

  @Test
  void relativeErrorBelow1e14FromMinus37ToPlus8() {
    for (double x = -8; x <= 8.5; x += 0.02) {
      assertAccurate(x);
    }
    for (double x = -37.5; x < -8; x += 0.5) {
      assertAccurate(x);
    }
  }

  @Test
  void rangeBoundariesFromBothSides() {
    for (double edge : new double[] {0.67448975, Normal.SQRT_32}) {
      for (double x : new double[] {edge, Math.nextUp(edge), Math.nextDown(edge)}) {
        assertAccurate(x);
        assertAccurate(-x);
      }
    }
    assertAccurate(1e-300);
    assertAccurate(-1e-300);
    // Below -37.5193 N(x) is subnormal and returned as 0: the jump there is below 1e-307.
    assertEquals(0.0, Normal.cdf(-Math.nextUp(Normal.UNDERFLOW)));
    assertEquals(0.0, Normal.cdf(-Normal.UNDERFLOW), 1e-307);
  }

  @Test
  void extremes() {
    assertEquals(0.0, Normal.cdf(-40));
    assertEquals(1.0, Normal.cdf(40));
    assertEquals(0.0, Normal.cdf(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, Normal.cdf(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(Normal.cdf(Double.NaN)));
    assertEquals(0.0, NormalGrad.cdf(-40).x());
    assertEquals(0.0, NormalGrad.cdf(Double.POSITIVE_INFINITY).x());
  }

  @Test
  void gradientIsTheDensity() {
    for (double x = -37.5; x <= 8.5; x += 0.01) {
      var g = NormalGrad.cdf(x);
      assertEquals(Normal.cdf(x), g.value());
      double pdf = Normal.pdf(x);
      assertEquals(pdf, g.x(), 1e-14 * pdf, "N'(" + x + ")");
    }
    assertEquals(1 / Math.sqrt(2 * Math.PI), NormalGrad.cdf(0).x(), 1e-16);
  }
}
