package io.github.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Trigamma against its known values and its series: the derivative of digamma. */
class PolygammaTest {
  @Test
  void knownValues() {
    // trigamma(1) = pi^2 / 6, trigamma(1/2) = pi^2 / 2, trigamma(n + 1) = trigamma(n) - 1 / n^2
    assertEquals(Math.PI * Math.PI / 6, Polygamma.trigamma(1), 1e-15);
    assertEquals(Math.PI * Math.PI / 2, Polygamma.trigamma(0.5), 1e-14);
    assertEquals(Math.PI * Math.PI / 6 - 1 - 0.25, Polygamma.trigamma(3), 1e-15);
    // large x: 1/x + 1/(2x^2) + 1/(6x^3) to double precision
    double x = 1e6;
    assertEquals(1 / x + 1 / (2 * x * x) + 1 / (6 * x * x * x), Polygamma.trigamma(x), 1e-22);
  }

  @Test
  void recurrenceAcrossTheSeriesThreshold() {
    for (double x : new double[] {0.3, 2.7, 48.5, 48.999, 49, 60.25}) {
      double step = Polygamma.trigamma(x) - Polygamma.trigamma(x + 1);
      assertEquals(1 / (x * x), step, 1e-15 * Polygamma.trigamma(x), "at " + x);
    }
  }

  @Test
  void negativeAndSpecialArguments() {
    // trigamma(-1/2) = pi^2 / 2 + 4
    assertEquals(Math.PI * Math.PI / 2 + 4, Polygamma.trigamma(-0.5), 1e-13);
    // trigamma(-2.25) = pi^2 / sin^2(2.25 pi) - trigamma(3.25), with trigamma(3.25) from its recurrence
    double t325 = Polygamma.trigamma(0.25) - 1 / 0.0625 - 1 / (1.25 * 1.25) - 1 / (2.25 * 2.25);
    assertEquals(2 * Math.PI * Math.PI - t325, Polygamma.trigamma(-2.25), 1e-12);
    assertTrue(Double.isNaN(Polygamma.trigamma(Double.NaN)));
    assertTrue(Double.isNaN(Polygamma.trigamma(Double.NEGATIVE_INFINITY)));
    assertEquals(Double.POSITIVE_INFINITY, Polygamma.trigamma(0));
    assertEquals(0.0, Polygamma.trigamma(Double.POSITIVE_INFINITY));
  }
}
