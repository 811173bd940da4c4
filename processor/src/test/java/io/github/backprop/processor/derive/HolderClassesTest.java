package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Objects of classes whose fields are not final, made in the method and used as a value holder
 * (a running sum, a min/max pair), and classes declared inside the method body: each held as one
 * local per field, which the method's field writes and the object's methods assign. Against
 * finite differences in every mode, and for exact values.
 */
class HolderClassesTest {
  static final String MEMBERS =
      """
      static final class Accumulator {
        private double sum;
        private int count;
        void add(double x) { sum += x; count++; }
        double mean() { return count == 0 ? 0 : sum / count; }
      }

      static final class MinMax {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        void see(double v) {
          if (v < min) min = v;
          if (v > max) this.max = v;
        }
      }

      static void feed(MinMax m, double v) { m.see(v * v); }

      @Differentiable static double nestedHolder(double[] x, double shift) {
        Accumulator acc = new Accumulator();
        for (double v : x) acc.add((v - shift) * (v - shift));
        return acc.mean();
      }

      @Differentiable static double fieldWrites(double[] x) {
        MinMax mm = new MinMax();
        for (double v : x) mm.see(v);
        mm.max *= 2;
        mm.min++;
        return mm.max - mm.min;
      }

      @Differentiable static double madeAgain(double[] x) {
        MinMax mm = new MinMax();
        mm.see(x[0]);
        double first = mm.max * x[1];
        mm = new MinMax();
        mm.see(x[1]);
        feed(mm, x[2]);
        return first + mm.max * mm.min;
      }

      @Differentiable static double localClassPair(double[] x) {
        class Range {
          double lo = Double.POSITIVE_INFINITY;
          double hi = Double.NEGATIVE_INFINITY;
        }
        Range r = new Range();
        for (double v : x) {
          if (v < r.lo) r.lo = v;
          if (v > r.hi) r.hi = v;
        }
        return r.hi - r.lo;
      }

      @Differentiable static double localValueClass(double a, double b) {
        class Rect {
          final double w;
          final double h;
          Rect(double w, double h) { this.w = w; this.h = h; }
          double area() { return w * h; }
        }
        Rect r = new Rect(a, b);
        return r.area() + 2 * (r.w + r.h);
      }

      @Differentiable static double localHolderWithMethods(double[] x, double decay) {
        class Ewma {
          double value;
          boolean started;
          void update(double v, double a) {
            value = started ? a * v + (1 - a) * value : v;
            started = true;
          }
        }
        Ewma e = new Ewma();
        for (double v : x) e.update(v, decay);
        return e.value * e.value;
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  static final List<String> NAMES =
      List.of("nestedHolder", "fieldWrites", "madeAgain", "localClassPair", "localValueClass", "localHolderWithMethods");

  private static List<Object[]> points(String name) {
    return switch (name) {
      case "nestedHolder" -> List.of(new Object[] {new double[] {1, 2, 3.5}, 0.5}, new Object[] {new double[] {-0.3, 2.2}, 1.5});
      case "localValueClass" -> List.of(new Object[] {2.5, 1.5}, new Object[] {-0.7, 0.3});
      case "localHolderWithMethods" -> List.of(new Object[] {new double[] {1, -2, 0.5}, 0.3}, new Object[] {new double[] {2.5}, 0.9});
      default -> List.of(new Object[] {new double[] {1.5, -2.0, 0.5}}, new Object[] {new double[] {0.25, 3.0, -1.25, 2.0}});
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
    Random random = new Random(11);
    for (String name : NAMES) {
      for (Object[] point : points(name)) {
        assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", name, point, random, 3).ran(), name);
        HessianCheck.check(MODES, name, point);
      }
    }
  }

  @Test
  void exactValues() {
    // nestedHolder: the mean of (v - s)^2; d/ds = -2 mean(v - s) = -2 (6.5/3 - 0.5).
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "nestedHolder", new double[] {1, 2, 3.5}, 0.5));
    assertEquals((0.25 + 2.25 + 9) / 3, (double) g.get("value"), 1e-15);
    assertEquals(-2 * (6.5 / 3 - 0.5), (double) g.get("shift"), 1e-14);
    // fieldWrites: 2 max - (min + 1), so d/dmax = 2 and d/dmin = -1.
    g = Compiled.components(C.call("p.CGrad", "fieldWrites", new double[] {1.5, -2.0, 0.5}));
    assertEquals(3.0 - (-1.0), (double) g.get("value"), 0.0);
    assertEquals(List.of(2.0, -1.0, 0.0), boxed((double[]) g.get("x")));
    // madeAgain: x0 x1 + max(x1, x2^2) min(x1, x2^2), with x1 = -2, x2^2 = 0.25.
    g = Compiled.components(C.call("p.CGrad", "madeAgain", new double[] {1.5, -2.0, 0.5}));
    assertEquals(1.5 * -2.0 + 0.25 * -2.0, (double) g.get("value"), 0.0);
    assertEquals(List.of(-2.0, 1.5 + 0.25, 2 * 0.5 * -2.0), boxed((double[]) g.get("x")));
  }

  private static List<Double> boxed(double[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
