package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Objects of value classes made in the method, as Hipparchus's Vector3D and Complex are written:
 * final fields (private ones too) set by a constructor, methods that return new objects. Each is
 * held as one local per field, set by the constructor's body read in place.
 */
class ValueClassesTest {
  static final String VEC3 =
      """
      package p;

      final class Vec3 {
        private final double x;
        private final double y;
        private final double z;

        Vec3(double x, double y, double z) {
          this.x = x;
          this.y = y;
          this.z = z;
        }

        Vec3(double s) {
          this(s, s, s);
        }

        static Vec3 of(double x, double y, double z) {
          return new Vec3(x, y, z);
        }

        double getX() {
          return x;
        }

        double getY() {
          return y;
        }

        double getZ() {
          return z;
        }

        Vec3 add(Vec3 o) {
          return new Vec3(x + o.x, y + o.y, z + o.z);
        }

        Vec3 subtract(Vec3 o) {
          return new Vec3(x - o.x, y - o.y, z - o.z);
        }

        Vec3 scalarMultiply(double k) {
          return new Vec3(k * x, k * y, k * z);
        }

        double dotProduct(Vec3 o) {
          return x * o.x + y * o.y + z * o.z;
        }

        Vec3 crossProduct(Vec3 o) {
          return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
        }

        double getNorm() {
          return Math.sqrt(dotProduct(this));
        }

        Vec3 normalize() {
          double n = getNorm();
          if (n == 0) {
            throw new ArithmeticException("cannot normalize a zero vector");
          }
          return scalarMultiply(1 / n);
        }
      }
      """;

  static final String COMPLEX =
      """
      package p;

      import io.github.backprop.Differentiable;

      final class Complex {
        private final double real;
        private final double imaginary;
        private final boolean isNaN;

        Complex(double real, double imaginary) {
          this.real = real;
          this.imaginary = imaginary;
          isNaN = Double.isNaN(real) || Double.isNaN(imaginary);
        }

        double getReal() {
          return real;
        }

        double getImaginary() {
          return imaginary;
        }

        boolean isNaN() {
          return isNaN;
        }

        Complex add(Complex o) {
          return new Complex(real + o.real, imaginary + o.imaginary);
        }

        Complex multiply(Complex o) {
          if (isNaN || o.isNaN) {
            return new Complex(Double.NaN, Double.NaN);
          }
          return new Complex(real * o.real - imaginary * o.imaginary, real * o.imaginary + imaginary * o.real);
        }

        Complex exp() {
          double e = Math.exp(real);
          return new Complex(e * Math.cos(imaginary), e * Math.sin(imaginary));
        }

        double abs() {
          return Math.hypot(real, imaginary);
        }

        @Differentiable(forward = true, hessian = true)
        double logAbs(double k) {
          return Math.log(multiply(this).abs()) * k + exp().getReal();
        }
      }
      """;

  static final String SCALED =
      """
      package p;

      final class Scaled {
        final double factor = 2;
        final double v;
        final int times;
        final double square;

        Scaled(double v, int times) {
          if (times < 0) {
            throw new IllegalArgumentException("times < 0");
          }
          this.v = v * factor;
          this.times = times;
          square = squared();
        }

        double squared() {
          return v * v;
        }

        double total() {
          return v * times;
        }
      }
      """;

  static final String C_SOURCE =
      """
      package p;

      import io.github.backprop.Differentiable;

      class C {
        static double energy(Vec3 r, Vec3 v, double m) {
          return 0.5 * m * v.dotProduct(v) - m / r.getNorm() + r.crossProduct(v).getZ();
        }

        @Differentiable(forward = true, hessian = true)
        static double energyOf(Vec3 r, Vec3 v, double m) {
          return energy(r, v, m);
        }

        @Differentiable(forward = true, hessian = true)
        static double energyFlat(double rx, double ry, double rz, double vx, double vy, double vz, double m) {
          return energy(new Vec3(rx, ry, rz), new Vec3(vx, vy, vz), m);
        }

        static Vec3 mid(Vec3 p, Vec3 q) {
          return p.add(q).scalarMultiply(0.5);
        }

        @Differentiable(forward = true, hessian = true)
        static double torque(double a, double b, double c) {
          Vec3 r = new Vec3(a, b, 1);
          Vec3 f = Vec3.of(c, a * b, 2);
          Vec3 t = r.crossProduct(f);
          return t.getNorm() + r.normalize().dotProduct(f) + new Vec3(a).getZ() + mid(r, f).getY();
        }

        @Differentiable(forward = true, hessian = true)
        static double orbit(double v0, double dt, int n) {
          Vec3 p = new Vec3(1, 0, 0);
          Vec3 v = new Vec3(0, v0, 0.1);
          for (int i = 0; i < n; i++) {
            p = p.add(v.scalarMultiply(dt));
            double r = p.getNorm();
            v = v.subtract(p.scalarMultiply(dt / (r * r * r)));
          }
          return p.getX() + 2 * p.getY() + v.dotProduct(v);
        }

        @Differentiable(forward = true, hessian = true)
        static double series(double re, double im) {
          Complex z = new Complex(re, im);
          Complex s = new Complex(1, 0);
          for (int k = 0; k < 4; k++) {
            s = s.multiply(z).add(new Complex(0.5, k));
          }
          return s.abs() + z.exp().getReal();
        }

        @Differentiable(forward = true, hessian = true)
        static double chosen(double a, double b) {
          Vec3 r = new Vec3(a, b, a * b);
          Vec3 q = new Vec3(b, 1, a);
          Vec3 u = a > b ? r : q.add(r);
          return u.getNorm() * u.getX();
        }

        @Differentiable(forward = true, hessian = true)
        static double scaled(double v, int times) {
          Scaled s = new Scaled(v * v, times);
          return s.total() + s.v * s.factor + s.square;
        }
      }
      """;

  static final Compiled C =
      Compiled.compileAll(Map.of("p.Vec3", VEC3, "p.Complex", COMPLEX, "p.Scaled", SCALED, "p.C", C_SOURCE));

  @Test
  void gradientsMatchFiniteDifferencesInEveryMode() {
    assertTrue(C.succeeded(), C.diagnostics());
    Random random = new Random(2026134001L);
    double[][] points = {{0.7, -1.3, 0.4}, {1.9, 0.2, -0.8}, {-0.6, 1.1, 2.5}};
    for (double[] pt : points) {
      Object[][] calls = {
        {"torque", pt[0], pt[1], pt[2]},
        {"orbit", 1 + pt[0] * 0.1, 0.05, 7},
        {"series", pt[0] * 0.5, pt[1] * 0.5},
        {"chosen", pt[0], pt[1]},
        {"chosen", pt[1], pt[0]},
        {"scaled", pt[2], 3},
      };
      for (Object[] call : calls) {
        String name = (String) call[0];
        Object[] args = java.util.Arrays.copyOfRange(call, 1, call.length);
        GradCheck.check(C, name, args);
        JvpCheck.Result r = JvpCheck.check(C, "p.C", "p.CGrad", name, args, random, 3);
        assertTrue(r.ran(), name);
        HessianCheck.check(C, name, args);
      }
    }
  }

  /**
   * A Vec3 parameter is passed in through its getters (its fields are private), and its
   * gradient is a Vec3Tangent: the same numbers as for the Vec3 made from doubles, whose
   * gradient finite differences check.
   */
  @Test
  void parametersOfAValueClassGiveTangentsOfTheirFields() throws Exception {
    Class<?> vec = C.loadClass("p.Vec3");
    java.lang.reflect.Constructor<?> make = vec.getDeclaredConstructor(double.class, double.class, double.class);
    make.setAccessible(true);
    Class<?> grad = C.loadClass("p.CGrad");
    Class<?> tangent = C.loadClass("p.CGrad$Vec3Tangent");
    java.lang.reflect.Constructor<?> direction = tangent.getDeclaredConstructor(double.class, double.class, double.class);
    double[][] points = {{0.7, -1.3, 0.4, 0.2, 0.9, -0.5, 1.5}, {1.9, 0.2, -0.8, -1.1, 0.3, 0.6, 0.8}};
    for (double[] p : points) {
      Object[] flat = new Object[p.length];
      for (int i = 0; i < p.length; i++) {
        flat[i] = p[i];
      }
      Map<String, Object> expected = GradCheck.check(C, "energyFlat", flat);
      HessianCheck.check(C, "energyFlat", flat);
      Object r = make.newInstance(p[0], p[1], p[2]);
      Object v = make.newInstance(p[3], p[4], p[5]);
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "energyOf", r, v, p[6]));
      assertEquals((Double) expected.get("value"), (Double) g.get("value"), 0.0);
      Map<String, Object> gr = Compiled.components(g.get("r"));
      Map<String, Object> gv = Compiled.components(g.get("v"));
      String[] xyz = {"x", "y", "z"};
      for (int i = 0; i < 3; i++) {
        assertEquals((Double) expected.get("r" + xyz[i]), (Double) gr.get(xyz[i]), 1e-12, "r." + xyz[i]);
        assertEquals((Double) expected.get("v" + xyz[i]), (Double) gv.get(xyz[i]), 1e-12, "v." + xyz[i]);
      }
      assertEquals((Double) expected.get("m"), (Double) g.get("m"), 1e-12);
      // forward mode along (1, 0, 0 | 0, 1, 0 | 1): the directional derivative of the gradient's parts
      Object t = grad.getMethod("energyOfJvp", vec, vec, double.class, tangent, tangent, double.class)
          .invoke(null, r, v, p[6], direction.newInstance(1.0, 0.0, 0.0), direction.newInstance(0.0, 1.0, 0.0), 1.0);
      double along = (Double) expected.get("rx") + (Double) expected.get("vy") + (Double) expected.get("m");
      assertEquals(along, (Double) Compiled.components(t).get("tangent"), 1e-12);
      double[][] h = (double[][]) Compiled.components(grad.getMethod("energyOfHessian", vec, vec, double.class).invoke(null, r, v, p[6])).get("hessian");
      double[][] hFlat = (double[][]) Compiled.components(C.call("p.CGrad", "energyFlatHessian", flat)).get("hessian");
      for (int i = 0; i < 7; i++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(hFlat[i], h[i], 1e-12, "hessian row " + i);
      }
    }
  }

  /** An instance method of a value class: self() is a ComplexTangent of the fields its getters read. */
  @Test
  void anInstanceMethodOfAValueClass() throws Exception {
    Class<?> complex = C.loadClass("p.Complex");
    java.lang.reflect.Constructor<?> make = complex.getDeclaredConstructor(double.class, double.class);
    make.setAccessible(true);
    for (double[] z : new double[][] {{0.6, -0.8}, {1.3, 0.4}}) {
      Object self = make.newInstance(z[0], z[1]);
      Map<String, Object> g = Compiled.components(C.call("p.ComplexGrad", "logAbs", self, 1.5));
      Map<String, Object> s = Compiled.components(g.get("self"));
      // log |z^2| k + e^re cos(im): d/dre = 2 k re / |z|^2 + e^re cos(im), d/dim = 2 k im / |z|^2 - e^re sin(im)
      double n2 = z[0] * z[0] + z[1] * z[1];
      assertEquals(2 * 1.5 * z[0] / n2 + Math.exp(z[0]) * Math.cos(z[1]), (Double) s.get("real"), 1e-12);
      assertEquals(2 * 1.5 * z[1] / n2 - Math.exp(z[0]) * Math.sin(z[1]), (Double) s.get("imaginary"), 1e-12);
      assertEquals(Math.log(n2), (Double) g.get("k"), 1e-12);
      assertEquals(java.util.Set.of("real", "imaginary"), s.keySet());
    }
  }

  /** A Stopwatch of one final long, closed by a try-with-resources, stays an object: no value class. */
  @Test
  void aClassOfFinalFieldsWithNoDoubleStaysAnObject() {
    Compiled c =
        Compiled.members(
            """
            static final class Stopwatch implements AutoCloseable {
              private final long start = System.nanoTime();

              long elapsed() {
                return System.nanoTime() - start;
              }

              @Override
              public void close() {}
            }

            @Differentiable static double timed(double x) {
              try (Stopwatch watch = new Stopwatch()) {
                if (watch.elapsed() < 0) {
                  throw new IllegalStateException("the clock went back");
                }
                return x * x;
              }
            }
            """);
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.check(c, "timed", 1.5);
  }

  @Test
  void exactValues() {
    // scaled: s.v = 2 v^2, total = 2 v^2 times, plus s.v * 2 = 4 v^2, plus square = 4 v^4:
    // d/dv = (4 times + 8) v + 16 v^3
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "scaled", 1.5, 3));
    assertEquals(2 * 2.25 * 3 + 4 * 2.25 + 4 * 2.25 * 2.25, (Double) g.get("value"), 1e-12);
    assertEquals((4 * 3 + 8) * 1.5 + 16 * 1.5 * 1.5 * 1.5, (Double) g.get("v"), 1e-12);
    // chosen with a > b: u = (a, b, ab), |u| a; at (2, 1): |u| = 3, d/da = a (a + a b^2)/|u| + |u| = 2 * 4 / 3 + 3
    g = Compiled.components(C.call("p.CGrad", "chosen", 2.0, 1.0));
    assertEquals(6, (Double) g.get("value"), 1e-12);
    assertEquals(2 * 4 / 3.0 + 3, (Double) g.get("a"), 1e-12);
  }
}
