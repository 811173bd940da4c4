package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Record locals that start as null ("none yet", {@code Point last = null}), and an enum's
 * constants held in a local ({@code Planet[] all = Planet.values()}), as users write them.
 */
class NullableRecordsTest {
  static final String POINT =
      """
      package p;

      record Point(double x, double y) {
        double norm() {
          return Math.hypot(x, y);
        }
      }
      """;

  static final String PLANET =
      """
      package p;

      enum Planet {
        MERCURY(3.303, 2.4397),
        VENUS(4.869, 6.0518),
        EARTH(5.976, 6.37814);

        final double mass;
        final double radius;

        Planet(double mass, double radius) {
          this.mass = mass;
          this.radius = radius;
        }

        double surfaceGravity(double g) {
          return g * mass / (radius * radius);
        }
      }
      """;

  static final String SOURCE =
      """
      package p;

      import io.github.backprop.Differentiable;

      class C {
        @Differentiable(forward = true, hessian = true)
        static double last(double x, double y, int n) {
          Point last = null;
          for (int i = 0; i < n; i++) {
            last = new Point(x * i + y, x + i * y);
          }
          return last == null ? x * y : last.x() * last.norm();
        }

        @Differentiable(forward = true, hessian = true)
        static double best(double x, double y) {
          Point best = null;
          double[] ts = {0.5, 1.5, 2.5};
          for (double t : ts) {
            Point p = new Point(x * t, y - t);
            if (best == null || p.norm() < best.norm()) {
              best = p;
            }
          }
          return best.x() + best.y() * best.y();
        }

        @Differentiable(forward = true, hessian = true)
        static double cleared(double x, int n) {
          Tagged found = null;
          for (int i = 0; i < n; i++) {
            found = new Tagged(new Point(x * i, x), i, "p" + i);
            if (i == 3) {
              found = null;
            }
          }
          return found != null ? found.at().x() * found.id() + x : x * x;
        }

        @Differentiable(forward = true, hessian = true)
        static double unread(double x, int n) {
          Point p = null;
          if (n > 0) {
            p = new Point(x, x * x);
          }
          return p.y() * x;
        }

        @Differentiable(forward = true, hessian = true)
        static double planets(double g) {
          Planet[] all = Planet.values();
          double s = 0;
          for (Planet p : all) {
            s += p.surfaceGravity(g) * g;
          }
          for (int i = 0; i < all.length; i++) {
            Planet p = all[i];
            s += p.mass * g + all[i].surfaceGravity(g);
          }
          return s;
        }
      }
      """;

  static final Compiled C = Compiled.compileAll(Map.of("p.Point", POINT, "p.Tagged", "package p;\n\nrecord Tagged(Point at, int id, String name) {}\n", "p.Planet", PLANET, "p.C", SOURCE));

  @Test
  void gradientsMatchFiniteDifferencesInEveryMode() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random random = new Random(2026212001L);
    double[][] points = {{0.7, -1.3}, {1.9, 0.2}, {-0.6, 1.1}};
    for (double[] pt : points) {
      Object[][] calls = {
        {"last", pt[0], pt[1], 0},
        {"last", pt[0], pt[1], 4},
        {"best", pt[0], pt[1]},
        {"cleared", pt[0], 2},
        {"cleared", pt[0], 4},
        {"cleared", pt[0], 6},
        {"unread", pt[0], 1},
        {"planets", pt[1]},
      };
      for (Object[] call : calls) {
        String name = (String) call[0];
        Object[] args = java.util.Arrays.copyOfRange(call, 1, call.length);
        GradCheck.check(C, name, args);
        assertTrue(JvpCheck.check(C, "p.C", "p.CGrad", name, args, random, 2).ran(), name);
        HessianCheck.check(C, name, args);
      }
    }
  }

  /** Where none was found, the empty case's value; and one checked by hand. */
  @Test
  void noneYetGivesTheEmptyCaseAndExactValues() {
    Map<String, Object> none = Compiled.components(C.call("p.CGrad", "last", 0.7, -1.3, 0));
    assertEquals(0.7 * -1.3, (Double) none.get("value"), 0.0);
    assertEquals(-1.3, (Double) none.get("x"), 0.0);
    assertEquals(0.7, (Double) none.get("y"), 0.0);
    // cleared at i = 3 and not set again (n = 4): x * x
    Map<String, Object> cleared = Compiled.components(C.call("p.CGrad", "cleared", 1.5, 4));
    assertEquals(2.25, (Double) cleared.get("value"), 0.0);
    assertEquals(3.0, (Double) cleared.get("x"), 0.0);
  }

  /** A record still null where it is read throws Java's NullPointerException, in the gradient too. */
  @Test
  void readingARecordThatIsStillNullThrowsAsJavaDoes() {
    assertTrue(C.succeeded(), C.diagnostics());
    for (String owner : new String[] {"p.C", "p.CGrad"}) {
      Throwable t = assertThrows(Throwable.class, () -> C.call(owner, "unread", 0.5, 0));
      while (t.getCause() != null) {
        t = t.getCause();
      }
      assertTrue(t instanceof NullPointerException, owner + ": " + t);
    }
  }
}
