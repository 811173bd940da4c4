package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * Array locals given a whole new array: {@code x = f(x)}, buffer swaps, {@code x = c ? a : b},
 * aliasing; the adjoint of an array follows the array, not the name.
 */
class RebindingTest {
  static final String MEMBERS =
      """
      static double[] apply(double[] w, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.tanh(w[i] * x[i]);
        return y;
      }

      @Differentiable static double deep(double[] w, double[] x0, int layers) {
        double[] x = x0.clone();
        for (int l = 0; l < layers; l++) { x = apply(w, x); }
        double s = 0; for (double v : x) s += v; return s;
      }

      @Differentiable static double heat(double[] a, int steps) {
        double[] cur = a.clone(); double[] next = new double[a.length];
        for (int t = 0; t < steps; t++) {
          for (int i = 1; i + 1 < a.length; i++) next[i] = cur[i] + 0.1 * (cur[i-1] - 2*cur[i] + cur[i+1]);
          double[] tmp = cur; cur = next; next = tmp;
        }
        return cur[1] * cur[1];
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  @Test
  void examples() {
    assertTrue(C.succeeded(), C.diagnostics());
    GradCheck.check(C, "deep", new double[] {0.5, -0.3, 0.8}, new double[] {0.2, 0.7, -0.4}, 3);
    GradCheck.check(C, "heat", new double[] {0.5, -0.3, 0.8, 0.1, 0.9}, 4);
  }
}
