package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import org.junit.jupiter.api.Test;

/** The javadoc of the private tangent methods second order writes, for a method and a recursive helper. */
class TangentMethodDocsTest {
  /**
   * Regression tangentMethodJavadocNamedTheWrongSignature: '_cubeTangent' was documented as "the
   * value of C.cube(double, double, double, double)", the tangents counted as the method's own
   * parameters, and each tangent as "the argument _t_x of C.cube".
   */
  @Test
  void tangentMethodJavadocNamedTheWrongSignature() {
    Compiled c =
        Compiled.members(
            """
            static double power(double x, int n) {
              return n == 0 ? 1 : x * power(x, n - 1);
            }

            @Differentiable(hessian = true) static double cube(double x, double y) {
              return power(x, 3) * y;
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    String s = c.source("p.CGrad");
    assertTrue(s.contains("The tangent of {@code C.cube(double, double)} along {@code _t_x}, {@code _t_y}, its"
        + " directional derivative"), s);
    assertTrue(s.contains("The tangent of {@code C.power(double, int)} along {@code _t_x}"), s);
    assertTrue(s.contains("@param _t_y the tangent of {@code y}, the direction's component along it"), s);
    assertTrue(s.contains("@param value the tangent of {@code cube(double, double)} along {@code _t_x}, {@code _t_y}"), s);
    assertFalse(s.contains("cube(double, double, double"), s);
    assertFalse(s.contains("power(double, int, double)"), s);
    assertFalse(s.contains("the argument {@code _t_"), s);
  }

  /**
   * Regression anObjectMethodWithNoParametersCrashedTheJavadoc: documenting the gradient of an
   * instance method with no parameters, whose model holds only the object's fields, indexed past
   * the method's parameters (corpus plain/Network.weightDecay).
   */
  @Test
  void anObjectMethodWithNoParametersCrashedTheJavadoc() {
    Compiled c =
        Compiled.compileAll(
            java.util.Map.of(
                "p.C",
                """
                package p;

                import io.github.backprop.Differentiable;

                class C {
                  final double[] w;

                  C(double[] w) {
                    this.w = w;
                  }

                  @Differentiable(hessian = true)
                  double decay() {
                    double s = 0;
                    for (double v : w) {
                      s += v * v;
                    }
                    return 0.5 * s;
                  }
                }
                """));
    assertTrue(c.succeeded(), c.diagnostics());
    assertFalse(c.diagnostics().contains("BackpropBug"), c.diagnostics());
  }
}
