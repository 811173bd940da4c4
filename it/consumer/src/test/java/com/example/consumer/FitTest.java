package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FitTest {
  @Test
  void gradientIsTheNormalEquationsResidual() {
    double[] w = {0.5, -1.25};
    double[] x = {-1, 0, 2, 3.5};
    double[] y = {1, 0.25, -2, -4};
    double r0 = 0;
    double r1 = 0;
    for (int i = 0; i < x.length; i++) {
      double r = w[0] + w[1] * x[i] - y[i];
      r0 += 2 * r / x.length;
      r1 += 2 * r * x[i] / x.length;
    }
    var g = FitGrad.loss(w, x, y);
    assertEquals(Fit.loss(w, x, y), g.value());
    assertArrayEquals(new double[] {r0, r1}, g.w(), 1e-12);
  }
}
