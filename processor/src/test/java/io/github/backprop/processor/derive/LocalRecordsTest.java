package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.ModeChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records declared inside the method that uses them, as users write small value types: held as
 * their components like any record, read from the copy backprop writes of each declaration
 * (CGradLocals). Compact constructors, methods, constants, records of local records, a record
 * rebuilt in a loop, one name declared in two methods with different components, overloads, and
 * a local record using the class's member record and helper. Every mode against finite
 * differences, and exact values.
 */
class LocalRecordsTest {
  static final String MEMBERS =
      """
      record Weight(double w) {}

      static double sq(double v) {
        return v * v;
      }

      @Differentiable static double dist(double x1, double y1, double x2, double y2) {
        record P(double x, double y) {
          static final int DIMENSIONS = 2;

          P {
            if (Double.isNaN(x) || Double.isNaN(y)) {
              throw new IllegalArgumentException("NaN coordinate");
            }
          }

          double norm2() {
            return x * x + y() * y;
          }

          P minus(P o) {
            return new P(x - o.x(), y - o.y);
          }
        }
        P a = new P(x1, y1);
        P b = new P(x2, y2);
        return Math.sqrt(a.minus(b).norm2()) + a.minus(b).norm2() * P.DIMENSIONS;
      }

      @Differentiable static double variance(double[] xs, double k) {
        record Acc(double sum, double sumSq, int n) {}
        Acc acc = new Acc(0, 0, 0);
        for (double v : xs) {
          acc = new Acc(acc.sum() + v * k, acc.sumSq() + sq(v * k), acc.n() + 1);
        }
        double mean = acc.sum() / acc.n();
        return acc.sumSq() / acc.n() - mean * mean;
      }

      @Differentiable static double segments(double x, double y) {
        record P(double x, double y, Weight weight) {}
        record Segment(P from, P to) {
          double length() {
            return Math.hypot(to.x() - from.x(), to.y() - from.y());
          }
        }
        Segment s = new Segment(new P(0, 0, new Weight(1)), new P(x, y, new Weight(x * y)));
        return s.length() * s.to().weight().w();
      }

      @Differentiable static double scaled(double x) {
        record P(double r) {}
        return new P(3 * x).r() * x;
      }

      @Differentiable static double scaled(double x, double f) {
        record P(double r, double f) {}
        P p = x > 0 ? new P(x, f) : new P(-x, 2 * f);
        return p.r() * p.f() * p.f();
      }
      """;

  static final Compiled C = Compiled.members(MEMBERS);

  static final Compiled MODES =
      Compiled.members(MEMBERS.replace("@Differentiable static", "@Differentiable(forward = true, hessian = true) static"));

  private static List<Object[]> points(String name) {
    return switch (name) {
      case "dist" -> List.<Object[]>of(new Object[] {1.0, 2.0, 4.0, 6.0}, new Object[] {-0.5, 2.0, 1.0, 0.25});
      case "variance" -> List.<Object[]>of(new Object[] {new double[] {1, 3, -2}, 0.7}, new Object[] {new double[] {0.5, 0.25}, -1.5});
      case "segments" -> List.<Object[]>of(new Object[] {3.0, 4.0}, new Object[] {-1.0, 0.5});
      case "scaled" -> List.<Object[]>of(new Object[] {1.5}, new Object[] {1.5, 0.5}, new Object[] {-1.5, 0.5});
      default -> throw new AssertionError(name);
    };
  }

  static final List<String> NAMES = List.of("dist", "variance", "segments", "scaled");

  @Test
  void gradientsMatchFiniteDifferences() {
    ModeChecks.gradients(C, NAMES, LocalRecordsTest::points);
  }

  @Test
  void forwardModeAndSecondOrderMatchFiniteDifferences() {
    ModeChecks.forwardAndSecondOrder(MODES, NAMES, LocalRecordsTest::points, 3, List.of("scaled"));
  }

  @Test
  void exactValues() {
    // dist: d = |a - b| = 5 at (1, 2), (4, 6); value d + 2 d^2; d/dx1 = (x1 - x2) (1 / d + 4)
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "dist", 1.0, 2.0, 4.0, 6.0));
    assertEquals(5 + 2 * 25, (double) g.get("value"), 0.0);
    assertEquals(-3 * (1 / 5.0 + 4), (double) g.get("x1"), 1e-14);
    assertEquals(4 * (1 / 5.0 + 4), (double) g.get("y2"), 1e-14);
    // segments: hypot(x, y) x y; at (3, 4): d/dx = (x / 5) x y + 5 y
    g = Compiled.components(C.call("p.CGrad", "segments", 3.0, 4.0));
    assertEquals(60.0, (double) g.get("value"), 0.0);
    assertEquals(3 / 5.0 * 12 + 20, (double) g.get("x"), 1e-14);
    // the two overloads each read their own P
    assertEquals(6 * 1.5, (double) Compiled.components(C.call("p.CGrad", "scaled", 1.5)).get("x"), 0.0);
    assertEquals(2 * 4 * 0.5 * 1.5, (double) Compiled.components(C.call("p.CGrad", "scaled", -1.5, 0.5)).get("f"), 0.0);
  }

  @Test
  void aLocalRecordInAClassOfTheUnnamedPackageWroteAStaticImportJavaForbids() {
    Compiled c =
        Compiled.compile(
            "Plain",
            """
            import io.github.backprop.Differentiable;

            class Plain {
              @Differentiable
              static double leg(double dx, double dy) {
                record Leg(double dx, double dy) {
                  double len() {
                    return Math.hypot(dx, dy);
                  }
                }
                return new Leg(dx, dy).len() * dx;
              }
            }
            """);
    assertTrue(c.succeeded(), c::diagnostics);
    // hypot(x, y) x at (3, 4): d/dx = (x / 5) x + 5, d/dy = (y / 5) x
    Map<String, Object> g = Compiled.components(c.call("PlainGrad", "leg", 3.0, 4.0));
    assertEquals(15.0, (double) g.get("value"), 0.0);
    assertEquals(3 / 5.0 * 3 + 5, (double) g.get("dx"), 1e-14);
    assertEquals(4 / 5.0 * 3, (double) g.get("dy"), 1e-14);
  }

  @Test
  void theCompactConstructorThrowsAsTheSourceDoes() {
    assertEquals("NaN coordinate", ModeChecks.thrown(C, "dist", Double.NaN, 1.0, 2.0, 3.0).getMessage());
  }

  @Test
  void theCopiesAreTheDeclarationsAsWritten() {
    String copies = C.source("p.CGradLocals");
    assertTrue(copies.contains("static final class _scaled {"), copies);
    assertTrue(copies.contains("static final class _scaled_2 {"), copies);
    assertTrue(copies.contains("    record Acc(double sum, double sumSq, int n) {}"), copies);
    assertTrue(copies.contains("import static p.C.*;"), copies);
  }
}
