package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.ModeChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lists of doubles built in the method, as users write them: {@code List<Double> xs = new
 * ArrayList<>()}, {@code add} in a loop (past the first capacity, so the array grows), {@code
 * get}, {@code set}, {@code size}, {@code isEmpty}, {@code clear}, an enhanced for with {@code
 * double} and {@code Double} elements. Every mode against finite differences, exact values, and
 * the exceptions Java's list throws.
 */
class BuiltListsTest {
  static final String MEMBERS =
      """
      @Differentiable static double squares(double x, int n) {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          xs.add(x * i);
        }
        double s = 0;
        for (double v : xs) {
          s += v * v;
        }
        return s + xs.get(n - 1) * xs.size();
      }

      @Differentiable static double differences(double[] a) {
        ArrayList<Double> d = new ArrayList<>(2);
        for (int i = 1; i < a.length; i++) {
          d.add(a[i] - a[i - 1]);
        }
        for (int i = 0; i < d.size(); i++) {
          d.set(i, d.get(i) * d.get(i));
        }
        double s = d.isEmpty() ? 0 : d.get(0);
        for (Double v : d) {
          s += Math.sqrt(v + 1);
        }
        return s;
      }

      @Differentiable static double cleared(double x, double y) {
        var xs = new ArrayList<Double>();
        xs.add(x);
        xs.add(y * y);
        double first = xs.get(0) * xs.get(1);
        xs.clear();
        xs.add(first * x);
        return xs.get(0) + xs.size();
      }

      @Differentiable static double indexed(double x, int k) {
        List<Double> xs = new ArrayList<>();
        xs.add(x);
        xs.add(2 * x);
        return xs.get(k) * x;
      }
      """;

  static final String HEADER = "package p;\n\nimport io.github.backprop.Differentiable;\nimport java.util.ArrayList;\nimport java.util.List;\n\nclass C {\n";

  static final Compiled C = Compiled.compile("p.C", HEADER + MEMBERS + "}\n");

  static final Compiled MODES =
      Compiled.compile("p.C", HEADER + MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static") + "}\n");

  private static List<Object[]> points(String name) {
    return switch (name) {
      case "squares" -> List.of(new Object[] {0.7, 1}, new Object[] {-1.3, 25});
      case "differences" -> List.of(new Object[] {new double[] {1, 3, -2, 0.5, 4, 2.5}}, new Object[] {new double[] {0.5, 0.25}});
      case "cleared" -> List.of(new Object[] {1.5, -0.5}, new Object[] {0.3, 2.0});
      case "indexed" -> List.of(new Object[] {1.5, 0}, new Object[] {1.5, 1});
      default -> throw new AssertionError(name);
    };
  }

  static final List<String> NAMES = List.of("squares", "differences", "cleared", "indexed");

  @Test
  void gradientsMatchFiniteDifferences() {
    ModeChecks.gradients(C, NAMES, BuiltListsTest::points);
  }

  @Test
  void forwardModeAndSecondOrderMatchFiniteDifferences() {
    ModeChecks.forwardAndSecondOrder(MODES, NAMES, BuiltListsTest::points, 9, List.of());
  }

  @Test
  void exactValues() {
    // squares, n = 25 (past the first capacity): s = x^2 sum i^2 + 24 x * 25; d/dx = 2 x sum i^2 + 600
    double sumSquares = 24 * 25 * 49 / 6.0;
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "squares", -1.3, 25));
    assertEquals(2 * -1.3 * sumSquares + 600, (double) g.get("x"), 1e-9);
    // cleared: x * y^2 * x + 1; d/dx = 2 x y^2, d/dy = 2 x^2 y
    g = Compiled.components(C.call("p.CGrad", "cleared", 1.5, -0.5));
    assertEquals(1.5 * 0.25 * 1.5 + 1, (double) g.get("value"), 0.0);
    assertEquals(2 * 1.5 * 0.25, (double) g.get("x"), 0.0);
    assertEquals(2 * 1.5 * 1.5 * -0.5, (double) g.get("y"), 0.0);
    // differences of {0, 1}: d = {1}, squared, s = 1 + sqrt(2); ds/da = (-1, 1) (2 + 1 / sqrt(2))
    g = Compiled.components(C.call("p.CGrad", "differences", (Object) new double[] {0, 1}));
    double k = 2 + 1 / Math.sqrt(2);
    assertArrayEquals(new double[] {-k, k}, (double[]) g.get("a"), 1e-15);
  }

  @Test
  void anIndexPastTheSizeThrowsAsTheListDoes() {
    Throwable t = ModeChecks.thrown(C, "indexed", 1.0, 2);
    assertTrue(t instanceof IndexOutOfBoundsException, t::toString);
    assertEquals("Index 2 out of bounds for length 2", t.getMessage());
  }
}
