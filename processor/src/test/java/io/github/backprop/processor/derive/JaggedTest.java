package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Jagged arrays: {@code new double[n][]} with rows given later ({@code a[i] = new double[k]}),
 * rows replaced by new arrays, rows of different lengths, and ragged two-dimensional parameters.
 * Second order takes no two-dimensional arrays, and says so.
 */
class JaggedTest {
  static final String MEMBERS =
      """
      @Differentiable(forward = true) static double triangle(double x, int n) {
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
          a[i] = new double[i + 1];
          for (int j = 0; j <= i; j++) {
            a[i][j] = Math.sin(x * (i + j + 1));
          }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < a[i].length; j++) {
            s += a[i][j] * a[i][j] * x;
          }
        }
        return s;
      }

      @Differentiable(forward = true) static double replacedRows(double x, double y) {
        double[][] a = new double[2][3];
        a[0][1] = x * y;
        double t = a[0][1] * a[0][1];
        a[0] = new double[] {x * x, t, y};
        a[1] = new double[4];
        a[1][3] = Math.exp(y) + a[0][2];
        return a[0][0] * a[0][1] + a[1][3] * a[0].length;
      }

      @Differentiable(forward = true) static double rowsInALoop(double[] w, double x) {
        double[][] rows = new double[3][];
        double s = 0;
        for (int k = 0; k < 4; k++) {
          int i = k % 3;
          rows[i] = new double[w.length + k];
          for (int j = 0; j < w.length; j++) {
            rows[i][j + k] = w[j] * x + s;
          }
          s = 0;
          for (double v : rows[i]) {
            s += Math.tanh(v);
          }
        }
        return s;
      }

      @Differentiable static double newRowOfAParameter(double[][] m, double x) {
        double before = m[0][0] * m[1][0];
        m[0] = new double[] {x * before, x};
        return m[0][0] * m[0][1] + m[1][0];
      }

      @Differentiable static double ragged(double[][] m, double x) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
          for (int j = 0; j < m[i].length; j++) {
            s += m[i][j] * m[i][j] * (j + 1) * x;
          }
        }
        return s;
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  @Test
  void jaggedLocalsDifferentiate() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double x : new double[] {-0.7, 0.3, 1.1}) {
      for (int n : new int[] {0, 1, 4}) {
        GradCheck.check(C, "triangle", x, n);
      }
      GradCheck.check(C, "replacedRows", x, 0.4);
      GradCheck.check(C, "rowsInALoop", new double[] {0.5, -1.0, 0.25}, x);
    }
  }

  @Test
  void raggedParameters() {
    double[][] m = {{1.0, -2.0, 0.5}, {}, {3.0}, {0.25, 0.75}};
    for (double x : new double[] {-0.7, 1.1}) {
      GradCheck.check(C, "ragged", m, x);
      GradCheck.check(C, "newRowOfAParameter", new double[][] {{2.0, 5.0}, {-1.5}}, x);
    }
    double[][] g = (double[][]) Compiled.components(C.call("p.CGrad", "ragged", m, 2.0)).get("m");
    for (int i = 0; i < m.length; i++) {
      assertEquals(m[i].length, g[i].length);
      for (int j = 0; j < m[i].length; j++) {
        assertEquals(2 * m[i][j] * (j + 1) * 2.0, g[i][j], 1e-12);
      }
    }
  }

  @Test
  void forwardMode() {
    Random random = new Random(7);
    for (double x : new double[] {-0.7, 0.3, 1.1}) {
      JvpCheck.check(C, "p.C", "p.CGrad", "triangle", new Object[] {x, 3}, random, 3);
      JvpCheck.check(C, "p.C", "p.CGrad", "replacedRows", new Object[] {x, 0.4}, random, 3);
      JvpCheck.check(C, "p.C", "p.CGrad", "rowsInALoop", new Object[] {new double[] {0.5, -1.0}, x}, random, 3);
    }
  }

  @Test
  void aRowOfAParameterGivenAnotherArrayIsAnError() {
    String members =
        """
        @Differentiable static double f(double x, double[][] a, double[] w) {
          a[0] = w;
          return a[0][0] * x;
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] assigning a whole row ('a[0]') this way is not supported"), message);
    assertTrue(message.contains("a[0] = new double[k];"), message);
    assertEquals(7, errors.get(0).getLineNumber());
    assertEquals(4, errors.get(0).getColumnNumber());
  }
}
