package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
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
                static double pairs(double a) {
                  Vec3[] vs = {new Vec3(a, 1, 0), new Vec3(2, a, 0), new Vec3(a * a, 3, 0)};
                  double s = 0;
                  outer:
                  for (Vec3 v : vs) {
                    for (Vec3 w : vs) {
                      if (w.x() > 3) {
                        break outer;
                      }
                      if (v.x() == w.x()) {
                        continue;
                      }
                      s += v.x() * w.y();
                    }
                  }
                  return s;
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

  static final Compiled P =
      Compiled.compileAll(
          Map.of(
              "p.P",
              """
              package p;

              import io.github.backprop.Differentiable;

              class P {
                record Vec3(double x, double y, double z) {
                  double dist2(Vec3 o) {
                    double dx = x - o.x();
                    double dy = y - o.y();
                    double dz = z - o.z();
                    return dx * dx + dy * dy + dz * dz;
                  }
                }

                record Particle(Vec3 pos, double mass, int id) {}

                @Differentiable(wrt = "ps", forward = true, hessian = true)
                static double energy(Particle[] ps, double soft) {
                  double e = 0;
                  for (int i = 0; i < ps.length; i++) {
                    for (int j = i + 1; j < ps.length; j++) {
                      double r2 = ps[i].pos().dist2(ps[j].pos()) + soft;
                      e -= ps[i].mass() * ps[j].mass() / Math.sqrt(r2) * (1 + ps[i].id() % 2);
                    }
                  }
                  return e;
                }

                @Differentiable(wrt = {"vs", "k"}, forward = true)
                static double chain(Vec3[] vs, double k) {
                  Vec3[] mid = new Vec3[vs.length - 1];
                  for (int i = 0; i < mid.length; i++) {
                    mid[i] = new Vec3((vs[i].x() + vs[i + 1].x()) / 2, vs[i].y() * vs[i + 1].y(), Math.sin(vs[i].z()));
                  }
                  double s = 0;
                  for (Vec3 m : mid) {
                    s += k * m.dist2(vs[0]);
                  }
                  return s;
                }
              }
              """));

  /** Particles of state {@code s[i] = {x, y, z, mass}}. */
  private static Object particles(double[][] s, int[] ids) {
    try {
      Class<?> particle = P.loadClass("p.P$Particle");
      Constructor<?> vec = P.loadClass("p.P$Vec3").getDeclaredConstructors()[0];
      Constructor<?> make = particle.getDeclaredConstructors()[0];
      vec.setAccessible(true);
      make.setAccessible(true);
      Object out = Array.newInstance(particle, s.length);
      for (int i = 0; i < s.length; i++) {
        Array.set(out, i, make.newInstance(vec.newInstance(s[i][0], s[i][1], s[i][2]), s[i][3], ids[i]));
      }
      return out;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The state of a {@code ParticleTangent[]}, as {@link #particles} takes it. */
  private static double[][] tangents(Object array) {
    double[][] out = new double[Array.getLength(array)][];
    for (int i = 0; i < out.length; i++) {
      Map<String, Object> t = Compiled.components(Array.get(array, i));
      Map<String, Object> pos = Compiled.components(t.get("pos"));
      out[i] = new double[] {(Double) pos.get("x"), (Double) pos.get("y"), (Double) pos.get("z"), (Double) t.get("mass")};
    }
    return out;
  }

  /** Tangent records of state {@code s}, for the direction of {@code energyJvp}. */
  private static Object tangentRecords(double[][] s) {
    try {
      Class<?> tangent = P.loadClass("p.PGrad$ParticleTangent");
      Constructor<?> vec = P.loadClass("p.PGrad$Vec3Tangent").getDeclaredConstructors()[0];
      Constructor<?> make = tangent.getDeclaredConstructors()[0];
      Object out = Array.newInstance(tangent, s.length);
      for (int i = 0; i < s.length; i++) {
        Array.set(out, i, make.newInstance(vec.newInstance(s[i][0], s[i][1], s[i][2]), s[i][3]));
      }
      return out;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static double energy(double[][] s, int[] ids, double soft) {
    return (Double) P.call("p.P", "energy", particles(s, ids), soft);
  }

  @Test
  void aParameterArrayOfRecordsHasAnArrayOfTangents() {
    Random random = new Random(31);
    for (int n : new int[] {2, 3, 5}) {
      double[][] s = new double[n][4];
      int[] ids = new int[n];
      for (int i = 0; i < n; i++) {
        s[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), 0.5 + random.nextDouble()};
        ids[i] = i;
      }
      Object ps = particles(s, ids);
      Map<String, Object> g = Compiled.components(P.call("p.PGrad", "energy", ps, 0.1));
      assertEquals(energy(s, ids, 0.1), (Double) g.get("value"), 1e-12);
      assertFalse(g.containsKey("soft"), "soft is not named in wrt");
      double[][] grad = tangents(g.get("ps"));
      assertEquals(n, grad.length);
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < 4; c++) {
          double h = 1e-5;
          double[][] up = deepCopy(s);
          double[][] down = deepCopy(s);
          up[i][c] += h;
          down[i][c] -= h;
          double fd = (energy(up, ids, 0.1) - energy(down, ids, 0.1)) / (2 * h);
          assertEquals(fd, grad[i][c], 1e-6 * Math.max(1, Math.abs(fd)), "d energy / d ps[" + i + "]." + c);
        }
      }
      // forward mode: the tangent is the gradient's dot product with the direction
      double[][] dir = new double[n][4];
      double dot = 0;
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < 4; c++) {
          dir[i][c] = random.nextGaussian();
          dot += dir[i][c] * grad[i][c];
        }
      }
      Map<String, Object> jvp = Compiled.components(P.call("p.PGrad", "energyJvp", ps, 0.1, tangentRecords(dir)));
      assertEquals(dot, (Double) jvp.get("tangent"), 1e-10 * Math.max(1, Math.abs(dot)));
      // second order: flattened component by component (all x, all y, all z, all masses), each
      // column the central difference of that flattened gradient
      Map<String, Object> hess = Compiled.components(P.call("p.PGrad", "energyHessian", ps, 0.1));
      double[][] hm = (double[][]) hess.get("hessian");
      assertEquals(4 * n, hm.length);
      for (int c = 0; c < 4; c++) {
        for (int i = 0; i < n; i++) {
          double h = 1e-5;
          double[][] up = deepCopy(s);
          double[][] down = deepCopy(s);
          up[i][c] += h;
          down[i][c] -= h;
          double[][] gu = tangents(Compiled.components(P.call("p.PGrad", "energy", particles(up, ids), 0.1)).get("ps"));
          double[][] gd = tangents(Compiled.components(P.call("p.PGrad", "energy", particles(down, ids), 0.1)).get("ps"));
          for (int c2 = 0; c2 < 4; c2++) {
            for (int j = 0; j < n; j++) {
              double fd = (gu[j][c2] - gd[j][c2]) / (2 * h);
              double entry = hm[c2 * n + j][c * n + i];
              assertEquals(fd, entry, 1e-5 * Math.max(1, Math.abs(fd)), "H[" + c2 + "," + j + "][" + c + "," + i + "]");
            }
          }
        }
      }
    }
  }

  @Test
  void aParameterArrayReadInLoopsAndCopiedIntoALocalOne() {
    Random random = new Random(32);
    for (int n : new int[] {2, 4}) {
      double[][] s = new double[n][];
      for (int i = 0; i < n; i++) {
        s[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      }
      double k = 0.5 + random.nextDouble();
      Object vs = vecs(s);
      Map<String, Object> g = Compiled.components(P.call("p.PGrad", "chain", vs, k));
      double[][] grad = vecTangents(g.get("vs"));
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < 3; c++) {
          double h = 1e-5;
          double[][] up = deepCopy(s);
          double[][] down = deepCopy(s);
          up[i][c] += h;
          down[i][c] -= h;
          double fd = ((Double) P.call("p.P", "chain", vecs(up), k) - (Double) P.call("p.P", "chain", vecs(down), k)) / (2 * h);
          assertEquals(fd, grad[i][c], 1e-6 * Math.max(1, Math.abs(fd)), "d chain / d vs[" + i + "]." + c);
        }
      }
      double fk = ((Double) P.call("p.P", "chain", vs, k + 1e-5) - (Double) P.call("p.P", "chain", vs, k - 1e-5)) / 2e-5;
      assertEquals(fk, (Double) g.get("k"), 1e-6 * Math.max(1, Math.abs(fk)));
    }
  }

  private static Object vecs(double[][] s) {
    try {
      Class<?> vec = P.loadClass("p.P$Vec3");
      Constructor<?> make = vec.getDeclaredConstructors()[0];
      make.setAccessible(true);
      Object out = Array.newInstance(vec, s.length);
      for (int i = 0; i < s.length; i++) {
        Array.set(out, i, make.newInstance(s[i][0], s[i][1], s[i][2]));
      }
      return out;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static double[][] vecTangents(Object array) {
    double[][] out = new double[Array.getLength(array)][];
    for (int i = 0; i < out.length; i++) {
      Map<String, Object> t = Compiled.components(Array.get(array, i));
      out[i] = new double[] {(Double) t.get("x"), (Double) t.get("y"), (Double) t.get("z")};
    }
    return out;
  }

  private static double[][] deepCopy(double[][] s) {
    double[][] out = new double[s.length][];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i].clone();
    }
    return out;
  }

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
  void nestedLoopsWithJumps() {
    Random random = new Random(24);
    for (double a : new double[] {0.5, 1.5, 1.9, -0.7}) {
      GradCheck.check(C, "pairs", a);
      JvpCheck.check(C, "p.C", "p.CGrad", "pairs", new Object[] {a}, random, 2);
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
