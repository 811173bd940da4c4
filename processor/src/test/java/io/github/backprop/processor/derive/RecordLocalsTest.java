package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records as local values of a differentiable method and of the helpers it calls: held as their
 * components, so every sweep sees plain doubles. {@code new}, accessors, reassignment, helpers
 * that take and return records, nested records and compact constructors that check.
 */
class RecordLocalsTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                record Point(double x, double y) {
                  Point {
                    if (Double.isNaN(x) || Double.isNaN(y)) {
                      throw new IllegalArgumentException("NaN coordinate");
                    }
                  }
                }

                record Segment(Point from, Point to, String name) {
                  double length() {
                    return Math.hypot(to.x() - from().x(), this.to.y() - from.y());
                  }

                  Segment scaled(double f) {
                    return new Segment(from, new Point(from.x() + f * (to().x() - from.x()), from.y() + f * (to.y() - from.y())), name);
                  }
                }

                record Polar(double r, double theta) {
                  public double r() {
                    return Math.abs(r);
                  }

                  double x() {
                    return r() * Math.cos(theta);
                  }
                }

                record Scaled(double v, int times) {
                  Scaled {
                    if (times < 0) {
                      times = -times;
                    }
                    v = v * times;
                  }
                }

                static Point add(Point a, Point b) {
                  return new Point(a.x() + b.x(), a.y() + b.y());
                }

                static Point scale(Point p, double f) {
                  if (f == 0) {
                    return new Point(0, 0);
                  }
                  return new Point(p.x() * f, p.y() * f);
                }

                static double length(Segment s) {
                  double dx = s.to().x() - s.from().x();
                  double dy = s.to().y() - s.from().y();
                  return Math.sqrt(dx * dx + dy * dy);
                }

                @Differentiable static double area(double x, double y) {
                  var p = new Point(x, y);
                  return p.x() * p.y();
                }

                @Differentiable static double helpers(double x, double y, double f) {
                  Point a = new Point(x, y * y);
                  Point b = add(a, new Point(Math.sin(x), 1));
                  Point c = scale(b, f);
                  return c.x() * c.y() + add(c, a).x();
                }

                @Differentiable static double nested(double x, double y) {
                  Segment s = new Segment(new Point(0, 0), new Point(x, y), "diagonal");
                  Point mid = new Point((s.from().x() + s.to().x()) / 2, (s.from().y() + s.to().y()) / 2);
                  return length(s) * mid.y() + length(new Segment(mid, s.to(), s.name()));
                }

                @Differentiable static double methods(double x, double y, double f) {
                  Segment s = new Segment(new Point(x, 0), new Point(y, x * y), "s");
                  Polar p = new Polar(x - y, f);
                  return s.scaled(f).length() * s.length() + p.x() + p.r();
                }

                @Differentiable static double reassigned(double x, double y, int n) {
                  Point p = new Point(x, y);
                  for (int i = 0; i < n; i++) {
                    p = new Point(p.y(), p.x() * 0.5 + p.y());
                  }
                  return p.x() * p.x() + p.y();
                }

                @Differentiable static double compact(double x, int times) {
                  Scaled s = new Scaled(x * x, times);
                  return s.v() * x;
                }

                @Differentiable(forward = true, hessian = true) static double modes(double x, double y) {
                  Point p = add(new Point(x, y * y), new Point(Math.sin(x), 1));
                  return p.x() * p.y();
                }

                @Differentiable static double branches(double x, double y) {
                  Point p = x > 0 ? add(new Point(x, y), new Point(y, x)) : scale(new Point(x, y), 2);
                  return p.x() * p.y();
                }
              }
              """));

  @Test
  void recordLocal() {
    for (double[] pt : new double[][] {{3, -2}, {0.5, 4}, {-1.5, 0.25}}) {
      Map<String, Object> g = GradCheck.check(C, "area", pt[0], pt[1]);
      assertEquals(pt[1], (Double) g.get("x"), 0.0);
      assertEquals(pt[0], (Double) g.get("y"), 0.0);
    }
  }

  @Test
  void helpersThatTakeAndReturnRecords() {
    for (double[] pt : new double[][] {{0.3, -2, 1.5}, {1.2, 0.7, -0.4}, {-2, 3, 0.25}}) {
      GradCheck.check(C, "helpers", pt[0], pt[1], pt[2]);
    }
  }

  @Test
  void nestedRecords() {
    for (double[] pt : new double[][] {{3, 4}, {-1, 0.5}, {0.2, -2.5}}) {
      GradCheck.check(C, "nested", pt[0], pt[1]);
    }
  }

  @Test
  void methodsOfRecordsRunInPlace() {
    for (double[] pt : new double[][] {{0.3, -2, 1.5}, {1.2, 0.7, -0.4}, {-2, 3, 0.25}}) {
      GradCheck.check(C, "methods", pt[0], pt[1], pt[2]);
    }
  }

  @Test
  void reassignedInALoop() {
    for (int n : new int[] {0, 1, 4}) {
      GradCheck.check(C, "reassigned", 0.7, -1.3, n);
      GradCheck.check(C, "reassigned", -2.0, 0.4, n);
    }
  }

  @Test
  void compactConstructorChecksAndNormalises() {
    for (int times : new int[] {-3, 0, 2}) {
      GradCheck.check(C, "compact", 1.1, times);
      GradCheck.check(C, "compact", -0.6, times);
    }
  }

  @Test
  void compactConstructorThrowsAsTheSourceDoes() {
    for (String cls : new String[] {"p.C", "p.CGrad"}) {
      Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> C.call(cls, "area", Double.NaN, 1.0));
      while (t.getCause() != null) {
        t = t.getCause();
      }
      assertEquals("NaN coordinate", t.getMessage(), cls);
    }
  }

  @Test
  void branchesChooseARecord() {
    GradCheck.check(C, "branches", 1.5, -0.5);
    GradCheck.check(C, "branches", -1.5, 0.75);
  }

  @Test
  void forwardModeAgreesWithReverseAndDifferences() {
    java.util.Random random = new java.util.Random(7);
    for (double[] pt : new double[][] {{0.3, -2}, {1.2, 0.7}, {-2, 3}}) {
      io.github.backprop.processor.testing.JvpCheck.check(C, "p.C", "p.CGrad", "modes", new Object[] {pt[0], pt[1]}, random, 4);
    }
  }

  @Test
  void secondOrderMatchesTheClosedForm() {
    for (double[] pt : new double[][] {{0.3, -2}, {1.2, 0.7}, {-2, 3}}) {
      double x = pt[0];
      double y = pt[1];
      double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", "modesHessian", x, y)).get("hessian");
      double bigX = x + Math.sin(x);
      double bigY = y * y + 1;
      assertEquals(-Math.sin(x) * bigY, h[0][0], 1e-12);
      assertEquals((1 + Math.cos(x)) * 2 * y, h[0][1], 1e-12);
      assertEquals((1 + Math.cos(x)) * 2 * y, h[1][0], 1e-12);
      assertEquals(2 * bigX, h[1][1], 1e-12);
    }
  }
}
