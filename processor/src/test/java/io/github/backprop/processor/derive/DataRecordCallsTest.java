package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Methods of records of data (elements of a list or array the method reads as data) that take
 * and return such records, {@code pts.get(j).minus(pts.get(i))}: run as Java runs them, as they
 * carry no derivative.
 */
class DataRecordCallsTest {
  private static final String POINT = """
      record Point(double x, double y) {
        Point minus(Point o) { return new Point(x - o.x, y - o.y); }
        Point scaled(int k) { return new Point(k * x, k * y); }
        double length() { return Math.hypot(x, y); }
      }

      @Differentiable static double perimeter(java.util.List<Point> pts, double k) {
        double s = 0;
        for (int i = 0; i < pts.size(); i++) {
          s += k * k * pts.get((i + 1) % pts.size()).minus(pts.get(i)).scaled(2).length();
        }
        return s;
      }

      @Differentiable static double spread(Point[] pts, double k) {
        Point d = pts[1].minus(pts[0]);
        return Math.sin(k) * d.length();
      }
      """;

  @Test
  void aDataRecordsMethodReturningARecordRunsAsWritten() throws ReflectiveOperationException {
    Compiled c = Compiled.members(POINT);
    Class<?> point = c.loadClass("p.C$Point");
    var make = point.getDeclaredConstructor(double.class, double.class);
    make.setAccessible(true);
    List<Object> pts = List.of(make.newInstance(0.0, 0.0), make.newInstance(3.0, 0.0), make.newInstance(3.0, 4.0));
    // 2 * (3 + 4 + 5) = 24 per unit of k * k; d/dk = 2k * 24
    Map<String, Object> g = GradCheck.check(c, "perimeter", pts, 1.5);
    assertEquals(1.5 * 1.5 * 24, (Double) g.get("value"), 1e-12);
    assertEquals(2 * 1.5 * 24, (Double) g.get("k"), 1e-12);
    Object[] array = (Object[]) java.lang.reflect.Array.newInstance(point, 2);
    array[0] = pts.get(0);
    array[1] = pts.get(2);
    g = GradCheck.check(c, "spread", array, 0.3);
    assertEquals(Math.cos(0.3) * 5, (Double) g.get("k"), 1e-12);
  }
}
