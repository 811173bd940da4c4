package io.github.backprop.processor.derive;

import static io.github.backprop.processor.check.ObjectFieldDiagnostics.onlyErrorAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Public primitive fields of library objects read as data: {@code p.x} of a local {@code
 * Point2D.Double}, and {@code ORIGIN.y} of one a static field holds (a private one copied into
 * the generated class), read once where the primal reads them.
 */
class ObjectFieldsTest {
  static final Compiled C =
      Compiled.members(
          """
          static final java.awt.geom.Point2D.Double ORIGIN = new java.awt.geom.Point2D.Double(0.5, 2);
          private static final java.awt.geom.Point2D.Double SCALE = new java.awt.geom.Point2D.Double(3, -1);

          @Differentiable(forward = true)
          static double f(double w, double v) {
            java.awt.geom.Point2D.Double p = new java.awt.geom.Point2D.Double(1.5, -0.25);
            return w * p.x * v + ORIGIN.y * w * w + C.ORIGIN.x * SCALE.x * Math.sin(v) + SCALE.y;
          }
          """);

  @Test
  void fieldsAreData() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double w : new double[] {-0.7, 0.3, 1.9}) {
      for (double v : new double[] {-1.1, 0.6}) {
        GradCheck.check(C, "f", w, v);
        Map<String, Object> g = Compiled.components(C.call("p.CGrad", "f", w, v));
        assertEquals(1.5 * v + 2 * 2 * w, (double) g.get("w"), 1e-12);
        assertEquals(1.5 * w + 0.5 * 3 * Math.cos(v), (double) g.get("v"), 1e-12);
      }
    }
  }

  @Test
  void aFieldThatIsNotANumberStaysAnError() {
    onlyErrorAt(
        """
        static final java.awt.GridBagConstraints G = new java.awt.GridBagConstraints();

        @Differentiable static double f(double x) {
          return x * G.gridx + x * x;
        }

        @Differentiable static double g(double x) {
          return x * G.insets.top;
        }
        """,
        "G.insets.top",
        ".top",
        "public int, long, double or boolean fields of objects of data");
  }
}
