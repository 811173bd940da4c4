package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lambda held in a {@code final} instance field of the object whose method is differentiated
 * ({@code final DoubleUnaryOperator link = v -> ...}): read in place, its body reading the
 * object's fields as the method does, called as {@code link.applyAsDouble(x)} or {@code
 * this.link...}, composed, or passed to a helper.
 */
class InstanceFieldLambdasTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;
          import java.util.function.DoubleUnaryOperator;

          class C {
            double scale; // a blank final field cannot be read in a field's lambda (JLS 16)
            final DoubleUnaryOperator link = v -> Math.tanh(scale * v);
            final DoubleUnaryOperator square = v -> v * v;

            C(double scale) {
              this.scale = scale;
            }

            static double twice(DoubleUnaryOperator f, double x) {
              return f.applyAsDouble(f.applyAsDouble(x));
            }

            @Differentiable(forward = true, hessian = true)
            double predict(double x, double w) {
              return link.applyAsDouble(w * x) + this.square.applyAsDouble(w) + twice(link, x) + link.andThen(square).applyAsDouble(x);
            }
          }
          """);

  private static Object make(double scale) {
    try {
      var k = C.loadClass("p.C").getDeclaredConstructor(double.class);
      k.setAccessible(true);
      return k.newInstance(scale);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyMode() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (double scale : new double[] {0.5, 1.7}) {
      Object c = make(scale);
      for (double x : new double[] {-0.8, 0.3, 1.4}) {
        double w = 0.6;
        Map<String, Object> g = Compiled.components(C.call("p.CGrad", "predict", c, x, w));
        double value = Math.tanh(scale * w * x) + w * w + Math.tanh(scale * Math.tanh(scale * x)) + Math.pow(Math.tanh(scale * x), 2);
        assertEquals(value, (double) g.get("value"), 1e-15);
        double t = Math.tanh(scale * x);
        double dInner = scale * (1 - t * t);
        double outer = Math.tanh(scale * t);
        double dx = w * scale * (1 - Math.pow(Math.tanh(scale * w * x), 2)) + scale * (1 - outer * outer) * dInner + 2 * t * dInner;
        double dw = x * scale * (1 - Math.pow(Math.tanh(scale * w * x), 2)) + 2 * w;
        assertEquals(dx, (double) g.get("x"), 1e-12);
        assertEquals(dw, (double) g.get("w"), 1e-12);
        double ds = (double) Compiled.components(g.get("self")).get("scale");
        // forward mode along (scale, x, w) = (0.3, -0.5, 0.9): the gradient's dot product
        Object tangent = tangent(0.3);
        Map<String, Object> j = Compiled.components(C.call("p.CGrad", "predictJvp", c, x, w, tangent, -0.5, 0.9));
        assertEquals(value, (double) j.get("value"), 1e-15);
        assertEquals(0.3 * ds - 0.5 * dx + 0.9 * dw, (double) j.get("tangent"), 1e-12);
        // the Hessian over (scale, x, w): each column the central difference of the gradient
        double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "predictHessian", c, x, w)).get("hessian");
        double eps = 1e-5;
        double[][] at = {{scale + eps, x, w}, {scale, x + eps, w}, {scale, x, w + eps}};
        for (int k = 0; k < 3; k++) {
          double[] plus = gradient(at[k][0], at[k][1], at[k][2]);
          double[] minus = gradient(k == 0 ? scale - eps : scale, k == 1 ? x - eps : x, k == 2 ? w - eps : w);
          for (int i = 0; i < 3; i++) {
            double fd = (plus[i] - minus[i]) / (2 * eps);
            assertEquals(fd, h[i][k], 1e-6 * Math.max(1, Math.abs(fd)), "H[" + i + "][" + k + "] at " + scale + ", " + x);
          }
        }
      }
    }
  }

  private static Object tangent(double scale) {
    try {
      var k = C.loadClass("p.CGrad$CTangent").getDeclaredConstructor(double.class);
      k.setAccessible(true);
      return k.newInstance(scale);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The gradient over (scale, x, w). */
  private static double[] gradient(double scale, double x, double w) {
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "predict", make(scale), x, w));
    return new double[] {(double) Compiled.components(g.get("self")).get("scale"), (double) g.get("x"), (double) g.get("w")};
  }
}
