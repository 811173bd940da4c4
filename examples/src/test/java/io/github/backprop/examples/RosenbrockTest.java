package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RosenbrockTest {
  @Test
  void gradientMatchesTheHandWrittenOne() {
    for (double[] p : new double[][] {{-1.2, 1}, {0, 0}, {1, 1}, {2, -1}, {0.5, 3}}) {
      double x = p[0];
      double y = p[1];
      var g = RosenbrockGrad.f(x, y);
      assertEquals(Rosenbrock.f(x, y), g.value());
      assertEquals(-2 * (1 - x) - 400 * x * (y - x * x), g.x(), 1e-12);
      assertEquals(200 * (y - x * x), g.y(), 1e-12);
    }
  }

  @Test
  void conjugateGradientsConvergeToOneOne() {
    var r = Rosenbrock.minimise();
    assertEquals(1.0, r.x(), 1e-6);
    assertEquals(1.0, r.y(), 1e-6);
    assertTrue(r.distanceToMinimum() < 1e-6, "distance " + r.distanceToMinimum());
    assertTrue(r.value() < 1e-12, "f = " + r.value());
    // The headline Main prints: a few dozen iterations, one gradient per iterate.
    assertTrue(r.iterations() > 5 && r.iterations() < 200, "iterations " + r.iterations());
    assertEquals(r.iterations(), r.gradients());
    assertEquals(r.gradients(), r.path().size());
    assertTrue(r.evaluations() > r.iterations());
    assertArrayEquals(new double[] {-1.2, 1}, r.path().get(0));
  }
}
