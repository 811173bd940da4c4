package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code f.andThen(g)} and {@code f.compose(g)} of functional values backprop sees written
 * (lambdas, method references, locals and static final fields holding them): read in place as
 * the one function applied to the other's result, in every mode, held in a local, called in a
 * chain or passed to a helper.
 */
class ComposedFunctionsTest {
  static final Compiled C =
      Compiled.members(
          """
          static final java.util.function.DoubleUnaryOperator CUBE = v -> v * v * v;

          @Differentiable(forward = true, hessian = true)
          static double chain(double x) {
            java.util.function.DoubleUnaryOperator square = v -> v * v;
            java.util.function.DoubleUnaryOperator g = square.andThen(Math::sin).compose(v -> v + 1);
            return g.applyAsDouble(x);
          }

          @Differentiable(forward = true, hessian = true)
          static double inline(double x, double y) {
            java.util.function.DoubleUnaryOperator scale = v -> v * y;
            return scale.andThen(v -> v - 1).andThen(Math::exp).applyAsDouble(x);
          }

          @Differentiable(forward = true, hessian = true)
          static double field(double x) {
            return CUBE.andThen(Math::log1p).applyAsDouble(x);
          }

          static double twice(java.util.function.DoubleUnaryOperator f, double x) {
            return f.applyAsDouble(f.applyAsDouble(x));
          }

          @Differentiable(forward = true, hessian = true)
          static double passed(double x) {
            java.util.function.DoubleUnaryOperator half = v -> 0.5 * v;
            return twice(half.andThen(Math::tanh), x);
          }

          @Differentiable(forward = true)
          static double carried(double x) {
            java.util.function.DoubleUnaryOperator two = v -> 2;
            return x * two.andThen(v -> v / 4).applyAsDouble(x);
          }

          static double viaFunctions(java.util.function.Function<Double, Double> f, java.util.function.Function<Double, Double> g, double x) {
            return f.andThen(g).apply(x);
          }

          @Differentiable(forward = true)
          static double boxed(double x) {
            return viaFunctions(v -> v * 3, v -> v * v, x);
          }

          static int viaIntegers(java.util.function.Function<Integer, Integer> f, java.util.function.Function<Integer, Integer> g, int n) {
            return f.andThen(g).apply(n);
          }

          @Differentiable
          static double integers(double x) {
            return x * viaIntegers(v -> v + 1, v -> v / 2, 4);
          }
          """);

  @Test
  void everyMode() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random r = new Random(51);
    for (double x : new double[] {-0.7, 0.35, 1.2}) {
      for (String name : new String[] {"chain", "field", "passed", "carried", "boxed"}) {
        if (name.equals("field") && x < 0) {
          continue; // log1p(x^3) below -1
        }
        GradCheck.check(C, name, x);
        JvpCheck.check(C, "p.C", "p.CGrad", name, new Object[] {x}, r, 2);
      }
      GradCheck.check(C, "inline", x, 0.8);
      JvpCheck.check(C, "p.C", "p.CGrad", "inline", new Object[] {x, 0.8}, r, 2);
      for (String name : new String[] {"chain", "field", "passed"}) {
        if (!(name.equals("field") && x < 0)) {
          hessian(name, x);
        }
      }
    }
  }

  /** Exact: sin((x + 1)^2) has derivative 2 (x + 1) cos((x + 1)^2); 2 / 4 is 0.5 once carried as a double. */
  @Test
  void exactValues() {
    double x = 0.35;
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "chain", x));
    assertEquals(Math.sin((x + 1) * (x + 1)), (double) g.get("value"), 0.0);
    assertEquals(2 * (x + 1) * Math.cos((x + 1) * (x + 1)), (double) g.get("x"), 1e-15);
    Map<String, Object> c = Compiled.components(C.call("p.CGrad", "carried", x));
    assertEquals(0.5 * x, (double) c.get("value"), 0.0);
    assertEquals(0.5, (double) c.get("x"), 0.0);
    Map<String, Object> b = Compiled.components(C.call("p.CGrad", "boxed", x));
    assertEquals(18 * x, (double) b.get("x"), 1e-15);
    // Function<Integer, Integer> carries an int: (4 + 1) / 2 is 2
    Map<String, Object> i = Compiled.components(C.call("p.CGrad", "integers", x));
    assertEquals(2 * x, (double) i.get("value"), 0.0);
    assertEquals(2.0, (double) i.get("x"), 0.0);
  }

  private static void hessian(String name, double x) {
    double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", name + "Hessian", x)).get("hessian");
    double eps = 1e-5;
    double plus = (double) Compiled.components(C.call("p.CGrad", name, x + eps)).get("x");
    double minus = (double) Compiled.components(C.call("p.CGrad", name, x - eps)).get("x");
    double fd = (plus - minus) / (2 * eps);
    assertEquals(fd, h[0][0], 1e-6 * Math.max(1, Math.abs(fd)), name + " at " + x);
  }
}
