package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Forward mode through a for loop whose update writes an array element and whose body continues. */
class ForwardLoopUpdatesTest {
  private static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true) static double f(double x, double[] a) {
            double s = 0;
            for (int i = 0; i < 4; a[0] += x, i++) {
              if (i == 1) {
                continue;
              }
              s += a[0] * x;
            }
            return s;
          }
          """);

  /**
   * The writer moved an update that was not an assignment to the end of the body, where continue
   * skips it, so forward mode stopped with a [BackpropBug]; a store now stays in the for header.
   */
  @Test
  void storeInAForUpdateWithContinue() {
    assertTrue(C.succeeded(), C::diagnostics);
    assertTrue(C.source("p.CGrad").contains("a[0] += x, _t_a[0] += _t_x, i++)"), () -> C.source("p.CGrad"));
    Random random = new Random(20261207);
    for (double x : new double[] {0.7, -1.25, 2.5}) {
      Object[] point = {x, new double[] {1.3}};
      GradCheck.check(C, "f", point);
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "f", point, random, 3).ran());
    }
  }
}
