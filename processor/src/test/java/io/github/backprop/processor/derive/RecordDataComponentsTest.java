package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A record component that holds records of data, {@code List<Position> points} or {@code
 * Position[] points} (and {@code List<Double>}): read inside the method as a parameter of that
 * type is, without derivative, in a record parameter, a record made in the method and a helper's
 * record parameter. Against finite differences in every mode, and for exact values.
 */
class RecordDataComponentsTest {
  static final String MEMBERS =
      """
      record Position(double x, double y) {}

      record Scene(java.util.List<Position> points, double scale) {}

      record Cloud(Position[] points, double w, java.util.List<Double> weights) {}

      static double spreadOf(double k, Scene s) {
        double t = 0;
        for (Position q : s.points()) t += k * (q.x() * q.x() + q.y());
        return t * s.scale();
      }

      @Differentiable static double spread(double k, double scale, java.util.List<Position> ps) {
        return spreadOf(k, new Scene(ps, scale));
      }

      @Differentiable static double local(double k, java.util.List<Position> ps) {
        Scene s = new Scene(ps, k * k);
        double t = 0;
        for (int i = 0; i < s.points().size(); i++) t += s.points().get(i).y() * s.scale();
        Scene moved = new Scene(s.points(), s.scale() + k);
        for (Position q : moved.points()) t += q.x() * moved.scale();
        return t;
      }

      @Differentiable static double cloud(double k, Cloud c) {
        double t = 0;
        for (int i = 0; i < c.points().length; i++) t += c.weights().get(i) * Math.sin(k * c.points()[i].x()) * c.w();
        return t + c.points().length;
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  private static Object position(Compiled c, double x, double y) {
    try {
      Constructor<?> make = c.loadClass("p.C$Position").getDeclaredConstructors()[0];
      make.setAccessible(true);
      return make.newInstance(x, y);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Object> positions(Compiled c, double... xy) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      out.add(position(c, xy[i], xy[i + 1]));
    }
    return out;
  }

  private static Object cloud(Compiled c, double w, List<Object> points, List<Double> weights) {
    try {
      Object array = Array.newInstance(c.loadClass("p.C$Position"), points.size());
      for (int i = 0; i < points.size(); i++) {
        Array.set(array, i, points.get(i));
      }
      Constructor<?> make = c.loadClass("p.C$Cloud").getDeclaredConstructors()[0];
      make.setAccessible(true);
      return make.newInstance(array, w, weights);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Object[]> points(Compiled c, String name) {
    return switch (name) {
      case "spread" -> List.of(new Object[] {0.5, 1.5, positions(c, 1, 2, -0.5, 3)}, new Object[] {-2.0, 0.25, positions(c, 3, -1)});
      case "local" -> List.of(new Object[] {0.75, positions(c, 1, 2, -0.5, 3)}, new Object[] {-1.25, positions(c, 2, 0.5)});
      default -> List.of(
          new Object[] {0.5, cloud(c, 1.5, positions(c, 1, 2, -0.5, 3), List.of(2.0, -1.0))},
          new Object[] {-1.0, cloud(c, -0.5, positions(c, 3, 1), List.of(0.5))});
    };
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (String name : List.of("spread", "local", "cloud")) {
      for (Object[] point : points(C, name)) {
        GradCheck.check(C, name, point);
      }
    }
  }

  @Test
  void forwardModeAndSecondOrderMatchFiniteDifferences() {
    assertTrue(MODES.succeeded(), MODES.diagnostics());
    Random random = new Random(17);
    for (String name : List.of("spread", "local")) {
      for (Object[] point : points(MODES, name)) {
        assertTrue(JvpCheck.check(MODES, "p.C", "p.CGrad", name, point, random, 3).ran(), name);
        HessianCheck.check(MODES, name, point);
      }
    }
  }

  @Test
  void theRecordsTangentHoldsItsNumbersOnly() {
    // cloud: sum_i weight_i sin(k x_i) w + n, so d/dw = sum_i weight_i sin(k x_i).
    Object c = cloud(C, 1.5, positions(C, 1, 2, -0.5, 3), List.of(2.0, -1.0));
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "cloud", 0.5, c));
    double dw = 2 * Math.sin(0.5) - Math.sin(-0.25);
    assertEquals(1.5 * dw + 2, (double) g.get("value"), 1e-15);
    assertEquals(Map.of("w", dw), Compiled.components(g.get("c")));
    assertEquals(2 * Math.cos(0.5) * 1.5 + 0.5 * Math.cos(-0.25) * 1.5, (double) g.get("k"), 1e-15);
  }
}
