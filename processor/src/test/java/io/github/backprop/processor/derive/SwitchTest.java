package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * switch statements and expressions on int selectors: colon cases with fall-through, default
 * anywhere, arrow cases, yield, a break inside a case, switches inside loops.
 */
class SwitchTest {
  static final Compiled C =
      Compiled.members(
          """
          static final int TWO = 2;

          @SuppressWarnings("fallthrough")
          @Differentiable static double fallThrough(double x, int n) {
            double y = x;
            switch (n) {
              case 0:
                y = y * x;
              case 1:
              case TWO:
                y = y + Math.sin(x);
                break;
              default:
                y = -y;
              case 5:
                y = y * 3;
            }
            return y;
          }

          @Differentiable static double arrows(double x, int n) {
            double y = 1;
            switch (n + 1) {
              case 1, 2 -> y = x * x;
              case 3 -> {
                double t = Math.exp(x);
                y = t * x;
              }
              default -> y = x;
            }
            return y;
          }

          @Differentiable static double expression(double x, int n) {
            double y = switch (n) {
              case 0 -> x * x;
              case 1 -> Math.sin(x);
              default -> 2 * x;
            };
            return y * x;
          }

          @Differentiable static double yields(double x, int n) {
            double y = switch (n) {
              case 0: {
                double t = x * x;
                yield t + 1;
              }
              case 1:
              case 2:
                if (x > 1) {
                  yield x;
                }
                double u = Math.log(x + 3);
                yield u * x;
              default:
                yield 2 * x;
            };
            return y + x;
          }

          @Differentiable static double returns(double x, int n) {
            return switch (n % 3) {
              case 0 -> {
                double t = x * x;
                yield t * t;
              }
              case 1 -> -x;
              default -> Math.cos(x) * switch (n) {
                case 2 -> 2.0;
                default -> x;
              };
            };
          }

          @Differentiable static double breakInside(double x, int n) {
            double y = x;
            switch (n) {
              case 0:
                if (x > 1) {
                  break;
                }
                y = y * y;
                break;
              case 1:
                y = Math.exp(y);
                break;
            }
            return y;
          }

          @Differentiable static double inLoop(double[] v) {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
              switch (i % 3) {
                case 0:
                  s += v[i] * v[i];
                  break;
                case 1:
                  if (v[i] < 0) {
                    continue;
                  }
                  s = s * v[i];
                  break;
                default:
                  if (s > 10) {
                    break;
                  }
                  s = s + Math.sin(v[i]);
              }
              s = s * 1.01;
            }
            return s;
          }

          @Differentiable static double selectorComputed(double x) {
            switch ((int) Math.floor(x)) {
              case 0:
                return x * x;
              case 1:
                return Math.sqrt(x);
              default:
                return x;
            }
          }
          """);

  @Test
  void statements() {
    for (int n = -1; n <= 6; n++) {
      for (double x : new double[] {-0.7, 0.4, 1.3}) {
        GradCheck.check(C, "fallThrough", x, n);
        GradCheck.check(C, "arrows", x, n);
        GradCheck.check(C, "breakInside", x, n);
      }
    }
    for (double x : new double[] {0.3, 0.8, 1.5, 2.5}) {
      GradCheck.check(C, "selectorComputed", x);
    }
  }

  @Test
  void expressions() {
    for (int n = -1; n <= 4; n++) {
      for (double x : new double[] {-0.7, 0.4, 1.3, 2.1}) {
        GradCheck.check(C, "expression", x, n);
        GradCheck.check(C, "yields", x, n);
        GradCheck.check(C, "returns", x, n);
      }
    }
  }

  @Test
  void insideLoops() {
    GradCheck.check(C, "inLoop", (Object) new double[] {0.5, 1.5, -1, 2, 0.3, 0.2, 1.1});
    GradCheck.check(C, "inLoop", (Object) new double[] {3, 2, 4, 0.5, -2, 1.7});
    GradCheck.check(C, "inLoop", (Object) new double[] {});
  }

  @Test
  void exactValues() {
    // n = 0 falls through into case 1: y = x * x + sin x, dy/dx = 2x + cos x.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "fallThrough", 0.5, 0));
    assertEquals(2 * 0.5 + Math.cos(0.5), (Double) g.get("x"), 1e-15);
    // default falls into case 5: y = -3x.
    g = Compiled.components(C.call("p.CGrad", "fallThrough", 0.5, 9));
    assertEquals(-3.0, (Double) g.get("x"));
    // A break in the middle of case 0 skips the square.
    g = Compiled.components(C.call("p.CGrad", "breakInside", 1.5, 0));
    assertEquals(1.0, (Double) g.get("x"));
    String src = C.source("p.CGrad");
    assertTrue(src.contains("n == 1 || n == C.TWO"), src);
  }

  /**
   * Regression (fuzz, invalid input: spurious error): a case's local that shadows a parameter is
   * javac's error ("already defined"); backprop added its own at a later case's use of the name.
   */
  @Test
  void aCaseLocalShadowingAParameterIsLeftToJavac() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x, int k) {
              switch (k) {
                case 0:
                  double x = 1;
                  break;
                default:
                  return Math.sin(x);
              }
              return x;
            }
            """);
    org.junit.jupiter.api.Assertions.assertFalse(c.succeeded());
    org.junit.jupiter.api.Assertions.assertTrue(c.diagnostics().contains("already defined"), c.diagnostics());
    org.junit.jupiter.api.Assertions.assertFalse(c.diagnostics().contains("[Backprop"), c.diagnostics());
  }
}
