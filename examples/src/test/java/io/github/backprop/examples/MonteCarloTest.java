package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.Flat;
import io.github.backprop.GradientCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Monte Carlo Greeks from one generated reverse sweep: against the closed forms and by hand. */
class MonteCarloTest {
  static final double S = 100;
  static final double K = 100;
  static final double R = 0.05;
  static final double VOL = 0.2;
  static final double T = 1;
  static final Option OPTION = new Option(K, T);
  static final Market MARKET = new Market(S, R, VOL);

  private static double[] z;
  private static MonteCarlo.Estimate mc;

  @BeforeAll
  static void simulate() {
    z = MonteCarlo.antitheticNormals(MonteCarlo.PATHS, MonteCarlo.SEED);
    mc = MonteCarlo.estimate(OPTION, MARKET, z, MonteCarlo.BATCHES);
  }

  /**
   * The pathwise estimators of one path, written out by hand: with D = e^(−rT) and
   * S_T = S exp((r − σ²/2)T + σ√T z), price D (S_T − K)⁺, delta D 1{S_T > K} S_T / S, and so on.
   */
  static double[] byHand(double s, double k, double r, double vol, double t, double zi) {
    double discount = Math.exp(-r * t);
    double terminal = s * Math.exp((r - 0.5 * vol * vol) * t + vol * Math.sqrt(t) * zi);
    double payoff = Math.max(terminal - k, 0);
    double itm = terminal > k ? 1 : 0;
    double dTerminalDt = terminal * ((r - 0.5 * vol * vol) + vol * zi / (2 * Math.sqrt(t)));
    return new double[] {
        discount * payoff,
        discount * itm * terminal / s,
        discount * itm * terminal * (-vol * t + Math.sqrt(t) * zi),
        -t * discount * payoff + discount * itm * terminal * t,
        -(-r * discount * payoff + discount * itm * dTerminalDt),
        -discount * itm,
    };
  }

  static final String[] NAMES = {"price", "delta", "vega", "rho", "theta", "dV/dK"};

  @Test
  void drawsAreAntitheticPairs() {
    assertEquals(MonteCarlo.PATHS, z.length);
    double sum = 0;
    for (int i = 0; i < z.length; i += 2) {
      assertEquals(-z[i], z[i + 1]);
      sum += z[i];
    }
    // A rough check that they are standard normal draws.
    assertEquals(0, sum / (z.length / 2), 0.01);
    assertThrows(IllegalArgumentException.class, () -> MonteCarlo.antitheticNormals(3, 1));
  }

  @Test
  void generatedGreeksAreThePerPathPathwiseEstimators() {
    double[] sums = new double[6];
    for (double zi : z) {
      double[] p = byHand(S, K, R, VOL, T, zi);
      for (int k = 0; k < 6; k++) {
        sums[k] += p[k];
      }
    }
    double[] ad = mc.estimate().toArray();
    for (int k = 0; k < 6; k++) {
      double want = sums[k] / z.length;
      assertEquals(want, ad[k], 1e-12 * Math.abs(want), NAMES[k]);
    }
    assertEquals(MonteCarlo.price(OPTION, MARKET, z), mc.estimate().price());
  }

  @Test
  void generatedGreeksAreThePathwiseEstimatorsAtOtherParameters() {
    double[] few = MonteCarlo.antitheticNormals(2_000, 3);
    double[][] cases = {{80, 100, 0.03, 0.3, 2}, {120, 100, 0.0, 0.15, 0.25}, {100, 90, -0.01, 0.5, 5}};
    for (double[] c : cases) {
      double[] sums = new double[6];
      for (double zi : few) {
        double[] p = byHand(c[0], c[1], c[2], c[3], c[4], zi);
        for (int k = 0; k < 6; k++) {
          sums[k] += p[k];
        }
      }
      double[] ad = MonteCarlo.greeks(new Option(c[1], c[4]), new Market(c[0], c[2], c[3]), few).toArray();
      for (int k = 0; k < 6; k++) {
        double want = sums[k] / few.length;
        assertEquals(want, ad[k], 1e-12 * Math.abs(want), NAMES[k] + " at " + java.util.Arrays.toString(c));
      }
    }
  }

  @Test
  void generatedGreeksPassTheGradientCheckAtFixedDraws() {
    // With the draws fixed, the price is a smooth function of the five inputs between the kinks
    // of the paths' payoffs; steps of a millionth of each input stay clear of them here.
    double[] few = MonteCarlo.antitheticNormals(2_000, 5);
    GradientCheck check =
        GradientCheck.of(
                x -> MonteCarlo.price(new Option(x[0], x[1]), new Market(x[2], x[3], x[4]), few),
                x -> {
                  var g = MonteCarloGrad.price(new Option(x[0], x[1]), new Market(x[2], x[3], x[4]), few);
                  return Flat.of(g.option().strike()).and(g.option().time())
                      .and(g.market().spot()).and(g.market().rate()).and(g.market().vol()).toArray();
                })
            .directions(8)
            .seed(11)
            .alongAxes()
            .step(1e-6);
    check.at(K, T, S, R, VOL).check().assertWithin(1e-6);
    check.at(100, 2, 80, 0.03, 0.3).check().assertWithin(1e-6);
    check.at(90, 5, 100, -0.01, 0.5).check().assertWithin(1e-6);
    check.at(125, 0.25, 120, 0, 0.15).check().assertWithin(1e-6);
  }

  @Test
  void greeksAgreeWithTheClosedFormWithinFourStandardErrors() {
    double[] est = mc.estimate().toArray();
    double[] se = mc.standardError().toArray();
    double[] cf = BlackScholes.ClosedForm.greeks(OPTION, MARKET).toArray();
    for (int k = 0; k < 6; k++) {
      assertTrue(se[k] > 0, NAMES[k]);
      double dev = Math.abs(est[k] - cf[k]) / se[k];
      assertTrue(dev < 4, NAMES[k] + ": " + est[k] + " vs closed form " + cf[k] + ", " + dev + " standard errors");
    }
  }

  @Test
  void batchMeansStandardErrorsAgreeWithThePerPairOnes() {
    // The standard error from the spread of the antithetic pairs, by hand.
    int pairs = z.length / 2;
    double[] sum = new double[6];
    double[] sumSq = new double[6];
    for (int i = 0; i < z.length; i += 2) {
      double[] a = byHand(S, K, R, VOL, T, z[i]);
      double[] b = byHand(S, K, R, VOL, T, z[i + 1]);
      for (int k = 0; k < 6; k++) {
        double y = (a[k] + b[k]) / 2;
        sum[k] += y;
        sumSq[k] += y * y;
      }
    }
    double[] se = mc.standardError().toArray();
    for (int k = 0; k < 6; k++) {
      double mean = sum[k] / pairs;
      double var = (sumSq[k] - pairs * mean * mean) / (pairs - 1);
      double want = Math.sqrt(var / pairs);
      // 100 batches estimate a standard error to about 7%.
      assertEquals(want, se[k], 0.25 * want, NAMES[k]);
    }
  }

  @Test
  void headlineNumbers() {
    // What Main prints (seed 42, 200,000 draws).
    var e = mc.estimate();
    assertEquals(10.448585, e.price(), 5e-7);
    assertEquals(0.636176, e.delta(), 5e-7);
    assertEquals(37.538207, e.vega(), 5e-7);
    assertEquals(53.168969, e.rho(), 5e-7);
    assertEquals(-6.412269, e.theta(), 5e-7);
    assertEquals(-0.531690, e.dStrike(), 5e-7);
    var se = mc.standardError();
    assertEquals(0.025061, se.price(), 5e-7);
    assertEquals(0.000483, se.delta(), 5e-7);
  }

  @Test
  void costIsMeasured() {
    double[] few = MonteCarlo.antitheticNormals(20_000, 1);
    var cost = MonteCarlo.cost(OPTION, MARKET, few, 3, 5);
    assertTrue(cost.priceNanos() > 0 && cost.gradientNanos() > 0, cost.toString());
    assertTrue(Double.isFinite(cost.ratio()) && cost.ratio() > 0, cost.toString());
  }

  @Test
  void batchesMustHoldWholePairs() {
    assertThrows(IllegalArgumentException.class, () -> MonteCarlo.estimate(OPTION, MARKET, z, 7));
    assertThrows(IllegalArgumentException.class,
        () -> MonteCarlo.estimate(OPTION, MARKET, new double[30], 10));
  }
}
