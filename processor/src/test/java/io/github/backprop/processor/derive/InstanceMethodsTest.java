package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Instance methods of plain classes and records: {@code CGrad.m(C self, ...)} holds the object
 * as its fields, and {@code self()} is a tangent record of them. Gradients against central
 * differences of the primal (objects rebuilt with one field moved), and closed forms.
 */
class InstanceMethodsTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.LinearModel",
              """
              package p;

              import io.github.backprop.Differentiable;

              class LinearModel {
                final double[] w;
                double b;
                private int calls;
                java.util.List<String> names;

                LinearModel(double[] w, double b) {
                  this.w = w;
                  this.b = b;
                }

                double predict(double[] x) {
                  double s = b;
                  for (int i = 0; i < w.length; i++) {
                    s += w[i] * x[i];
                  }
                  return s;
                }

                @Differentiable(forward = true)
                double loss(double[] x, double y) {
                  double e = predict(x) - y;
                  return e * e;
                }

                @Differentiable(wrt = "this")
                double batch(double[][] xs, double[] ys) {
                  double s = 0;
                  for (int k = 0; k < ys.length; k++) {
                    double e = this.predict(xs[k]) - ys[k];
                    s += e * e;
                  }
                  return s / ys.length;
                }

                @Differentiable
                static double staticLoss(LinearModel m, double[] x, double y) {
                  return m.loss(x, y) + 0.5 * m.b * m.b;
                }
              }
              """,
              "p.Point",
              """
              package p;

              import io.github.backprop.Differentiable;

              record Point(double x, double y) {
                @Differentiable(forward = true)
                double dist(Point o) {
                  double dx = x - o.x();
                  double dy = this.y - o.y;
                  return Math.sqrt(dx * dx + dy * dy);
                }

                double norm() {
                  return Math.hypot(x, y);
                }

                @Differentiable(wrt = "this")
                double along(Point d) {
                  return x * d.x() + y * d.y();
                }

                @Differentiable
                double scaled(double s) {
                  return s * norm() + dist(new Point(s, 1));
                }
              }
              """,
              "p.Spring",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Spring {
                double k, c;

                Spring(double k, double c) {
                  this.k = k;
                  this.c = c;
                }

                double stiffness() {
                  return k;
                }

                @Differentiable
                double energy(double x, double v) {
                  return 0.5 * k * x * x + c * v * x;
                }

                @Differentiable
                double coupled(Spring other, double x) {
                  return stiffness() * x * x + other.k * other.stiffness() * x + this.c * other.c;
                }
              }
              """,
              "p.Damped",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Damped extends Spring {
                double d;

                Damped(double k, double c, double d) {
                  super(k, c);
                  this.d = d;
                }

                @Differentiable
                double total(double x, double v) {
                  return energy(x, v) + d * v * v + k;
                }
              }
              """,
              "p.Layer",
              """
              package p;

              class Layer {
                double[] w;
                double bias;

                Layer(double[] w, double bias) {
                  this.w = w;
                  this.bias = bias;
                }

                double apply(double x) {
                  double s = bias;
                  for (double v : w) {
                    s += v * x;
                  }
                  return Math.tanh(s);
                }
              }
              """,
              "p.Net",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Net {
                final Layer first;
                final Layer second;
                int steps;
                String name;

                Net(Layer a, Layer b) {
                  first = a;
                  second = b;
                }

                @Differentiable(wrt = "this")
                double out(double x) {
                  Layer l = first;
                  return second.apply(l.apply(x)) * steps;
                }
              }
              """,
              "p.K",
              """
              package p;

              import io.github.backprop.Differentiable;

              class K {
                double x;
                double[] w;

                @Differentiable
                static double helper(K k, double t) {
                  return k.x * t;
                }

                @Differentiable(forward = true)
                double shadow(double x) {
                  return x * this.x + helper(this, x) + inner(x) + secret(x);
                }

                @Differentiable
                double inner(double t) {
                  return w[0] * t * x;
                }

                @Differentiable
                double local(double t) {
                  double x = this.x * 2;
                  x += t;
                  return x * x;
                }

                @Differentiable
                private double secret(double t) {
                  return t * t * x;
                }
              }
              """,
              "p.Gain",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Gain {
                float g;
                double bias;

                @Differentiable(forward = true)
                double out(double x) {
                  return g * x * x + bias;
                }
              }
              """,
              "p.Ring",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Ring {
                double v;
                Link next;
                private Ring owner;

                @Differentiable
                double square() {
                  return v * v;
                }
              }

              class Link {
                double u;
                Hop hop;
              }

              class Hop {
                Ring back;
              }
              """,
              "p.Weights",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Weights {
                double[] a;
                double[] b;

                @Differentiable
                double first(double x) {
                  return a[0] * x * x;
                }

                @Differentiable(wrt = "this")
                double dot(double[] x) {
                  double s = 0;
                  for (int i = 0; i < a.length; i++) {
                    s += a[i] * b[i] * x[i];
                  }
                  return s;
                }
              }
              """));

  @Test
  void compilesWithoutWarnings() {
    assertTrue(C.succeeded(), C.diagnostics());
  }

  private static Object make(String cls, Object... args) {
    try {
      Constructor<?> k = C.loadClass(cls).getDeclaredConstructors()[0];
      k.setAccessible(true);
      return k.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static double invoke(Object self, String name, Object... args) {
    for (Class<?> c = self.getClass(); c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == args.length) {
          try {
            m.setAccessible(true);
            return (Double) m.invoke(self, args);
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  /** Richardson-extrapolated central differences of f at z, one per coordinate. */
  private static double[] differences(Function<double[], Double> f, double[] z) {
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      double h = 1e-3 * Math.max(1, Math.abs(z[i]));
      double[] d = new double[2];
      for (int r = 0; r < 2; r++) {
        double step = r == 0 ? h : h / 2;
        double[] plus = z.clone();
        double[] minus = z.clone();
        plus[i] += step;
        minus[i] -= step;
        d[r] = (f.apply(plus) - f.apply(minus)) / (2 * step);
      }
      out[i] = (4 * d[1] - d[0]) / 3;
    }
    return out;
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), what + " coordinate " + i);
    }
  }

  private static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static Map<String, Object> parts(Object record) {
    return Compiled.components(record);
  }

  @Test
  void linearModelLossAgainstDifferencesAndClosedForm() {
    Random random = new Random(11);
    for (int trial = 0; trial < 4; trial++) {
      int n = 1 + trial;
      double[] z = new double[2 * n + 2]; // w, b, x, y
      for (int i = 0; i < z.length; i++) {
        z[i] = random.nextGaussian();
      }
      Function<double[], Double> f =
          v -> invoke(make("p.LinearModel", java.util.Arrays.copyOf(v, n), v[n]), "loss", java.util.Arrays.copyOfRange(v, n + 1, 2 * n + 1), v[2 * n + 1]);
      double[] w = java.util.Arrays.copyOf(z, n);
      double[] x = java.util.Arrays.copyOfRange(z, n + 1, 2 * n + 1);
      Object model = make("p.LinearModel", w, z[n]);
      Map<String, Object> g = parts(C.call("p.LinearModelGrad", "loss", model, x, z[2 * n + 1]));
      assertEquals(List.of("value", "self", "x", "y"), List.copyOf(g.keySet()));
      Map<String, Object> self = parts(g.get("self"));
      assertEquals(List.of("w", "b"), List.copyOf(self.keySet()), "LinearModelTangent: the non-private fields of number types");
      assertEquals(f.apply(z), (Double) g.get("value"), 0.0);
      double[] analytic = concat((double[]) self.get("w"), new double[] {(Double) self.get("b")}, (double[]) g.get("x"), new double[] {(Double) g.get("y")});
      assertClose(differences(f, z), analytic, "loss at " + java.util.Arrays.toString(z));
      double e = (Double) invoke(model, "predict", x) - z[2 * n + 1];
      assertEquals(2 * e, (Double) self.get("b"), 1e-12);
      for (int i = 0; i < n; i++) {
        assertEquals(2 * e * x[i], ((double[]) self.get("w"))[i], 1e-12);
      }
      assertArrayEquals(java.util.Arrays.copyOf(z, n), w, 0.0, "the model's weights are left as they were");
    }
  }

  @Test
  void forwardModeTakesATangentOfTheObject() throws Exception {
    Random random = new Random(5);
    Class<?> tangent = C.loadClass("p.LinearModelGrad$LinearModelTangent");
    for (int trial = 0; trial < 4; trial++) {
      double[] w = {random.nextGaussian(), random.nextGaussian()};
      double[] x = {random.nextGaussian(), random.nextGaussian()};
      double b = random.nextGaussian();
      double y = random.nextGaussian();
      double[] v = new double[6];
      for (int i = 0; i < v.length; i++) {
        v[i] = random.nextGaussian();
      }
      Object model = make("p.LinearModel", w, b);
      Constructor<?> k = tangent.getDeclaredConstructors()[0];
      Object dir = k.newInstance(new double[] {v[0], v[1]}, v[2]);
      Map<String, Object> jvp = parts(C.call("p.LinearModelGrad", "lossJvp", model, x, y, dir, new double[] {v[3], v[4]}, v[5]));
      Map<String, Object> g = parts(C.call("p.LinearModelGrad", "loss", model, x, y));
      Map<String, Object> self = parts(g.get("self"));
      double[] gw = (double[]) self.get("w");
      double[] gx = (double[]) g.get("x");
      double expected = gw[0] * v[0] + gw[1] * v[1] + (Double) self.get("b") * v[2] + gx[0] * v[3] + gx[1] * v[4] + (Double) g.get("y") * v[5];
      assertEquals(expected, (Double) jvp.get("tangent"), 1e-9 * Math.max(1, Math.abs(expected)));
      assertEquals((Double) g.get("value"), (Double) jvp.get("value"), 0.0);
    }
  }

  @Test
  void wrtThisAndAHelperCalledOnThis() {
    double[][] xs = {{0.5, -1}, {2, 0.25}, {-0.3, 1.5}};
    double[] ys = {1, -0.5, 0.2};
    double[] z = {0.3, -0.7, 0.4};
    Function<double[], Double> f = v -> invoke(make("p.LinearModel", new double[] {v[0], v[1]}, v[2]), "batch", xs, ys);
    Map<String, Object> g = parts(C.call("p.LinearModelGrad", "batch", make("p.LinearModel", new double[] {z[0], z[1]}, z[2]), xs, ys));
    assertEquals(List.of("value", "self"), List.copyOf(g.keySet()), "wrt = \"this\": the data get no component");
    Map<String, Object> self = parts(g.get("self"));
    assertClose(differences(f, z), concat((double[]) self.get("w"), new double[] {(Double) self.get("b")}), "batch");
  }

  @Test
  void staticMethodTakingAnObjectAndCallingItsMethods() {
    double[] z = {0.3, -0.7, 0.4, 1.5, -2, 0.6};
    Function<double[], Double> f =
        v -> {
          Object m = make("p.LinearModel", new double[] {v[0], v[1]}, v[2]);
          return (Double) C.call("p.LinearModel", "staticLoss", m, new double[] {v[3], v[4]}, v[5]);
        };
    Object m = make("p.LinearModel", new double[] {z[0], z[1]}, z[2]);
    Map<String, Object> g = parts(C.call("p.LinearModelGrad", "staticLoss", m, new double[] {z[3], z[4]}, z[5]));
    Map<String, Object> t = parts(g.get("m"));
    assertEquals("LinearModelTangent", g.get("m").getClass().getSimpleName());
    double[] analytic = concat((double[]) t.get("w"), new double[] {(Double) t.get("b")}, (double[]) g.get("x"), new double[] {(Double) g.get("y")});
    assertClose(differences(f, z), analytic, "staticLoss");
  }

  @Test
  void recordMethodsAgainstClosedForms() {
    Random random = new Random(7);
    for (int trial = 0; trial < 5; trial++) {
      double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      Object p = make("p.Point", z[0], z[1]);
      Object o = make("p.Point", z[2], z[3]);
      Map<String, Object> g = parts(C.call("p.PointGrad", "dist", p, o));
      double r = Math.hypot(z[0] - z[2], z[1] - z[3]);
      assertEquals(r, (Double) g.get("value"), 1e-15);
      Map<String, Object> self = parts(g.get("self"));
      Map<String, Object> other = parts(g.get("o"));
      assertEquals((z[0] - z[2]) / r, (Double) self.get("x"), 1e-12);
      assertEquals((z[1] - z[3]) / r, (Double) self.get("y"), 1e-12);
      assertEquals(-(z[0] - z[2]) / r, (Double) other.get("x"), 1e-12);
      assertEquals(-(z[1] - z[3]) / r, (Double) other.get("y"), 1e-12);
      double s = 0.5 + random.nextDouble();
      Function<double[], Double> f = v -> invoke(make("p.Point", v[0], v[1]), "scaled", v[2]);
      Map<String, Object> h = parts(C.call("p.PointGrad", "scaled", p, s));
      Map<String, Object> hs = parts(h.get("self"));
      assertClose(differences(f, new double[] {z[0], z[1], s}), new double[] {(Double) hs.get("x"), (Double) hs.get("y"), (Double) h.get("s")}, "scaled");
    }
  }

  @Test
  void wrtThisOfARecord() {
    Map<String, Object> g = parts(C.call("p.PointGrad", "along", make("p.Point", 2.0, -1.0), make("p.Point", 0.5, 3.0)));
    assertEquals(List.of("value", "self"), List.copyOf(g.keySet()));
    Map<String, Object> self = parts(g.get("self"));
    assertEquals(0.5, (Double) self.get("x"), 0.0);
    assertEquals(3.0, (Double) self.get("y"), 0.0);
  }

  @Test
  void springEnergyExactlyAndCoupledAgainstDifferences() {
    double[][] points = {{2, 0.3, 0.5, -1}, {0.7, -1.1, 2, 0.25}, {5, 0, -0.4, 3}};
    for (double[] z : points) {
      Object spring = make("p.Spring", z[0], z[1]);
      Map<String, Object> g = parts(C.call("p.SpringGrad", "energy", spring, z[2], z[3]));
      Map<String, Object> self = parts(g.get("self"));
      assertEquals(0.5 * z[2] * z[2], (Double) self.get("k"), 1e-15);
      assertEquals(z[3] * z[2], (Double) self.get("c"), 1e-15);
      assertEquals(z[0] * z[2] + z[1] * z[3], (Double) g.get("x"), 1e-14);
      assertEquals(z[1] * z[2], (Double) g.get("v"), 1e-15);
      double[] y = {z[0], z[1], z[2] + 1, z[3] - 0.5, z[2]};
      Function<double[], Double> f = v -> invoke(make("p.Spring", v[0], v[1]), "coupled", make("p.Spring", v[2], v[3]), v[4]);
      Map<String, Object> c = parts(C.call("p.SpringGrad", "coupled", make("p.Spring", y[0], y[1]), make("p.Spring", y[2], y[3]), y[4]));
      Map<String, Object> cs = parts(c.get("self"));
      Map<String, Object> co = parts(c.get("other"));
      assertClose(
          differences(f, y),
          new double[] {(Double) cs.get("k"), (Double) cs.get("c"), (Double) co.get("k"), (Double) co.get("c"), (Double) c.get("x")},
          "coupled");
    }
  }

  @Test
  void inheritedFieldsAndMethods() {
    double[] z = {2, 0.3, 0.7, 0.5, -1};
    Function<double[], Double> f = v -> invoke(make("p.Damped", v[0], v[1], v[2]), "total", v[3], v[4]);
    Map<String, Object> g = parts(C.call("p.DampedGrad", "total", make("p.Damped", z[0], z[1], z[2]), z[3], z[4]));
    Map<String, Object> self = parts(g.get("self"));
    assertEquals(List.of("k", "c", "d"), List.copyOf(self.keySet()), "a superclass's fields first");
    assertClose(
        differences(f, z),
        new double[] {(Double) self.get("k"), (Double) self.get("c"), (Double) self.get("d"), (Double) g.get("x"), (Double) g.get("v")},
        "total");
  }

  @Test
  void nestedObjectsGetNestedTangents() {
    double[] z = {0.4, -0.3, 0.1, 0.8, 0.6, -0.2};
    Function<double[], Double> f =
        v -> {
          Object net = make("p.Net", make("p.Layer", new double[] {v[0], v[1]}, v[2]), make("p.Layer", new double[] {v[3], v[4]}, v[5]));
          setSteps(net);
          return invoke(net, "out", 0.7);
        };
    Object net = make("p.Net", make("p.Layer", new double[] {z[0], z[1]}, z[2]), make("p.Layer", new double[] {z[3], z[4]}, z[5]));
    setSteps(net);
    Map<String, Object> g = parts(C.call("p.NetGrad", "out", net, 0.7));
    assertEquals(List.of("value", "self"), List.copyOf(g.keySet()));
    Map<String, Object> self = parts(g.get("self"));
    assertEquals(List.of("first", "second"), List.copyOf(self.keySet()), "NetTangent: a LayerTangent per Layer; int and String fields left out");
    Map<String, Object> first = parts(self.get("first"));
    Map<String, Object> second = parts(self.get("second"));
    double[] analytic = concat((double[]) first.get("w"), new double[] {(Double) first.get("bias")}, (double[]) second.get("w"), new double[] {(Double) second.get("bias")});
    assertClose(differences(f, z), analytic, "out");
  }

  private static void setSteps(Object net) {
    try {
      var field = net.getClass().getDeclaredField("steps");
      field.setAccessible(true);
      field.setInt(net, 3);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void accumulateOverloadAddsIntoATangentOfArrays() throws Exception {
    Object weights = make("p.Weights");
    set(weights, "a", new double[] {0.5, -1, 2});
    set(weights, "b", new double[] {1.5, 0.25, -0.5});
    double[] x = {0.3, -0.6, 1.1};
    Map<String, Object> g = parts(C.call("p.WeightsGrad", "dot", weights, x));
    Map<String, Object> self = parts(g.get("self"));
    Class<?> tangent = C.loadClass("p.WeightsGrad$WeightsTangent");
    double[] ga = new double[3];
    double[] gb = new double[3];
    Object into = tangent.getDeclaredConstructors()[0].newInstance(ga, gb);
    double v1 = (Double) C.call("p.WeightsGrad", "dot", weights, x, into);
    double v2 = (Double) C.call("p.WeightsGrad", "dot", weights, x, into);
    assertEquals((Double) g.get("value"), v1, 0.0);
    assertEquals(v1, v2, 0.0);
    for (int i = 0; i < 3; i++) {
      assertEquals(2 * ((double[]) self.get("a"))[i], ga[i], 1e-15, "added twice");
      assertEquals(2 * ((double[]) self.get("b"))[i], gb[i], 1e-15, "added twice");
      assertEquals(0.5 * ga[i], new double[] {1.5, 0.25, -0.5}[i] * x[i], 1e-15);
    }
    assertFalse(C.source("p.LinearModelGrad").contains("LinearModelTangent _d_self"), "a double field: no accumulate overload");
    assertTrue(C.source("p.WeightsGrad").contains("WeightsTangent _d_self"));
  }

  @Test
  void fieldsTheMethodDoesNotReadGetZero() {
    Object weights = make("p.Weights");
    set(weights, "a", new double[] {0.5, -1});
    set(weights, "b", new double[] {1.5, 0.25, -0.5});
    Map<String, Object> g = parts(C.call("p.WeightsGrad", "first", weights, 3.0));
    Map<String, Object> self = parts(g.get("self"));
    assertArrayEquals(new double[] {9, 0}, (double[]) self.get("a"), 0.0);
    assertArrayEquals(new double[] {0, 0, 0}, (double[]) self.get("b"), 0.0);
    assertEquals(3.0, (Double) g.get("x"), 0.0);
  }

  /** A parameter that shadows a field, this passed to a static method, annotated and private methods called on this. */
  @Test
  void shadowingAndCallsOnThis() {
    double[][] points = {{1.5, 0.5, -2}, {-0.25, 3, 0.75}};
    for (double[] z : points) {
      Object k = make("p.K");
      set(k, "x", z[0]);
      set(k, "w", new double[] {z[1], 7});
      double t = z[2];
      Map<String, Object> g = parts(C.call("p.KGrad", "shadow", k, t));
      double fx = z[0];
      double w0 = z[1];
      assertEquals(2 * t * fx + w0 * t * fx + t * t * fx, (Double) g.get("value"), 1e-14);
      assertEquals(2 * fx + w0 * fx + 2 * t * fx, (Double) g.get("x"), 1e-14, "d/d parameter x");
      Map<String, Object> self = parts(g.get("self"));
      assertEquals(2 * t + w0 * t + t * t, (Double) self.get("x"), 1e-14, "d/d field x");
      assertArrayEquals(new double[] {t * fx, 0}, (double[]) self.get("w"), 1e-14);
    }
  }

  @Test
  void floatFieldsHaveFloatTangents() throws Exception {
    Object gain = make("p.Gain");
    set(gain, "g", 1.5f);
    set(gain, "bias", 0.25);
    Map<String, Object> g = parts(C.call("p.GainGrad", "out", gain, 2.0));
    Map<String, Object> self = parts(g.get("self"));
    assertEquals(4.0f, (Float) self.get("g"), 0.0f);
    assertEquals(1.0, (Double) self.get("bias"), 0.0);
    assertEquals(2 * 1.5 * 2.0, (Double) g.get("x"), 1e-6);
    Object direction = C.loadClass("p.GainGrad$GainTangent").getDeclaredConstructors()[0].newInstance(0.5f, -1.0);
    Map<String, Object> jvp = parts(C.call("p.GainGrad", "outJvp", gain, 2.0, direction, 0.0));
    assertEquals(4.0 * 0.5 - 1.0, (Double) jvp.get("tangent"), 1e-12);
  }

  /** Objects whose fields lead back to themselves: those fields are left out, the rest held. */
  @Test
  void cyclesOfObjectsAreLeftOut() {
    Object ring = make("p.Ring");
    set(ring, "v", 3.0);
    Map<String, Object> g = parts(C.call("p.RingGrad", "square", ring));
    assertEquals(List.of("v"), List.copyOf(parts(g.get("self")).keySet()));
    assertEquals(6.0, (Double) parts(g.get("self")).get("v"), 0.0);
  }

  /** A local may shadow a field, as in Java, and be assigned: it is not the field. */
  @Test
  void aLocalShadowingAField() {
    Object k = make("p.K");
    set(k, "x", 1.5);
    set(k, "w", new double[] {1});
    Map<String, Object> g = parts(C.call("p.KGrad", "local", k, 0.5));
    assertEquals(12.25, (Double) g.get("value"), 0.0);
    assertEquals(4 * 3.5, (Double) parts(g.get("self")).get("x"), 0.0);
    assertEquals(2 * 3.5, (Double) g.get("t"), 0.0);
  }

  private static void set(Object target, String name, Object value) {
    try {
      var field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
