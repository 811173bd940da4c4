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
 * A holder object a static factory makes, {@code Acc a = Acc.start(); a.add(x);}, then changed
 * by the method: the factory's body runs in place and its object becomes the variable's, as
 * {@code new Acc()} would. Factories with private constructors and fields, that start the
 * object's sums, that choose between two objects, and a result read at once. Against finite
 * differences in every mode, and for exact values.
 */
class HolderFactoriesTest {
  static final String MEMBERS =
      """
      static final class Acc {
        double sum;
        int n;
        static Acc start() { return new Acc(); }
        static Acc of(double first) {
          Acc a = new Acc();
          a.add(first);
          return a;
        }
        static Acc signed(double x) {
          if (x > 0) return new Acc();
          Acc a = new Acc();
          a.sum = x;
          return a;
        }
        void add(double x) { sum += x; n++; }
        double mean() { return sum / n; }
      }

      static final class Stats {
        private double s1;
        private double s2;
        private int n;
        private Stats() {}
        static Stats create() { return new Stats(); }
        void push(double x) { s1 += x; s2 += x * x; n++; }
        double variance() {
          double m = s1 / n;
          return s2 / n - m * m;
        }
      }

      @Differentiable static double meanSquare(double[] x) {
        Acc a = Acc.start();
        for (double v : x) a.add(v * v);
        return a.mean();
      }

      @Differentiable static double seeded(double[] x, double c) {
        Acc a = Acc.of(c);
        for (double v : x) a.add(v * c);
        Acc b = Acc.start();
        b.add(a.mean());
        b.sum *= 2;
        return a.mean() + b.sum;
      }

      @Differentiable static double variance(double[] x) {
        Stats s = Stats.create();
        for (double v : x) s.push(v);
        return s.variance();
      }

      @Differentiable static double chosen(double[] x) {
        Acc a = Acc.signed(x[0]);
        a.add(x[1] * x[0]);
        a = Acc.of(a.sum * x[1]);
        return a.sum + Acc.of(x[0]).mean();
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  static final List<String> NAMES = List.of("meanSquare", "seeded", "variance", "chosen");

  private static List<Object[]> points(String name) {
    return switch (name) {
      case "seeded" -> List.of(new Object[] {new double[] {1, -2, 0.5}, 0.75}, new Object[] {new double[] {2.5}, -1.5});
      case "chosen" -> List.of(new Object[] {new double[] {1.5, -2.0}}, new Object[] {new double[] {-0.5, 3.0}});
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
    Random random = new Random(13);
    for (String name : NAMES) {
      for (Object[] point : points(name)) {
        assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", name, point, random, 3).ran(), name);
        HessianCheck.check(MODES, name, point);
      }
    }
  }

  @Test
  void exactValues() {
    // meanSquare: the mean of v^2, so d/dv = 2 v / n.
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "meanSquare", new double[] {1, -2, 4}));
    assertEquals(7.0, (double) g.get("value"), 0.0);
    assertEquals(List.of(2 / 3.0, -4 / 3.0, 8 / 3.0), boxed((double[]) g.get("x")));
    // variance of {1, 3}: 1; d/dx_i = 2 (x_i - mean) / n.
    g = Compiled.components(C.call("p.CGrad", "variance", new double[] {1, 3}));
    assertEquals(1.0, (double) g.get("value"), 0.0);
    assertEquals(List.of(-1.0, 1.0), boxed((double[]) g.get("x")));
    // chosen at x0 < 0: (x0 + x1 x0) x1 + x0, so d/dx0 = (1 + x1) x1 + 1, d/dx1 = x0 + 2 x1 x0.
    g = Compiled.components(C.call("p.CGrad", "chosen", new double[] {-0.5, 3.0}));
    assertEquals((-0.5 - 1.5) * 3 - 0.5, (double) g.get("value"), 0.0);
    assertEquals(List.of(4.0 * 3 + 1, -0.5 - 3.0), boxed((double[]) g.get("x")));
  }

  private static List<Double> boxed(double[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
