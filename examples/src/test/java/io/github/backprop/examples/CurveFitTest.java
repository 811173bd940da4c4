package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

/** Levenberg–Marquardt with backprop's Jacobian recovers the parameters the data were made from. */
class CurveFitTest {
  @Test
  void jacobianRowsAreThePartialsOfTheModel() {
    double a = 2;
    double k = 0.7;
    double c = -0.3;
    for (double t = 0; t <= 4; t += 0.25) {
      var g = CurveFitGrad.model(a, k, c, t);
      double e = Math.exp(-k * t);
      assertEquals(a * e + c, g.value(), 1e-15);
      assertEquals(e, g.a(), 1e-15);
      assertEquals(-a * t * e, g.k(), 1e-14);
      assertEquals(1.0, g.c());
    }
    var vj = CurveFit.valueAndJacobian(new ArrayRealVector(new double[] {a, k, c}), new double[] {0, 1, 2});
    assertEquals(3, vj.getSecond().getRowDimension());
    assertEquals(3, vj.getSecond().getColumnDimension());
    assertEquals(-a * 2 * Math.exp(-2 * k), vj.getSecond().getEntry(2, 1), 1e-14);
    assertEquals(CurveFit.model(a, k, c, 1), vj.getFirst().getEntry(1), 1e-15);
    // Each row of the generated Jacobian is the model's own gradient at that time.
    for (int i = 0; i < 3; i++) {
      var g = CurveFitGrad.model(a, k, c, i);
      double[] row = vj.getSecond().getRow(i);
      assertEquals(g.a(), row[0], 1e-15);
      assertEquals(g.k(), row[1], 1e-15);
      assertEquals(g.c(), row[2], 1e-15);
    }
  }

  @Test
  void noiselessDataAreFittedExactly() {
    var f = CurveFit.fit(CurveFit.data(CurveFit.POINTS, 0, CurveFit.SEED));
    assertEquals(CurveFit.TRUE_A, f.a(), 1e-8);
    assertEquals(CurveFit.TRUE_K, f.k(), 1e-8);
    assertEquals(CurveFit.TRUE_C, f.c(), 1e-8);
    assertTrue(f.residualNorm() < 1e-8, "residual norm " + f.residualNorm());
  }

  @Test
  void parametersAreRecoveredWithinTheirStandardErrors() {
    var f = CurveFit.fitMainData();
    double[] fitted = {f.a(), f.k(), f.c()};
    double[] truth = {CurveFit.TRUE_A, CurveFit.TRUE_K, CurveFit.TRUE_C};
    for (int i = 0; i < 3; i++) {
      assertTrue(f.se()[i] > 0 && f.se()[i] < 0.1, "standard error " + f.se()[i]);
      double dev = Math.abs(fitted[i] - truth[i]) / f.se()[i];
      assertTrue(dev < 4, "parameter " + i + ": " + fitted[i] + " vs " + truth[i] + ", " + dev + " standard errors");
    }
    // The residuals are the noise: their standard deviation is close to the 0.05 put in.
    assertEquals(CurveFit.NOISE, f.noiseEstimate(CurveFit.POINTS), 0.2 * CurveFit.NOISE);
  }

  @Test
  void recoveryFromOtherSeedsToo() {
    for (long seed = 100; seed < 110; seed++) {
      var f = CurveFit.fit(CurveFit.data(CurveFit.POINTS, CurveFit.NOISE, seed));
      assertEquals(CurveFit.TRUE_A, f.a(), 5 * f.se()[0], "a, seed " + seed);
      assertEquals(CurveFit.TRUE_K, f.k(), 5 * f.se()[1], "k, seed " + seed);
      assertEquals(CurveFit.TRUE_C, f.c(), 5 * f.se()[2], "c, seed " + seed);
    }
  }

  @Test
  void standardErrorsMatchTheSpreadOverManyDataSets() {
    int runs = 200;
    double[][] est = new double[3][runs];
    double[] meanSe = new double[3];
    for (int r = 0; r < runs; r++) {
      var f = CurveFit.fit(CurveFit.data(CurveFit.POINTS, CurveFit.NOISE, 1000 + r));
      double[] p = {f.a(), f.k(), f.c()};
      for (int i = 0; i < 3; i++) {
        est[i][r] = p[i];
        meanSe[i] += f.se()[i] / runs;
      }
    }
    for (int i = 0; i < 3; i++) {
      double mean = 0;
      for (double v : est[i]) {
        mean += v / runs;
      }
      double ss = 0;
      for (double v : est[i]) {
        ss += (v - mean) * (v - mean);
      }
      double spread = Math.sqrt(ss / (runs - 1));
      // 200 data sets estimate a standard deviation to about 5%.
      assertEquals(spread, meanSe[i], 0.2 * spread, "parameter " + i);
    }
  }

  @Test
  void headlineNumbers() {
    // What Main prints.
    var f = CurveFit.fitMainData();
    assertEquals(2.5470, f.a(), 5e-5);
    assertEquals(1.3138, f.k(), 5e-5);
    assertEquals(0.4973, f.c(), 5e-5);
    assertEquals(0.0314, f.se()[0], 5e-5);
    assertEquals(0.0351, f.se()[1], 5e-5);
    assertEquals(0.0137, f.se()[2], 5e-5);
    assertEquals(0.3621, f.residualNorm(), 5e-5);
    assertEquals(6, f.iterations());
    assertEquals(8, f.evaluations());
  }
}
