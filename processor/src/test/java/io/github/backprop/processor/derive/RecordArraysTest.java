package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Arrays of records made in the method, held as one array per component: initialisers, {@code
 * new R[n]} filled in a loop, elements read through accessors and methods, stored, copied and
 * passed to helpers; gradients against central differences, forward mode against them and the
 * reverse gradient, second order against differences of the gradient.
 */
class RecordArraysTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                record Vec3(double x, double y, double z) {
                  Vec3 {
                    if (Double.isNaN(x)) {
                      throw new IllegalArgumentException("x is NaN");
                    }
                  }

                  double norm() {
                    return Math.sqrt(x * x + y * y + z * z);
                  }

                  double dot(Vec3 o) {
                    return x * o.x() + y * o.y() + z * o.z();
                  }
                }

                record Particle(Vec3 pos, double mass, int id) {}

                @Differentiable(forward = true)
                static double total(double s) {
                  Vec3[] vs = {new Vec3(s, 1, 2), new Vec3(2, s, 1)};
                  double t = 0;
                  for (Vec3 v : vs) t += v.norm();
                  return t;
                }

                static double energy(Particle[] ps) {
                  double e = 0;
                  for (int i = 0; i < ps.length; i++) {
                    for (int j = i + 1; j < ps.length; j++) {
                      double dx = ps[i].pos().x() - ps[j].pos().x();
                      double dy = ps[i].pos().y() - ps[j].pos().y();
                      double dz = ps[i].pos().z() - ps[j].pos().z();
                      e += ps[i].mass() * ps[j].mass() / Math.sqrt(dx * dx + dy * dy + dz * dz + 0.1);
                    }
                  }
                  return e;
                }

                static void scale(Vec3[] vs, double f) {
                  for (int i = 0; i < vs.length; i++) {
                    vs[i] = new Vec3(vs[i].x() * f, vs[i].y(), vs[i].z() * f);
                  }
                }

                @Differentiable(forward = true, hessian = true)
                static double filled(double a, double b, int n) {
                  Vec3[] ps = new Vec3[n];
                  for (int i = 0; i < n; i++) {
                    ps[i] = new Vec3(a * i, Math.sin(b + i), a * b);
                  }
                  double s = 0;
                  for (int i = 0; i < ps.length; i++) {
                    s += ps[i].x() * ps[i].norm() + ps[i].dot(ps[(i + 1) % n]);
                  }
                  return s;
                }

                @Differentiable(forward = true, hessian = true)
                static double particles(double a, double b) {
                  Particle[] ps = {
                    new Particle(new Vec3(a, 0, 1), b, 0),
                    new Particle(new Vec3(0, a * b, 1), 2, 1),
                    new Particle(new Vec3(1, 1, b), a, 2)
                  };
                  Particle[] alias = ps;
                  alias[1] = new Particle(ps[1].pos(), ps[1].mass() * a, 7);
                  return energy(ps) + ps[2].id() + ps[1].id();
                }

                @Differentiable(forward = true)
                static double copies(double a, double[] w) {
                  Vec3[] vs = {new Vec3(a, w[0], 2), new Vec3(w[1], a, 1)};
                  Vec3 first = vs[0];
                  vs[0] = vs[1];
                  vs[1] = first;
                  scale(vs, w[2]);
                  var q = vs[0];
                  double t = 0;
                  for (var v : vs) {
                    t += v.x() * q.y() + Math.exp(v.z());
                  }
                  return t + first.norm();
                }
              }
              """));

  @Test
  void initialiserAndEnhancedFor() {
    for (double s : new double[] {-1.3, 0.2, 2.5}) {
      Map<String, Object> g = GradCheck.check(C, "total", s);
      double expected = s / Math.sqrt(s * s + 5) + s / Math.sqrt(s * s + 5);
      assertEquals(expected, (Double) g.get("s"), 1e-12);
      JvpCheck.check(C, "p.C", "p.CGrad", "total", new Object[] {s}, new Random(1), 2);
    }
  }

  @Test
  void newArrayFilledInALoop() {
    Random random = new Random(21);
    for (int n : new int[] {1, 2, 5}) {
      Object[] point = {random.nextGaussian(), random.nextGaussian(), n};
      GradCheck.check(C, "filled", point);
      JvpCheck.check(C, "p.C", "p.CGrad", "filled", point, random, 3);
      checkHessian("filled", point, 2);
    }
  }

  @Test
  void nestedRecordsAliasesAndHelpers() {
    Random random = new Random(22);
    for (int trial = 0; trial < 3; trial++) {
      Object[] point = {0.5 + random.nextDouble(), 0.5 + random.nextDouble()};
      GradCheck.check(C, "particles", point);
      JvpCheck.check(C, "p.C", "p.CGrad", "particles", point, random, 3);
      checkHessian("particles", point, 2);
    }
  }

  @Test
  void elementCopiesAndAHelperThatStores() {
    Random random = new Random(23);
    for (int trial = 0; trial < 3; trial++) {
      Object[] point = {random.nextGaussian(), new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()}};
      GradCheck.check(C, "copies", point);
      JvpCheck.check(C, "p.C", "p.CGrad", "copies", point, random, 3);
    }
  }

  @Test
  void generatedCodeHoldsNoRecordArray() {
    String source = C.source("p.CGrad");
    assertTrue(source.contains("double[] ps_x = new double[n];"), source);
    assertTrue(source.contains("int[] ps_id = {0, 1, 2};"), source);
    String code = source.replaceAll("//[^\n]*", ""); // the comments quote the source
    assertTrue(!code.contains("Vec3[]") && !code.contains("new Vec3("), source);
  }

  /**
   * The Hessian of the first {@code k} (double) parameters: symmetric, and each column the
   * central difference of the reverse gradient along that parameter.
   */
  private static void checkHessian(String name, Object[] point, int k) {
    double[][] h = (double[][]) Compiled.components(C.call("p.CGrad", name + "Hessian", point)).get("hessian");
    String[] names = {"a", "b"};
    for (int i = 0; i < k; i++) {
      double step = 1e-5 * Math.max(1, Math.abs((Double) point[i]));
      Object[] up = point.clone();
      Object[] down = point.clone();
      up[i] = (Double) point[i] + step;
      down[i] = (Double) point[i] - step;
      Map<String, Object> gu = Compiled.components(C.call("p.CGrad", name, up));
      Map<String, Object> gd = Compiled.components(C.call("p.CGrad", name, down));
      for (int j = 0; j < k; j++) {
        double fd = ((Double) gu.get(names[j]) - (Double) gd.get(names[j])) / (2 * step);
        assertEquals(fd, h[j][i], 1e-5 * Math.max(1, Math.abs(fd)), name + " H[" + j + "][" + i + "]");
        assertEquals(h[i][j], h[j][i], 1e-9 * Math.max(1, Math.abs(h[i][j])), name + " symmetric");
      }
    }
  }
}
