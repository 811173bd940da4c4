package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.ModeChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code equals}, {@code hashCode} and {@code toString} of records made in the method: no
 * derivative, answered by the record itself, made again from its components, so that they give
 * what the source gives (an equality that guards a kink, a record in an exception's message).
 */
class RecordObjectMethodsTest {
  static final Compiled C =
      Compiled.compile(
          "p.C",
          """
          package p;

          import io.github.backprop.Differentiable;

          class C {
            record Point(double x, double y) {}

            record Segment(Point a, Point b, String label) {
              Segment {
                if (label.isEmpty()) {
                  throw new IllegalArgumentException("no label");
                }
              }
            }

            @Differentiable(forward = true, hessian = true)
            static double path(double[] xs) {
              double s = 0;
              Point prev = new Point(0, 0);
              for (int i = 0; i + 1 < xs.length; i += 2) {
                Point p = new Point(xs[i], xs[i + 1]);
                if (!p.equals(prev)) {
                  s += Math.hypot(p.x() - prev.x(), p.y() - prev.y());
                }
                prev = p;
              }
              return s;
            }

            @Differentiable
            static double described(double x, double y) {
              Point p = new Point(x, y);
              if (x > y) {
                throw new IllegalArgumentException("not ordered: " + p + " at " + x);
              }
              return x * y;
            }

            @Differentiable(forward = true, hessian = true)
            static double checked(double x, double y) {
              Point p = new Point(x, y);
              if (Double.isNaN(x) || y > 10) {
                throw new IllegalArgumentException("bad point " + p.toString());
              }
              Point q = new Point(x, y);
              Segment s = new Segment(p, q, "pq");
              double same = p.hashCode() == q.hashCode() && s.equals(new Segment(q, p, "pq")) ? 1 : 0;
              return x * y * same + (s.toString().startsWith("Segment[a=Point[x=") ? x : 0);
            }
          }
          """);

  private static List<Object[]> points(String name) {
    return name.equals("path")
        ? List.of(new Object[] {new double[] {0.3, 0.4, 1.2, -0.7}}, new Object[] {new double[] {-1.1, 0.5, 0.2, 0.9, 1.4, 0.3}})
        : List.of(new Object[] {0.7, -1.3}, new Object[] {1.5, 2.5}, new Object[] {-0.4, 0.2});
  }

  @Test
  void gradientsMatchFiniteDifferencesInEveryMode() {
    ModeChecks.gradients(C, List.of("path", "checked"), RecordObjectMethodsTest::points);
    ModeChecks.forwardAndSecondOrder(C, List.of("path", "checked"), RecordObjectMethodsTest::points, 2026172002L, List.of());
  }

  @Test
  void anEqualityGuardsTheKinkOfARepeatedPoint() {
    assertTrue(C.succeeded(), C.diagnostics());
    // The second point repeats the first: its segment is skipped, and so is hypot's kink at 0.
    double[] xs = {0.3, 0.4, 0.3, 0.4, 1.5, 0.4};
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "path", (Object) xs.clone()));
    assertEquals(0.5 + 1.2, (Double) g.get("value"), 1e-12);
    double[] gx = (double[]) g.get("xs");
    // d/dp1 of |p1| is p1 / |p1|; the last segment (1.2, 0) pulls p2 by (-1, 0) and p3 by (1, 0).
    double[] exact = {0.6, 0.8, -1, 0, 1, 0};
    for (int i = 0; i < xs.length; i++) {
      assertEquals(exact[i], gx[i], 1e-12, "xs[" + i + "]");
    }
  }

  @Test
  void toStringGivesTheRecordsOwnTextAndHashCodeItsOwnHash() {
    assertTrue(C.succeeded(), C.diagnostics());
    Throwable thrown = ModeChecks.thrown(C, "checked", 0.5, 12.0);
    assertEquals("bad point Point[x=0.5, y=12.0]", thrown.getMessage());
    // The two points are equal, so are their hashes, and Segment's text starts as Java writes it.
    for (Object[] point : points("checked")) {
      double x = (Double) point[0];
      double y = (Double) point[1];
      Map<String, Object> g = GradCheck.check(C, "checked", point);
      assertEquals(y + 1, (Double) g.get("x"), 1e-12);
      assertEquals(x, (Double) g.get("y"), 1e-12);
    }
  }

  @Test
  void aRecordInAStringConcatenationGivesItsOwnText() {
    assertEquals("not ordered: Point[x=2.0, y=1.0] at 2.0", ModeChecks.thrown(C, "described", 2.0, 1.0).getMessage());
    Map<String, Object> g = GradCheck.check(C, "described", 0.5, 1.5);
    assertEquals(1.5, (Double) g.get("x"), 0.0);
  }
}
