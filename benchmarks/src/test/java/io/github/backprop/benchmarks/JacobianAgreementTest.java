package io.github.backprop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The generated Jacobians agree with central differences, Hipparchus and their closed forms. */
class JacobianAgreementTest {
  @Test
  void broyden() {
    double[] x = {-1.0, -0.5, 0.25, 0.8, 1.3};
    double[][] j = JacobianGrad.broydenJacobian(x).jacobian();
    double[][] fd = Jacobian.broydenDifferences(x);
    for (int i = 0; i < x.length; i++) {
      assertArrayEquals(fd[i], j[i], 1e-7, "row " + i);
      assertEquals(3 - 4 * x[i], j[i][i], 1e-15);
    }
  }

  @Test
  void broydenByHipparchusIsTheGeneratedJacobian() {
    double[] x = {-1.0, -0.5, 0.25, 0.8, 1.3};
    double[][] j = JacobianGrad.broydenJacobian(x).jacobian();
    double[][] h = Jacobian.broydenHipparchus(x);
    for (int i = 0; i < x.length; i++) {
      assertArrayEquals(j[i], h[i], 1e-15, "row " + i);
    }
  }

  @Test
  void decay() {
    double[] p = {2.5, 1.3, 0.5};
    double[] t = {0, 0.5, 1, 2, 3, 4};
    double[][] j = JacobianGrad.decayJacobian(p, t).jacobian();
    double[][] fd = Jacobian.decayDifferences(p, t);
    for (int i = 0; i < t.length; i++) {
      assertArrayEquals(fd[i], j[i], 1e-7, "row " + i);
      double e = Math.exp(-p[1] * t[i]);
      assertArrayEquals(new double[] {e, -p[0] * t[i] * e, 1}, j[i], 1e-15);
    }
  }
}
