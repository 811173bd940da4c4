package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code Double} and {@code Float} parameters differentiated as {@code double} and {@code float}
 * (the generated methods take the box, the result's component is the primitive); {@code Integer},
 * {@code Long} and {@code Boolean} ones passed through; a null throws where the primal unboxes it.
 */
class BoxedParametersTest {
  static final Compiled C =
      Compiled.members(
          """
          @Differentiable(forward = true, hessian = true) static double f(Double x, double y, Integer n, Boolean twice) {
            Double z = x * y;
            double s = 0;
            for (int i = 0; i < n; i++) s += Math.sin(z * i);
            return twice ? 2 * s + x * x : s + x * x;
          }
          """);

  @Test
  void boxedParametersDifferentiateAsTheirPrimitives() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random random = new Random(2);
    for (double x : new double[] {-1.2, 0.4, 1.7}) {
      for (double y : new double[] {-0.5, 0.8}) {
        GradCheck.check(C, "f", x, y, 3, true);
        GradCheck.check(C, "f", x, y, 2, false);
        assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", "f", new Object[] {x, y, 3, true}, random, 3).ran());
      }
    }
    // n = 1: s = 0 (sin 0), value x^2: d/dx = 2x, exactly.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "f", 1.5, 0.3, 1, false));
    assertInstanceOf(Double.class, g.get("x"));
    assertEquals(3.0, (double) g.get("x"), 0.0);
  }

  @Test
  void aNullBoxThrowsAsThePrimalDoes() throws Exception {
    var primal = C.loadClass("p.C").getDeclaredMethod("f", Double.class, double.class, Integer.class, Boolean.class);
    primal.setAccessible(true);
    var grad = C.loadClass("p.CGrad").getMethod("f", Double.class, double.class, Integer.class, Boolean.class);
    for (var m : java.util.List.of(primal, grad)) {
      var e = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> m.invoke(null, null, 1.0, 2, true));
      assertInstanceOf(NullPointerException.class, e.getCause());
    }
  }
}
