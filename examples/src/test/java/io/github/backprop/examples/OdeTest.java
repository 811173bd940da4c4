package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Forward mode through a Runge–Kutta integration: the sensitivity ∂x(T)/∂r. */
class OdeTest {
  @Test
  void sensitivityMatchesTheClosedFormAndReverseMode() {
    for (double r : new double[] {0.3, 0.8, 1.5}) {
      var jvp = OdeGrad.logisticJvp(r, Ode.K, Ode.X0, Ode.T, Ode.STEPS, 1, 0, 0);
      var grad = OdeGrad.logistic(r, Ode.K, Ode.X0, Ode.T, Ode.STEPS);
      assertEquals(Ode.logistic(r, Ode.K, Ode.X0, Ode.T, Ode.STEPS), jvp.value(), 0.0);
      assertEquals(grad.r(), jvp.tangent(), 1e-12 * Math.abs(grad.r()));
      assertEquals(Ode.exactDr(r, Ode.K, Ode.X0, Ode.T), jvp.tangent(), 1e-6);
      assertEquals(Ode.exact(r, Ode.K, Ode.X0, Ode.T), jvp.value(), 1e-7);
    }
  }

  @Test
  void aDirectionGivesTheDirectionalDerivative() {
    double[] v = {0.5, -0.25, 2};
    var jvp = OdeGrad.logisticJvp(Ode.R, Ode.K, Ode.X0, Ode.T, Ode.STEPS, v[0], v[1], v[2]);
    var g = OdeGrad.logistic(Ode.R, Ode.K, Ode.X0, Ode.T, Ode.STEPS);
    assertEquals(g.r() * v[0] + g.k() * v[1] + g.x0() * v[2], jvp.tangent(), 1e-12);
  }
}
