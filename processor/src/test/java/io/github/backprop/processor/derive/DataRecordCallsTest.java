package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
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

  private static final String SAMPLES = """
      record Sample(double[] x, double y) {
        double dot(double[] w) {
          double s = 0;
          for (int j = 0; j < x.length; j++) {
            s += w[j] * x[j];
          }
          return s;
        }

        double residual(double[] w) {
          return dot(w) - y;
        }

        double[] scaled(double[] w) {
          double[] out = new double[w.length];
          for (int j = 0; j < w.length; j++) {
            out[j] = w[j] * x[j];
          }
          return out;
        }
      }

      @Differentiable(forward = true, hessian = true)
      static double loss(Sample[] data, double[] w) {
        double l = 0;
        for (Sample d : data) {
          double r = d.residual(w);
          l += r * r;
        }
        return l;
      }

      @Differentiable
      static double through(Sample[] data, double[] w) {
        double[] h = w;
        for (Sample d : data) {
          h = d.scaled(h);
        }
        return h[0] + h[1];
      }
      """;

  /**
   * {@code d.residual(w)} on an element of a dataset: the method's body read in place, its
   * components and its other methods ({@code dot(w)}) the element's.
   */
  @Test
  void aDataRecordsMethodGivenADifferentiableValueIsReadInPlace() throws ReflectiveOperationException {
    Compiled c = Compiled.members(SAMPLES);
    Class<?> sample = c.loadClass("p.C$Sample");
    var make = sample.getDeclaredConstructor(double[].class, double.class);
    make.setAccessible(true);
    Object[] data = (Object[]) java.lang.reflect.Array.newInstance(sample, 2);
    data[0] = make.newInstance(new double[] {1, 2}, 0.5);
    data[1] = make.newInstance(new double[] {-1, 0.5}, 1.5);
    for (double[] w : new double[][] {{0.3, -0.7}, {1.5, 0.25}}) {
      Map<String, Object> g = GradCheck.check(c, "loss", data, w);
      // l = sum (w.x - y)^2: dl/dw_j = sum 2 (w.x - y) x_j
      double r0 = w[0] + 2 * w[1] - 0.5;
      double r1 = -w[0] + 0.5 * w[1] - 1.5;
      double[] d = (double[]) g.get("w");
      assertEquals(2 * r0 - 2 * r1, d[0], 1e-14);
      assertEquals(4 * r0 + r1, d[1], 1e-14);
      GradCheck.check(c, "through", data, w);
      double[][] h = (double[][]) Compiled.components(c.call("p.CGrad", "lossHessian", data, w)).get("hessian");
      assertEquals(2 * 1 + 2 * 1, h[0][0], 1e-14); // 2 sum x_0^2
      assertEquals(2 * 2 + 2 * -0.5, h[0][1], 1e-14); // 2 sum x_0 x_1
    }
  }

  private static final String POSITIONS = """
      record Position(String ticker, double qty, double price) {
        Position {
          if (qty < 0) {
            throw new IllegalArgumentException("short positions are not held here");
          }
        }

        double value() {
          return qty * price;
        }

        Position withPrice(double p) {
          return new Position(ticker, qty, p);
        }
      }

      @Differentiable(wrt = "shock", forward = true, hessian = true)
      static double shocked(Position[] book, double shock) {
        double s = 0;
        for (Position p : book) {
          Position moved = p.withPrice(p.price() * Math.exp(shock));
          s += moved.value() * moved.value();
        }
        return s;
      }
      """;

  /**
   * {@code p.withPrice(x)} on an element of a dataset, given a differentiable value: a record
   * made of the element's components and {@code x}, whose methods run as a record local's do.
   */
  @Test
  void aDataRecordsCopyMethodGivenADifferentiableValue() throws ReflectiveOperationException {
    Compiled c = Compiled.members(POSITIONS);
    Class<?> position = c.loadClass("p.C$Position");
    var make = position.getDeclaredConstructor(String.class, double.class, double.class);
    make.setAccessible(true);
    Object[] book = (Object[]) java.lang.reflect.Array.newInstance(position, 2);
    book[0] = make.newInstance("A", 2.0, 10.0);
    book[1] = make.newInstance("B", 0.5, 40.0);
    for (double shock : new double[] {-0.1, 0.0, 0.2}) {
      Map<String, Object> g = GradCheck.check(c, "shocked", book, shock);
      // s = sum (q p e^shock)^2: ds/dshock = 2 s
      double e2 = Math.exp(2 * shock);
      assertEquals(2 * (400 + 400) * e2, (Double) g.get("shock"), 1e-9);
      assertTrue(JvpCheck.check(c, "p.C", "p.CGrad", "shocked", new Object[] {book, shock}, new java.util.Random(2026212002L), 2).ran());
      HessianCheck.check(c, "shocked", new Object[] {book, shock});
    }
  }
}
