package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Habits of everyday Java the corpus found rejected: {@code for (double v : new double[] {a, b,
 * c})}, a box that starts as {@code null} meaning "none yet" ({@code Double best = null}), and a
 * list of doubles copied from {@code List.of(a, b, c)}. Each against finite differences in every
 * mode, and for exact values.
 */
class PlainFunctionsTest {
  static final String MEMBERS =
      """
      @Differentiable static double overInlineArray(double a, double b, double c) {
        double s = 0;
        for (double v : new double[] {a, b, c}) {
          s += v * v * a;
        }
        return s;
      }

      @Differentiable static double smallest(double a, double b, double c) {
        Double best = null;
        for (double v : new double[] {a, b, c}) {
          if (best == null || v < best) {
            best = v;
          }
        }
        return best * best;
      }

      @Differentiable static double bestIndex(double[] scores, double scale) {
        Integer index = null;
        for (int i = 0; i < scores.length; i++) {
          if (index == null || scores[i] > scores[index]) {
            index = i;
          }
        }
        return scores[index] * scale;
      }

      @Differentiable static double positiveOrNone(double x, double y) {
        Double found = null;
        if (x > 0) {
          found = x * y;
        }
        if (found != null) {
          found += y;
          return found * x;
        }
        found = null;
        return y;
      }

      @Differentiable static double nullWhenUnread(double x) {
        Double d = null;
        if (x > 1) {
          d = x * x;
        }
        return d * 3;
      }

      @Differentiable static double maxOfList(double a, double b, double c) {
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(a, b, c));
        values.add(a * b);
        double largest = values.get(0);
        for (double v : values) {
          largest = Math.max(largest, v);
        }
        return largest * values.size() + values.get(3);
      }

      @Differentiable static double rangeOfList(double a, double b, double c) {
        java.util.List<Double> values = new java.util.ArrayList<>();
        for (double v : new double[] {a, b, c, a * c}) {
          values.add(v);
        }
        double largest = java.util.Collections.max(values);
        double smallest = java.util.Collections.min(values);
        return largest - smallest + largest * smallest;
      }

      @Differentiable static double maxOfEmpty(double a) {
        java.util.List<Double> values = new java.util.ArrayList<>();
        if (a > 0) {
          values.add(a);
        }
        return java.util.Collections.max(values) * a;
      }

      @Differentiable static double sumOfAsList(double a, double b) {
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.Arrays.asList(a, b, 2.0));
        double s = 0;
        for (double v : values) {
          s += Math.sin(v) * a;
        }
        return s;
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  static final List<String> NAMES =
      List.of("overInlineArray", "smallest", "bestIndex", "positiveOrNone", "nullWhenUnread", "maxOfList", "rangeOfList",
          "maxOfEmpty", "sumOfAsList");

  private static List<Object[]> points(String name) {
    return switch (name) {
      case "overInlineArray", "smallest", "maxOfList", "rangeOfList" -> List.of(
          new Object[] {1.5, -0.5, 2.0}, new Object[] {0.3, 1.7, -1.2}, new Object[] {-2.5, 0.4, 0.9});
      case "bestIndex" -> List.of(
          new Object[] {new double[] {3.0, 1.0, 2.0}, 0.5}, new Object[] {new double[] {-1.0, 4.0, 2.5}, -2.0});
      case "positiveOrNone" -> List.of(
          new Object[] {1.5, 0.5}, new Object[] {-0.7, 2.0}, new Object[] {0.3, -1.1});
      case "nullWhenUnread", "maxOfEmpty" -> List.of(new Object[] {1.5}, new Object[] {3.0});
      case "sumOfAsList" -> List.of(new Object[] {0.5, 1.5}, new Object[] {-1.2, 0.7});
      default -> throw new AssertionError(name);
    };
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (String name : NAMES) {
      for (Object[] point : points(name)) {
        GradCheck.check(C, name, point);
      }
    }
  }

  @Test
  void forwardModeAndSecondOrderMatchFiniteDifferences() {
    assertTrue(MODES.succeeded(), MODES.diagnostics());
    Random random = new Random(7);
    for (String name : NAMES) {
      for (Object[] point : points(name)) {
        assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", name, point, random, 3).ran(), name);
        HessianCheck.check(MODES, name, point);
      }
    }
  }

  @Test
  void exactValues() {
    // smallest at (1.5, -0.5, 2.0): best = b, so value b^2 and d/db = 2b, the others 0.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "smallest", 1.5, -0.5, 2.0));
    assertEquals(0.25, (double) g.get("value"), 0.0);
    assertEquals(0.0, (double) g.get("a"), 0.0);
    assertEquals(-1.0, (double) g.get("b"), 0.0);
    assertEquals(0.0, (double) g.get("c"), 0.0);
    // overInlineArray = a (a^2 + b^2 + c^2): d/da = 3a^2 + b^2 + c^2, d/db = 2ab.
    g = Compiled.components(C.call("p.CGrad", "overInlineArray", 1.5, -0.5, 2.0));
    assertEquals(3 * 2.25 + 0.25 + 4, (double) g.get("a"), 1e-15);
    assertEquals(2 * 1.5 * -0.5, (double) g.get("b"), 1e-15);
    // positiveOrNone at x = 1.5, y = 0.5: (x y + y) x, d/dx = 2 x y + y, d/dy = x^2 + x.
    g = Compiled.components(C.call("p.CGrad", "positiveOrNone", 1.5, 0.5));
    assertEquals(2 * 1.5 * 0.5 + 0.5, (double) g.get("x"), 1e-15);
    assertEquals(2.25 + 1.5, (double) g.get("y"), 1e-15);
    // maxOfList at (1.5, -0.5, 2.0): the list is 1.5, -0.5, 2.0, -0.75, so 4 c + a b.
    g = Compiled.components(C.call("p.CGrad", "maxOfList", 1.5, -0.5, 2.0));
    assertEquals(8.0 - 0.75, (double) g.get("value"), 0.0);
    assertEquals(-0.5, (double) g.get("a"), 0.0);
    assertEquals(4.0, (double) g.get("c"), 0.0);
    // rangeOfList at (1.5, -0.5, 2.0): 1.5, -0.5, 2.0, 3.0: max a c, min b; a c - b + a c b.
    g = Compiled.components(C.call("p.CGrad", "rangeOfList", 1.5, -0.5, 2.0));
    assertEquals(3.0 + 0.5 - 1.5, (double) g.get("value"), 0.0);
    assertEquals(2.0 + 2.0 * -0.5, (double) g.get("a"), 0.0);
    assertEquals(-1.0 + 3.0, (double) g.get("b"), 0.0);
  }

  @Test
  void newArrayListOfListOfWasABackpropBugNullPointerException() {
    // new ArrayList<>(List.of(a, b, c)) read its argument as a capacity of no type: [BackpropBug] NPE.
    assertTrue(C.succeeded(), C.diagnostics());
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "sumOfAsList", 0.5, 1.5));
    double expected = 0.5 * (Math.sin(0.5) + Math.sin(1.5) + Math.sin(2.0));
    assertEquals(expected, (double) g.get("value"), 1e-15);
    assertEquals(Math.sin(0.5) + Math.sin(1.5) + Math.sin(2.0) + 0.5 * Math.cos(0.5), (double) g.get("a"), 1e-15);
  }

  @Test
  void collectionsMaxOfAnEmptyListThrowsAsCollectionsDoes() {
    for (String c : List.of("p.CGrad", "p.C")) {
      InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> {
        java.lang.reflect.Method m = C.loadClass(c).getDeclaredMethod("maxOfEmpty", double.class);
        m.setAccessible(true);
        m.invoke(null, -0.5);
      });
      assertTrue(e.getCause() instanceof java.util.NoSuchElementException, c + ": " + e.getCause());
    }
  }

  @Test
  void aBoxStillNullWhenReadThrowsAsUnboxingDoes() {
    for (String c : List.of("p.CGrad", "p.C")) {
      InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> {
        java.lang.reflect.Method m = C.loadClass(c).getDeclaredMethod("nullWhenUnread", double.class);
        m.setAccessible(true);
        m.invoke(null, 0.5);
      });
      assertTrue(e.getCause() instanceof NullPointerException, c + ": " + e.getCause());
    }
  }
}
