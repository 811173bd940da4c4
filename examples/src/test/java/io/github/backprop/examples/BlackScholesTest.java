package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.Flat;
import io.github.backprop.GradientCheck;
import org.junit.jupiter.api.Test;

/** Greeks from backprop's gradient of the plain pricing formula against the textbook closed forms. */
class BlackScholesTest {
  private static void assertClose(double want, double got, String what) {
    assertEquals(want, got, 1e-10 * Math.max(1, Math.abs(want)), what);
  }

  private static void assertAgree(double s, double k, double r, double v, double t) {
    var option = new Option(k, t);
    var market = new Market(s, r, v);
    var ad = BlackScholes.greeks(option, market);
    var cf = BlackScholes.ClosedForm.greeks(option, market);
    String at = String.format(" at S=%s K=%s r=%s vol=%s T=%s", s, k, r, v, t);
    assertEquals(BlackScholes.call(s, k, r, v, t), ad.price(), "price" + at);
    assertClose(cf.price(), ad.price(), "price" + at);
    assertClose(cf.delta(), ad.delta(), "delta" + at);
    assertClose(cf.vega(), ad.vega(), "vega" + at);
    assertClose(cf.rho(), ad.rho(), "rho" + at);
    assertClose(cf.theta(), ad.theta(), "theta" + at);
    assertClose(cf.dStrike(), ad.dStrike(), "dV/dK" + at);
  }

  @Test
  void atTheMoneyHeadline() {
    // The numbers Main prints: S = K = 100, r = 5%, vol = 20%, one year (Hull's textbook case).
    var g = BlackScholes.greeks(new Option(100, 1), new Market(100, 0.05, 0.2));
    assertEquals(10.450583572185565, g.price(), 1e-12);
    assertEquals(0.6368306511756191, g.delta(), 1e-14);
    assertEquals(37.52403469169379, g.vega(), 1e-11);
    assertEquals(53.232481545376345, g.rho(), 1e-11);
    assertEquals(-6.414027546438197, g.theta(), 1e-11);
    assertEquals(-0.5323248154537634, g.dStrike(), 1e-14);
    assertAgree(100, 100, 0.05, 0.2, 1);
  }

  @Test
  void agreeWithClosedFormsAcrossSpotsStrikesVolsRatesAndTimes() {
    for (double s : BlackScholes.SPOTS) {
      for (double k : BlackScholes.STRIKES) {
        for (double r : BlackScholes.RATES) {
          for (double v : BlackScholes.VOLS) {
            for (double t : BlackScholes.TIMES) {
              assertAgree(s, k, r, v, t);
            }
          }
        }
      }
    }
    // Main's headline: the largest absolute difference over that grid.
    assertTrue(BlackScholes.maxDiffOverGrid() < 1e-10);
  }

  @Test
  void theRecordGradientIsTheScalarGradient() {
    for (double[] p : new double[][] {{100, 100, 0.05, 0.2, 1}, {80, 125, 0.1, 0.6, 5}, {300, 90, -0.01, 0.3, 2}}) {
      var scalar = BlackScholesGrad.call(p[0], p[1], p[2], p[3], p[4]);
      var records = BlackScholesGrad.price(new Option(p[1], p[4]), new Market(p[0], p[2], p[3]));
      assertEquals(scalar.value(), records.value(), 0.0);
      assertEquals(scalar.spot(), records.market().spot(), 0.0);
      assertEquals(scalar.rate(), records.market().rate(), 0.0);
      assertEquals(scalar.vol(), records.market().vol(), 0.0);
      assertEquals(scalar.strike(), records.option().strike(), 0.0);
      assertEquals(scalar.time(), records.option().time(), 0.0);
    }
  }

  @Test
  void theGeneratedGradientPassesTheGradientCheck() {
    // A user's check of a generated gradient: the five inputs as one flat vector, the gradient
    // flattened in the same order, compared with central differences in 16 random directions
    // and along each input.
    GradientCheck check =
        GradientCheck.of(
                x -> BlackScholes.call(x[0], x[1], x[2], x[3], x[4]),
                x -> {
                  var g = BlackScholesGrad.call(x[0], x[1], x[2], x[3], x[4]);
                  return Flat.of(g.spot()).and(g.strike()).and(g.rate()).and(g.vol())
                      .and(g.time()).toArray();
                })
            .directions(16)
            .seed(42)
            .alongAxes();
    check.at(100, 100, 0.05, 0.2, 1).check().assertWithin(1e-6);
    check.at(300, 100, 0.05, 0.2, 1).check().assertWithin(1e-6);
    check.at(100, 90, -0.01, 0.3, 2).check().assertWithin(1e-6);
    check.at(80, 125, 0.1, 0.6, 5).check().assertWithin(1e-6);
  }

  @Test
  void deepInAndOutOfTheMoneyAndShortExpiries() {
    assertAgree(300, 100, 0.05, 0.2, 1);
    assertAgree(30, 100, 0.05, 0.2, 1);
    assertAgree(100, 100, 0.05, 0.2, 1.0 / 365);
    assertAgree(100, 100, 0.05, 1.5, 10);
    assertAgree(100, 90, -0.01, 0.3, 2);
  }

  @Test
  void signsAndTheRhoStrikeRelation() {
    // Delta of a call lies in (0, 1), vega and rho are positive, dV/dK = -e^(-rT) N(d2) is negative.
    var g = BlackScholes.greeks(new Option(100, 0.75), new Market(105, 0.03, 0.25));
    assertTrue(g.delta() > 0 && g.delta() < 1);
    assertTrue(g.vega() > 0 && g.rho() > 0 && g.dStrike() < 0);
    // Theta of a call on a non-dividend stock is negative: value decays as expiry nears.
    assertTrue(g.theta() < 0);
    // d/dK and rho: rho = -K T dV/dK, both from the same N(d2).
    assertEquals(g.rho(), -100 * 0.75 * g.dStrike(), 1e-12);
  }
}
