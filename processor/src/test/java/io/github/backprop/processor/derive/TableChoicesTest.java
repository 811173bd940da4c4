package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Random;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Array locals that choose among static tables or arrays of constants, as special-function code
 * picks its coefficients by range: {@code double[] c = x < 8 ? P : Q;}, or declared first and
 * given a table in each branch of an if or a switch.
 */
class TableChoicesTest {
  static final Compiled C =
      Compiled.members(
          """
          static final double[] P1 = {1, 2, 3};
          static final double[] P2 = {3, -2, 0.5};

          @Differentiable(forward = true, hessian = true)
          static double horner(double x) {
            final double[] c = x < 0.5 ? P1 : x < 2 ? P2 : P1;
            double s = 0;
            for (int i = c.length - 1; i >= 0; i--) {
              s = s * x + c[i];
            }
            return s;
          }

          @Differentiable(forward = true)
          static double inLoop(double x, int k) {
            double s = 0;
            for (int j = 0; j < k; j++) {
              double[] c;
              if (x * j < 0.5) {
                c = P1;
              } else {
                c = new double[] {-1.5, 2, 0.25};
              }
              s += c[0] * x * x + c[1] * s + c[2];
            }
            return s;
          }

          @Differentiable(forward = true)
          static double gaussLegendre(double k, int points) {
            double[] nodes;
            double[] weights;
            switch (points) {
              case 2 -> {
                nodes = new double[] {-0.5773502691896257, 0.5773502691896257};
                weights = new double[] {1.0, 1.0};
              }
              default -> {
                nodes = new double[] {-0.7745966692414834, 0.0, 0.7745966692414834};
                weights = new double[] {0.5555555555555556, 0.8888888888888888, 0.5555555555555556};
              }
            }
            double sum = 0;
            for (int i = 0; i < nodes.length; i++) {
              sum += weights[i] * Math.exp(k * nodes[i]);
            }
            return sum;
          }
          """);

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random r = new Random(9);
    for (double x : new double[] {0.2, 1.1, 3.5}) {
      GradCheck.check(C, "horner", x);
      JvpCheck.check(C, "p.C", "p.CGrad", "horner", new Object[] {x}, r, 2);
      for (int k : new int[] {0, 1, 4}) {
        GradCheck.check(C, "inLoop", x * 0.3, k);
        JvpCheck.check(C, "p.C", "p.CGrad", "inLoop", new Object[] {x * 0.3, k}, r, 2);
      }
      for (int points : new int[] {2, 3}) {
        GradCheck.check(C, "gaussLegendre", x, points);
      }
    }
  }

  /** The 3-point rule integrates exp(k x) on [-1, 1]; its derivative in k has a closed form too. */
  @Test
  void exactValues() {
    var g = Compiled.components(C.call("p.CGrad", "horner", 1.0));
    assertEquals(3 - 2 + 0.5, (double) g.get("value"), 0);
    assertEquals(-2 + 2 * 0.5, (double) g.get("x"), 0);
    double k = 0.7;
    double expected = 0.5555555555555556 * 2 * 0.7745966692414834 * Math.sinh(k * 0.7745966692414834);
    assertEquals(expected, (double) Compiled.components(C.call("p.CGrad", "gaussLegendre", k, 3)).get("k"), 1e-15);
  }

  @Test
  void writingIntoAChosenTableIsAnError() {
    Compiled c =
        Compiled.members(
            """
            static final double[] P = {1, 2};

            @Differentiable static double f(double x) {
              double[] c = x < 0 ? P : new double[] {3, 4};
              c[0] = x;
              return c[0] + c[1];
            }
            """);
    assertFalse(c.succeeded());
    Diagnostic<?> d = c.compilation().errors().get(0);
    assertEquals(1, c.compilation().errors().size(), c.diagnostics());
    assertTrue(d.getMessage(null).contains("'c' names a static table or an array of constants chosen above, which is read-only here"), d.getMessage(null));
    assertEquals(10, d.getLineNumber());
  }

  @Test
  void computingIntoALaterTableIsAnError() {
    Compiled c =
        Compiled.members(
            """
            @Differentiable static double f(double x, boolean b) {
              double[] c;
              if (b) c = new double[] {1, 2}; else c = new double[] {x, 2 * x};
              return c[0] + c[1];
            }
            """);
    assertFalse(c.succeeded());
    Diagnostic<?> d = c.compilation().errors().get(0);
    assertEquals(1, c.compilation().errors().size(), c.diagnostics());
    assertTrue(d.getMessage(null).contains("may only be given static tables or arrays of constants"), d.getMessage(null));
    assertTrue(d.getMessage(null).contains("'double[] c = new double[n];'"), d.getMessage(null));
    assertEquals(8, d.getLineNumber());
  }
}
