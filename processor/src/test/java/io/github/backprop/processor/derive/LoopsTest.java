package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * for, while, do/while and enhanced for, nested, with trip counts that depend on values, and
 * values overwritten in every iteration: gradients against finite differences, and exact values
 * where the derivative is known.
 */
class LoopsTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double powerLoop(double x, int n) {
            double y = 1;
            for (int i = 0; i < n; i++) {
              y *= x;
            }
            return y;
          }

          @Differentiable static double countDown(double x, int n) {
            double y = 0;
            for (int i = n; i > 0; i--) {
              y = y * x + i;
            }
            return y;
          }

          @Differentiable static double inclusive(double x, int lo, int hi) {
            double y = x;
            for (int i = lo; i <= hi; i++) {
              y = Math.sin(y) + i * x;
            }
            for (int j = hi; j >= lo; j--) {
              y = y * 0.5 + j;
            }
            return y;
          }

          @Differentiable static double halve(double x) {
            while (x > 1) {
              x = x / 2;
            }
            return x * x;
          }

          @Differentiable static double newton(double a) {
            // sqrt(a) by Newton's method: the iteration count depends on a.
            double x = a;
            while (Math.abs(x * x - a) > 1e-12 * a) {
              x = 0.5 * (x + a / x);
            }
            return x;
          }

          @Differentiable static double doWhile(double x) {
            double y = x;
            int k = 0;
            do {
              y = y * y + 0.1;
              k++;
            } while (y < 3 && k < 10);
            return y * x;
          }

          @Differentiable static double stepTwo(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i += 2) {
              s = s * x[i] + 1;
            }
            return s;
          }

          @Differentiable static double longCounter(double x, long n) {
            for (long i = 0; i < n; i++) {
              x = x * 0.9 + 0.1 * Math.cos(x);
            }
            return x;
          }

          @Differentiable static double swap(double a, double b, int n) {
            for (int i = 0; i < n; i++) {
              double t = a;
              a = b * 1.1;
              b = t + Math.cos(a);
            }
            return a * b;
          }

          @Differentiable static double ifInLoop(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              double v = x[i];
              if (v > s) {
                s = v * 2;
              } else {
                s = s * 0.5 + v;
              }
            }
            return s;
          }

          @Differentiable static double loopInIf(double x, boolean b) {
            double y = x;
            if (b) {
              for (int i = 0; i < 3; i++) {
                y = y * x;
              }
            } else {
              y = -x;
            }
            return y;
          }

          @Differentiable static double threeDeep(double[][] m, double x) {
            double s = 0;
            for (int i = 0; i < m.length; i++) {
              for (int j = 0; j < m[i].length; j++) {
                double t = m[i][j];
                for (int k = 0; k < 3; k++) {
                  t = Math.sin(t * x) + t;
                }
                s += t * (i + 1);
              }
            }
            return s;
          }

          @Differentiable static double whileInFor(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              double v = x[i];
              while (v > 1) {
                v = v * 0.5;
                s += v;
              }
            }
            return s;
          }

          @Differentiable static double doInFor(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              double v = x[i];
              do {
                v = v * v;
              } while (v < 2);
              s += v;
            }
            return s;
          }

          @Differentiable static double enhanced(double[] x, double[][] m) {
            double s = 0;
            for (double v : x) {
              s += v * v;
            }
            for (double[] row : m) {
              for (double v : row) {
                s += Math.sin(v) * s;
              }
            }
            return s;
          }

          @Differentiable static double enhancedInts(double x, int[] ks) {
            double s = 0;
            for (int k : ks) {
              s += Math.pow(x, k);
            }
            return s;
          }

          @Differentiable static double conditionOverwritten(double x) {
            int n = 0;
            double y = x;
            while (y < 100 && n < 50) {
              y = y * 1.7 + 0.3;
              n++;
            }
            return y + n;
          }

          @Differentiable static double forWithoutParts(double x) {
            int i = 0;
            for (;;) {
              x = x * 1.25;
              i++;
              if (i >= 4) {
                break;
              }
            }
            return x;
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  private static final double[] XS = {-1.3, -0.4, 0.35, 0.8, 1.6};

  @Test
  void countedLoops() {
    for (double x : XS) {
      for (int n : new int[] {0, 1, 4}) {
        GradCheck.check(C, "powerLoop", x, n);
        GradCheck.check(C, "countDown", x, n);
        GradCheck.check(C, "inclusive", x, -1, n);
        GradCheck.check(C, "swap", x, x * x + 0.2, n);
      }
      GradCheck.check(C, "longCounter", x, 7L);
      GradCheck.check(C, "loopInIf", x, true);
      GradCheck.check(C, "loopInIf", x, false);
    }
    GradCheck.check(C, "stepTwo", (Object) new double[] {1, 2, 3, 4, 5});
    GradCheck.check(C, "stepTwo", (Object) new double[] {0.5, -1.5});
  }

  @Test
  void exactValues() {
    // d/dx x^5 = 5 x^4; at 2 it is 80.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "powerLoop", 2.0, 5));
    assertEquals(32.0, g.get("value"));
    assertEquals(80.0, g.get("x"));
    // 7.3 halves three times to 0.9125, so the value is (x / 8)^2 and its slope 2 x / 64.
    g = Compiled.components(C.call("p.CGrad", "halve", 7.3));
    assertEquals(0.9125 * 0.9125, (Double) g.get("value"), 1e-15);
    assertEquals(2 * 7.3 / 64, (Double) g.get("x"), 1e-15);
    // Newton's square root: d/da sqrt(a) = 1 / (2 sqrt(a)).
    g = Compiled.components(C.call("p.CGrad", "newton", 2.0));
    assertEquals(Math.sqrt(2), (Double) g.get("value"), 1e-12);
    assertEquals(1 / (2 * Math.sqrt(2)), (Double) g.get("a"), 1e-9);
    // (1.25)^4 x
    g = Compiled.components(C.call("p.CGrad", "forWithoutParts", 3.0));
    assertEquals(Math.pow(1.25, 4), (Double) g.get("x"), 1e-15);
  }

  @Test
  void tripCountsThatDependOnValues() {
    for (double x : new double[] {0.5, 1.7, 3.3, 7.3, 100.9}) {
      GradCheck.check(C, "halve", x);
      GradCheck.check(C, "newton", x);
    }
    for (double x : new double[] {0.5, 0.9, 1.5, 1.9}) {
      GradCheck.check(C, "doWhile", x);
    }
    for (double x : new double[] {0.3, 1.1, 2.9, 40.0}) {
      GradCheck.check(C, "conditionOverwritten", x);
    }
    GradCheck.check(C, "forWithoutParts", 0.7);
  }

  @Test
  void branchesInsideLoops() {
    GradCheck.check(C, "ifInLoop", (Object) new double[] {1, 0.5, 3, -1, 2.5});
    GradCheck.check(C, "ifInLoop", (Object) new double[] {1, 0.5, 3, -1, 1.5});
    GradCheck.check(C, "ifInLoop", (Object) new double[] {-2, -1});
  }

  @Test
  void nestedLoops() {
    double[][] m = {{0.1, 0.5}, {1, 2.5, -0.3}, {3}};
    for (double x : new double[] {-0.7, 0.4, 1.2}) {
      GradCheck.check(C, "threeDeep", m, x);
    }
    GradCheck.check(C, "whileInFor", (Object) new double[] {0.5, 3, 10, 1.5});
    GradCheck.check(C, "doInFor", (Object) new double[] {1.1, 1.5, 3});
    GradCheck.check(C, "doInFor", (Object) new double[] {});
  }

  @Test
  void enhancedFor() {
    GradCheck.check(C, "enhanced", new double[] {1, 2}, new double[][] {{0.1, 0.2}, {0.3, -0.4}});
    GradCheck.check(C, "enhanced", new double[] {-0.5}, new double[][] {{}, {0.7}});
    for (double x : new double[] {0.4, 1.3}) {
      GradCheck.check(C, "enhancedInts", x, new int[] {0, 1, 2, 5});
    }
  }
}
