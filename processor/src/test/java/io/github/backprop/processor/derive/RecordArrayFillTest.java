package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code Point[] pts = new Point[n]} filled in a loop, then read: every mode. */
class RecordArrayFillTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                record Point(double x, double y) {}

                @Differentiable(forward = true, hessian = true)
                static double f(double a, double b, int n) {
                  Point[] pts = new Point[n];
                  for (int i = 0; i < n; i++) {
                    pts[i] = new Point(a * i, b + i);
                  }
                  double s = 0;
                  for (Point p : pts) {
                    s += p.x() * p.y();
                  }
                  return s + pts[n - 1].x();
                }
              }
              """));

  @Test
  void filledInALoopThenRead() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random random = new Random(2026134003L);
    for (double[] pt : new double[][] {{0.7, -1.3}, {1.9, 0.2}}) {
      Map<String, Object> g = GradCheck.check(C, "f", pt[0], pt[1], 4);
      // sum_i a i (b + i) + 3 a: d/da = sum_i i (b + i) + 3 = 6 b + 14 + 3, d/db = 6 a
      assertEquals(6 * pt[1] + 17, (Double) g.get("a"), 1e-12);
      assertEquals(6 * pt[0], (Double) g.get("b"), 1e-12);
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "f", new Object[] {pt[0], pt[1], 4}, random, 3).ran());
      HessianCheck.check(C, "f", new Object[] {pt[0], pt[1], 4});
    }
  }
}
