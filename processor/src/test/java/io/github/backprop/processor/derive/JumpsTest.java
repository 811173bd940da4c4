package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * break, continue (labelled too) and return inside loops: where the trip count is cut short, and
 * where the rest of an iteration is skipped, the reverse sweep must skip exactly the same.
 */
class JumpsTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double firstNegativeStops(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              if (x[i] < 0) break;
              s += Math.exp(x[i]);
            }
            return s;
          }

          @Differentiable static double skipNegatives(double[] x) {
            double s = 1;
            for (int i = 0; i < x.length; i++) {
              if (x[i] < 0) {
                continue;
              }
              s *= x[i];
            }
            return s;
          }

          @Differentiable static double nestedContinue(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              if (x[i] > 0) {
                if (x[i] > 2) continue;
                s += x[i];
              }
              s = s * 1.1;
            }
            return s;
          }

          @Differentiable static double earlyReturn(double[] x, double t) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              s += x[i] * t;
              if (s > 3) {
                return s * s;
              }
            }
            return -s;
          }

          @Differentiable static double returnFromNested(double[][] m, double t) {
            for (int i = 0; i < m.length; i++) {
              for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] * t > 2) {
                  return m[i][j] * t * i;
                }
              }
            }
            return t;
          }

          @Differentiable static double labelled(double[][] m) {
            double s = 0;
            outer:
            for (int i = 0; i < m.length; i++) {
              for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] > 5) break outer;
                if (m[i][j] < 0) continue outer;
                s += m[i][j] * (i + 1);
              }
            }
            return s;
          }

          @Differentiable static double whileTrue(double x) {
            int k = 0;
            while (true) {
              x = x * 1.5;
              k++;
              if (x > 10 || k > 20) break;
            }
            return x;
          }

          @Differentiable static double breakInDo(double x) {
            double y = x;
            do {
              y = Math.sin(y) + y;
              if (y > 2.5) {
                break;
              }
              y = y * 1.1;
            } while (y < 3);
            return y;
          }

          @Differentiable static double returnInWhile(double x) {
            double y = x;
            while (y < 50) {
              y = y * y + 1;
              if (y > 10) {
                return y / x;
              }
            }
            return y;
          }

          @Differentiable static double continueInWhile(double x, int n) {
            double y = x;
            int i = 0;
            while (i < n) {
              i++;
              if (i % 2 == 0) continue;
              y = y * x + 1;
            }
            return y;
          }

          @Differentiable static double breakAfterUpdateSkipsUpdate(double x) {
            double y = x;
            int i;
            for (i = 0; i < 10; i++) {
              y = y * 1.2;
              if (y > 5) break;
            }
            return y * i;
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  @Test
  void breaks() {
    GradCheck.check(C, "firstNegativeStops", (Object) new double[] {0.5, 1.5, -1, 2});
    GradCheck.check(C, "firstNegativeStops", (Object) new double[] {0.5, 1.5, 1, 2});
    GradCheck.check(C, "firstNegativeStops", (Object) new double[] {-0.5});
    for (double x : new double[] {0.2, 0.7, 3.1, 11.0}) {
      GradCheck.check(C, "whileTrue", x);
    }
    for (double x : new double[] {0.1, 0.6, 1.3, 2.0}) {
      GradCheck.check(C, "breakInDo", x);
    }
    for (double x : new double[] {0.3, 1.1, 4.9}) {
      GradCheck.check(C, "breakAfterUpdateSkipsUpdate", x);
    }
  }

  @Test
  void continues() {
    GradCheck.check(C, "skipNegatives", (Object) new double[] {0.5, 1.5, -1, 2});
    GradCheck.check(C, "nestedContinue", (Object) new double[] {1, 3, -1, 0.5});
    for (double x : new double[] {-0.8, 0.4, 1.3}) {
      GradCheck.check(C, "continueInWhile", x, 5);
      GradCheck.check(C, "continueInWhile", x, 0);
    }
  }

  @Test
  void labelledJumps() {
    GradCheck.check(C, "labelled", (Object) new double[][] {{1, 2, -1, 3}, {4, 6, 7}, {1, 1, 1}});
    GradCheck.check(C, "labelled", (Object) new double[][] {{1, 2, -1, 3}, {4, 1, 7}, {1, 1, 1}});
  }

  @Test
  void returnsInsideLoops() {
    GradCheck.check(C, "earlyReturn", new double[] {0.5, 1.5, 2, 2}, 1.1);
    GradCheck.check(C, "earlyReturn", new double[] {0.5, 0.5, 0.2, 0.1}, 1.1);
    GradCheck.check(C, "returnFromNested", new double[][] {{0.1, 0.5}, {1, 2.5}, {3}}, 1.3);
    GradCheck.check(C, "returnFromNested", new double[][] {{0.1, 0.5}, {1, 1.5}, {1}}, 1.3);
    for (double x : new double[] {0.5, 1.5, 2.5, 60.0}) {
      GradCheck.check(C, "returnInWhile", x);
    }
  }

  @Test
  void exactValues() {
    // 0.5 + 1.5 stop at -1: d/dx exp = exp, and nothing for the elements after the break.
    Map<String, Object> g =
        Compiled.components(C.call("p.CGrad", "firstNegativeStops", (Object) new double[] {0.5, 1.5, -1, 2}));
    double[] d = (double[]) g.get("x");
    assertEquals(Math.exp(0.5), d[0]);
    assertEquals(Math.exp(1.5), d[1]);
    assertEquals(0.0, d[2]);
    assertEquals(0.0, d[3]);
    // s = 0.5 * 1.5 * 2 with the -1 skipped: d/dx[0] = 3.
    g = Compiled.components(C.call("p.CGrad", "skipNegatives", (Object) new double[] {0.5, 1.5, -1, 2}));
    assertEquals(3.0, ((double[]) g.get("x"))[0]);
    assertEquals(0.0, ((double[]) g.get("x"))[2]);
  }
}
