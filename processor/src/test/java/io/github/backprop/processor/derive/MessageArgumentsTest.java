package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code new Object[] {strike, cutoff}} written for a logger or a check, as Strata's SABR formula
 * logs a clipped strike: the arguments of a message, which carry no derivative, so the call runs
 * as written and the gradient flows around it. Given to a call that returns a number, the array
 * is refused as any object made from differentiable values is.
 */
class MessageArgumentsTest {
  private static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;
              import org.slf4j.Logger;
              import org.slf4j.LoggerFactory;

              class C {
                private static final Logger log = LoggerFactory.getLogger(C.class);

                @Differentiable(forward = true, hessian = true)
                static double clipped(double forward, double strike) {
                  double cutoff = forward * 0.25;
                  double k = strike;
                  if (k < cutoff) {
                    log.info(
                        "Given strike of {} is less than cutoff at {}, therefore the strike is taken as {}",
                        new Object[] {k, cutoff, cutoff});
                    k = cutoff;
                  }
                  log.debug("{} {}", new Object[] {forward, (int) k});
                  return Math.log(forward / k) * k;
                }
              }
              """));

  @Test
  void aLoggedObjectArrayOfDifferentiableValuesIsInactiveSabrHaganLogsTheClippedStrike() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double[] p : new double[][] {{1.0, 0.1}, {1.0, 0.6}, {2.5, 0.3}, {0.8, 1.7}}) {
      Map<String, Object> r = GradCheck.check(C, "clipped", p[0], p[1]);
      double cutoff = p[0] * 0.25;
      double k = Math.max(p[1], cutoff);
      assertEquals(Math.log(p[0] / k) * k, (Double) r.get("value"), 0.0);
      // below the cutoff k = forward / 4, so the result is forward * log(4) / 4 and strike has no say
      double dForward = p[1] < cutoff ? Math.log(4) / 4 : k / p[0];
      double dStrike = p[1] < cutoff ? 0 : Math.log(p[0] / k) - 1;
      assertEquals(dForward, (Double) r.get("forward"), 1e-14);
      assertEquals(dStrike, (Double) r.get("strike"), 1e-14);
      assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "clipped", new Object[] {p[0], p[1]}, new Random(7), 2).ran());
      HessianCheck.check(C, "clipped", new Object[] {p[0], p[1]});
    }
  }

  @Test
  void theMessageArrayIsWrittenAsTheSourceWritesIt() {
    String grad = C.source("p.CGrad");
    assertTrue(grad.contains("new Object[] {k, cutoff, cutoff}"), grad);
    assertTrue(grad.contains("new Object[] {forward, (int) k}"), grad);
  }

  @Test
  void anObjectArrayGivenToACallThatReturnsANumberIsAnError() {
    Compiled bad =
        Compiled.compileAll(
            Map.of(
                "p.D",
                """
                package p;

                import io.github.backprop.Differentiable;

                class D {
                  @Differentiable
                  static double f(double x) {
                    return Double.parseDouble(String.format("%.3f", new Object[] {x * x}));
                  }
                }
                """));
    assertFalse(bad.succeeded());
    assertTrue(bad.diagnostics().contains("[BackpropNoDerivative]"), bad.diagnostics());
    assertTrue(bad.diagnostics().contains("D.java:8"), bad.diagnostics());
  }
}
