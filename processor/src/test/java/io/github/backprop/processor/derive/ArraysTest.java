package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * double[] and double[][] parameters and locals, initialisers, element reads and writes, writes
 * into parameter arrays, int[] index tables, second names for rows, calls that pass arrays, and
 * recursion. {@link GradCheck} also checks that every array argument ends as the primal leaves it.
 */
class ArraysTest {
  /** The methods, also compiled with forward mode by ForwardModeTest. */
  static final String SOURCE =
      """
          @Differentiable static double sumOfSquares(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              s += x[i] * x[i];
            }
            return s;
          }

          @Differentiable static double locals(double x, double y) {
            double[] a = new double[3];
            a[0] = x;
            a[1] = y * x;
            a[2] = a[0] + a[1];
            double[] b = {x, y, x * y};
            double s = 0;
            for (int i = 0; i < 3; i++) {
              s += a[i] * b[i];
            }
            return s;
          }

          @Differentiable static double matrixLocal(double x, int n) {
            double[][] m = new double[n][n];
            for (int i = 0; i < n; i++)
              for (int j = 0; j < n; j++)
                m[i][j] = Math.sin(x * (i + 2 * j));
            double s = 0;
            for (int i = 0; i < n; i++)
              for (int j = 0; j < n; j++)
                s += m[i][j] * m[j][i];
            return s;
          }

          @Differentiable static double initialisedMatrix(double x, double y) {
            double[][] r = {{Math.cos(x), -Math.sin(x)}, {Math.sin(x), Math.cos(x)}};
            double[] v = {y, 1};
            double[] w = new double[2];
            for (int i = 0; i < 2; i++)
              for (int j = 0; j < 2; j++)
                w[i] += r[i][j] * v[j];
            return w[0] * w[1];
          }

          @Differentiable static double writesIntoParameter(double[] w, double x) {
            for (int i = 0; i < w.length; i++) {
              w[i] = w[i] * x + 1;
            }
            double s = 0;
            for (int i = 0; i < w.length; i++) {
              s += w[i] * w[i];
            }
            return s;
          }

          @Differentiable static double writesIntoMatrix(double[][] m, double x) {
            for (int i = 0; i < m.length; i++) {
              m[i][0] = m[i][0] * x;
              m[i][1] += m[i][0];
            }
            return m[0][1] * m[1][1];
          }

          @Differentiable static double sameElementOrNot(double[] a, int i, int j) {
            a[i] = a[j] * a[i] + a[j];
            return a[i] * a[j];
          }

          @Differentiable static double compoundElements(double[] a, double x) {
            a[0] += x;
            a[1] -= x * a[0];
            a[2] *= a[1];
            a[0] /= a[2];
            a[1]++;
            return a[0] + a[1] * a[2];
          }

          @Differentiable static double indexTable(double[] w, int[] idx) {
            double s = 0;
            for (int k = 0; k < idx.length; k++) {
              s += w[idx[k]] * (k + 1);
            }
            return s * s;
          }

          @Differentiable static double writtenIndexTable(double[] w) {
            int[] order = new int[w.length];
            for (int i = 0; i < w.length; i++) {
              order[i] = w.length - 1 - i;
            }
            double s = 0;
            for (int i = 0; i < w.length; i++) {
              s = s * 0.5 + w[order[i]] * w[i];
              order[i] = 0;
            }
            return s;
          }

          @Differentiable static double rows(double[][] m, double[] x) {
            double s = 0;
            for (int i = 0; i < m.length; i++) {
              double[] row = m[i];
              double r = 0;
              for (int j = 0; j < row.length; j++) {
                r += row[j] * x[j];
              }
              s += Math.tanh(r);
            }
            return s;
          }

          @Differentiable static double arrayInLoop(double[] w, double[] x, int hidden) {
            double out = 0;
            for (int s = 0; s < x.length; s++) {
              double[] h = new double[hidden];
              for (int j = 0; j < hidden; j++) {
                h[j] = Math.tanh(w[j] * x[s] + 0.1 * j);
              }
              for (int j = 0; j < hidden; j++) {
                out += h[j] * w[hidden + j];
              }
            }
            return out * out;
          }

          @Differentiable static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
              s += a[i] * b[i];
            }
            return s;
          }

          @Differentiable static double callsWithArrays(double[] a, double x) {
            double[] b = {x, x * x, 1};
            return dot(a, b) * dot(b, b);
          }

          @Differentiable static double callsWithRows(double[][] m, double[] v) {
            double s = 0;
            for (int i = 0; i < m.length; i++) {
              s += dot(m[i], v) * dot(m[i], m[i]);
            }
            return s;
          }

          @Differentiable static double callWithNewArray(double x, double y) {
            return dot(new double[] {x, y}, new double[] {y, 2});
          }

          @Differentiable static double square(double x) {
            return x * x;
          }

          @Differentiable static double callsInLoop(double[] x) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
              s += square(x[i] + s) * 0.1;
            }
            return s;
          }

          @Differentiable static double factorial(double x, int n) {
            if (n <= 1) return x;
            return x * factorial(x, n - 1);
          }

          @Differentiable static double sumFrom(double[] x, int i) {
            if (i >= x.length) return 0;
            return x[i] * x[i] + sumFrom(x, i + 1) * 0.9;
          }

          @Differentiable static double lengths(double[][] m) {
            return m.length * m[0].length * m[0][0];
          }
          """;

  static final Compiled C = Compiled.members(SOURCE);

  private static double[] data(int n, long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble() * 2 - 1;
    }
    return x;
  }

  @Test
  void parametersAndLocals() {
    for (int n : new int[] {0, 1, 5}) {
      GradCheck.check(C, "sumOfSquares", (Object) data(n, n));
    }
    for (double x : new double[] {-0.7, 0.35, 1.3}) {
      GradCheck.check(C, "locals", x, -1.3);
      GradCheck.check(C, "matrixLocal", x, 3);
      GradCheck.check(C, "initialisedMatrix", x, 0.8);
    }
    GradCheck.check(C, "lengths", (Object) new double[][] {{1.5, 2}, {3, 4}, {5, 6}});
  }

  @Test
  void exactValues() {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "sumOfSquares", (Object) new double[] {1, 2, -3}));
    assertEquals(14.0, g.get("value"));
    assertArrayEquals(new double[] {2, 4, -6}, (double[]) g.get("x"));
    // m.length * m[0].length * m[0][0]: only m[0][0] has a slope, 3 * 2.
    g = Compiled.components(C.call("p.CGrad", "lengths", (Object) new double[][] {{1.5, 2}, {3, 4}, {5, 6}}));
    assertArrayEquals(new double[] {6, 0}, ((double[][]) g.get("m"))[0]);
  }

  @Test
  void writesIntoParameters() {
    GradCheck.check(C, "writesIntoParameter", new double[] {1, 2, 3}, 0.5);
    GradCheck.check(C, "writesIntoMatrix", new double[][] {{1, 2}, {3, 4}}, 0.5);
    GradCheck.check(C, "sameElementOrNot", new double[] {1.5, 2.5}, 0, 1);
    GradCheck.check(C, "sameElementOrNot", new double[] {1.5, 2.5}, 1, 1);
    GradCheck.check(C, "compoundElements", new double[] {1.5, -0.5, 2}, 0.7);
    // The caller's array ends as the primal leaves it, and the gradient is with respect to the
    // values passed in: d/dw[i] of sum (w[i] x + 1)^2 is 2 (w[i] x + 1) x.
    double[] w = {1, 2, 3};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "writesIntoParameter", w, 0.5));
    assertArrayEquals(new double[] {1.5, 2, 2.5}, w);
    assertArrayEquals(new double[] {1.5, 2, 2.5}, (double[]) g.get("w"));
  }

  @Test
  void integerArrays() {
    GradCheck.check(C, "indexTable", new double[] {1, 2, 3}, new int[] {2, 0, 2, 1});
    GradCheck.check(C, "writtenIndexTable", (Object) new double[] {1, 2, 3});
  }

  @Test
  void rowsAndArraysDeclaredInLoops() {
    GradCheck.check(C, "rows", new double[][] {{0.1, 0.2}, {0.3, -0.4}, {1, 0.5}}, new double[] {0.7, -1.1});
    GradCheck.check(C, "arrayInLoop", new double[] {0.1, -0.2, 0.3, 0.5, 0.4, -0.6}, new double[] {1, 2, -1}, 3);
  }

  @Test
  void calls() {
    for (double x : new double[] {-0.6, 0.5, 1.4}) {
      GradCheck.check(C, "callsWithArrays", new double[] {1, 2, 3}, x);
      GradCheck.check(C, "callWithNewArray", x, x * 0.3 + 1);
    }
    GradCheck.check(C, "callsWithRows", new double[][] {{0.1, 0.2}, {0.3, -0.4}}, new double[] {0.7, -1.1});
    GradCheck.check(C, "callsInLoop", (Object) new double[] {0.5, 1, -2});
  }

  @Test
  void recursion() {
    for (double x : new double[] {-0.9, 0.6, 1.1}) {
      for (int n : new int[] {0, 1, 5}) {
        GradCheck.check(C, "factorial", x, n);
      }
    }
    // x^5, so 5 x^4.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "factorial", 2.0, 5));
    assertEquals(80.0, g.get("x"));
    GradCheck.check(C, "sumFrom", data(6, 7), 0);
    GradCheck.check(C, "sumFrom", data(6, 7), 4);
  }
}
