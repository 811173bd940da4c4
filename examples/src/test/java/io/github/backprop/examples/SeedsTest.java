package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The seed examples' numbers, exactly as the README and Main print them. */
class SeedsTest {
  @Test
  void quadraticSlopeIsExact() {
    double[][] cases = {{2, 5}, {6, 21}, {-2, -11}, {0.75, 0}};
    for (double[] c : cases) {
      var g = SeedsGrad.quadratic(c[0]);
      assertEquals(Seeds.quadratic(c[0]), g.value());
      assertEquals(c[1], g.x());
      // A finite difference is close, not exact.
      assertEquals(c[1], FiniteDifference.central(Seeds::quadratic, c[0], 1e-6), 1e-4);
    }
  }

  @Test
  void affine() {
    var d = SeedsGrad.affine(3, -2, 8);
    assertEquals(2.0, d.value());
    assertEquals(-2.0, d.a());
    assertEquals(3.0, d.b());
    assertEquals(1.0, d.c());
  }

  @Test
  void loss() {
    var l = SeedsGrad.loss(3, -2, 8, -2);
    assertEquals(-4.0, l.value());
    assertEquals(4.0, l.a());
    assertEquals(-6.0, l.b());
    assertEquals(-2.0, l.c());
    assertEquals(2.0, l.f());
  }

  @Test
  void sumTimesAndOneAscentStep() {
    var s = SeedsGrad.sumTimes(5, -3, -2);
    assertEquals(-4.0, s.value());
    assertEquals(-2.0, s.a());
    assertEquals(-2.0, s.b());
    assertEquals(2.0, s.c());
    assertEquals(-3.88, Seeds.ascentStep(5, -3, -2, 0.01), 1e-3);
  }
}
