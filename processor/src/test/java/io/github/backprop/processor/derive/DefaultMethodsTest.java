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

/**
 * A default method of an interface a record or a value class implements runs in place as the
 * object's own methods do, its calls of the interface's methods (x()) reaching the object's.
 */
class DefaultMethodsTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                interface Normed {
                  double x();

                  double y();

                  default double norm2() {
                    return x() * x() + y() * y();
                  }

                  default double scaled(double k) {
                    return k * norm2();
                  }
                }

                record P(double x, double y) implements Normed {}

                static final class Q implements Normed {
                  private final double a;

                  Q(double a) {
                    this.a = a;
                  }

                  public double x() {
                    return Math.sin(a);
                  }

                  public double y() {
                    return a;
                  }
                }

                static double viaHelper(P p) {
                  return p.scaled(2);
                }

                @Differentiable(forward = true, hessian = true)
                static double f(double a, double b) {
                  P p = new P(a, b);
                  return p.norm2() + viaHelper(new P(b, a)) + new Q(a * b).scaled(0.5);
                }
              }
              """));

  @Test
  void defaultMethodsRunInPlace() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random random = new Random(2026134002L);
    for (double[] pt : new double[][] {{0.7, -1.3}, {1.9, 0.2}, {-0.6, 1.1}}) {
      Map<String, Object> g = GradCheck.check(C, "f", pt[0], pt[1]);
      // (a^2 + b^2)(1 + 2) + 0.5 (sin^2(ab) + (ab)^2): d/da = 6a + (sin(ab) cos(ab) + ab) b
      double ab = pt[0] * pt[1];
      assertEquals(6 * pt[0] + (Math.sin(ab) * Math.cos(ab) + ab) * pt[1], (Double) g.get("a"), 1e-12);
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "f", new Object[] {pt[0], pt[1]}, random, 3).ran());
      HessianCheck.check(C, "f", new Object[] {pt[0], pt[1]});
    }
  }
}
