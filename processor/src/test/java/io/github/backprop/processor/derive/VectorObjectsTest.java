package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Methods returning {@code double[]} over objects and records: an instance method ({@code self}
 * differentiated, a helper of the object returning an array), a record parameter. rJacobian
 * against central differences of the method itself, at several points, with objects rebuilt
 * around the moved inputs; rVjp's tangent records against the Jacobian's transpose; rJvp against
 * the Jacobian.
 */
class VectorObjectsTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.Model",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Model {
                final double[] w;
                double b;
                int calls;

                Model(double[] w, double b) {
                  this.w = w;
                  this.b = b;
                }

                double[] scaled(double[] x) {
                  double[] r = new double[x.length];
                  for (int i = 0; i < x.length; i++) {
                    r[i] = w[i] * x[i] + b;
                  }
                  return r;
                }

                @Differentiable(forward = true)
                double[] predict(double[] x) {
                  double[] r = scaled(x);
                  r[0] += Math.sin(b) * r[r.length - 1];
                  return r;
                }

                @Differentiable
                double energy(double[] x) {
                  double[] r = scaled(x);
                  double s = 0;
                  for (double v : r) {
                    s += v * v;
                  }
                  return s + Math.sin(b);
                }

                @Differentiable(forward = true, wrt = "this")
                double[] tall(double t) {
                  double[] out = new double[6];
                  for (int i = 0; i < out.length; i++) {
                    out[i] = Math.tanh(w[i % w.length] * t + b * i);
                  }
                  return out;
                }
              }
              """,
              "p.Pair",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Pair {
                final Affine first;
                Affine second;

                Pair(Affine first, Affine second) {
                  this.first = first;
                  this.second = second;
                }

                @Differentiable(forward = true)
                double[] both(double[] x, Affine extra) {
                  double[] y = Affine.apply(first, x);
                  double[] z = Affine.apply(second, y);
                  z[0] += extra.a() * first.c()[0];
                  return z;
                }
              }
              """,
              "p.Affine",
              """
              package p;

              import io.github.backprop.Differentiable;

              record Affine(double a, double[] c, int k) {
                @Differentiable
                static double[] apply(Affine f, double[] x) {
                  double[] y = new double[x.length];
                  for (int i = 0; i < x.length; i++) {
                    y[i] = f.a() * x[i] * x[i] + f.c()[i % f.c().length] * f.k();
                  }
                  return y;
                }
              }
              """));

  /**
   * A method and how to build its arguments from a flat vector z of the differentiated inputs
   * (the object's fields first, in declaration order, then the parameters).
   */
  record Case(String grad, String name, int inputs, Function<double[], Object[]> args) {}

  static final List<Case> CASES =
      List.of(
          // self (w[0..2], b), x[0..2]
          new Case("p.ModelGrad", "predict", 7,
              z -> new Object[] {model(Arrays.copyOfRange(z, 0, 3), z[3]), Arrays.copyOfRange(z, 4, 7)}),
          // self (w[0..1], b); t is data. Six outputs, three inputs: by columns.
          new Case("p.ModelGrad", "tall", 3,
              z -> new Object[] {model(Arrays.copyOfRange(z, 0, 2), z[2]), 0.7}),
          // f (a, c[0..1]), x[0..2]
          new Case("p.AffineGrad", "apply", 6,
              z -> new Object[] {affine(z[0], Arrays.copyOfRange(z, 1, 3), 3), Arrays.copyOfRange(z, 3, 6)}),
          // self (first (a, c[0..1]), second (a, c[0])), x[0..1], extra (a, c[0])
          new Case("p.PairGrad", "both", 9,
              z -> new Object[] {pair(affine(z[0], Arrays.copyOfRange(z, 1, 3), 1), affine(z[3], new double[] {z[4]}, 2)),
                  Arrays.copyOfRange(z, 5, 7), affine(z[7], new double[] {z[8]}, 1)}));

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
  }

  @Test
  void jacobianMatchesFiniteDifferencesAtSeveralPoints() {
    Random random = new Random(21);
    for (Case c : CASES) {
      for (int trial = 0; trial < 4; trial++) {
        double[] z = gaussian(random, c.inputs());
        Map<String, Object> j = Compiled.components(C.call(c.grad(), c.name() + "Jacobian", c.args().apply(z)));
        double[] value = (double[]) j.get("value");
        assertArrayEquals(primal(c, z), value, 0.0, c.name() + ": value() is the method's result");
        double[][] jacobian = (double[][]) j.get("jacobian");
        assertEquals(value.length, jacobian.length, c.name());
        for (int k = 0; k < z.length; k++) {
          double[] column = difference(c, z, k);
          for (int i = 0; i < value.length; i++) {
            assertEquals(z.length, jacobian[i].length, c.name());
            assertEquals(column[i], jacobian[i][k], 1e-7 * Math.max(1, Math.abs(column[i])),
                c.name() + " at " + Arrays.toString(z) + ": d value[" + i + "] / d z[" + k + "]");
          }
        }
      }
    }
  }

  @Test
  void vjpTangentRecordsAreTheJacobiansTranspose() {
    Random random = new Random(22);
    for (Case c : CASES) {
      double[] z = gaussian(random, c.inputs());
      double[][] jacobian = (double[][]) Compiled.components(C.call(c.grad(), c.name() + "Jacobian", c.args().apply(z))).get("jacobian");
      double[] u = gaussian(random, jacobian.length);
      List<Object> args = new ArrayList<>(Arrays.asList(c.args().apply(z)));
      args.add(u);
      Map<String, Object> vjp = Compiled.components(C.call(c.grad(), c.name() + "Vjp", args.toArray()));
      assertArrayEquals(primal(c, z), (double[]) vjp.get("value"), 0.0, c.name());
      double[] flat = flatten(vjp, c);
      for (int k = 0; k < z.length; k++) {
        double expected = 0;
        for (int i = 0; i < jacobian.length; i++) {
          expected += u[i] * jacobian[i][k];
        }
        assertEquals(expected, flat[k], 1e-12 * Math.max(1, Math.abs(expected)), c.name() + " component " + k);
      }
    }
  }

  @Test
  void jvpIsTheJacobianTimesTheDirection() throws ReflectiveOperationException {
    Random random = new Random(23);
    for (Case c : CASES.subList(0, 2)) {
      double[] z = gaussian(random, c.inputs());
      double[] v = gaussian(random, c.inputs());
      Object[] args = c.args().apply(z);
      double[][] jacobian = (double[][]) Compiled.components(C.call(c.grad(), c.name() + "Jacobian", args)).get("jacobian");
      Object direction = tangent(Arrays.copyOfRange(v, 0, c.name().equals("tall") ? 2 : 3),
          v[c.name().equals("tall") ? 2 : 3]);
      Object[] all = c.name().equals("tall")
          ? new Object[] {args[0], args[1], direction}
          : new Object[] {args[0], args[1], direction, Arrays.copyOfRange(v, 4, 7)};
      Map<String, Object> jvp = Compiled.components(C.call(c.grad(), c.name() + "Jvp", all));
      double[] jv = (double[]) jvp.get("tangent");
      assertArrayEquals(primal(c, z), (double[]) jvp.get("value"), 0.0);
      for (int i = 0; i < jacobian.length; i++) {
        double expected = 0;
        for (int k = 0; k < v.length; k++) {
          expected += jacobian[i][k] * v[k];
        }
        assertEquals(expected, jv[i], 1e-12 * Math.max(1, Math.abs(expected)), c.name() + " element " + i);
      }
    }
  }

  @Test
  void aScalarMethodReadsAnArrayTheObjectsHelperReturns() throws ReflectiveOperationException {
    Random random = new Random(24);
    Method energy = C.loadClass("p.Model").getDeclaredMethod("energy", double[].class);
    energy.setAccessible(true);
    for (int trial = 0; trial < 3; trial++) {
      double[] z = gaussian(random, 7); // w[0..2], b, x[0..2]
      Map<String, Object> g = Compiled.components(
          C.call("p.ModelGrad", "energy", model(Arrays.copyOfRange(z, 0, 3), z[3]), Arrays.copyOfRange(z, 4, 7)));
      Map<String, Object> self = Compiled.components(g.get("self"));
      double[] flat = new double[7];
      System.arraycopy((double[]) self.get("w"), 0, flat, 0, 3);
      flat[3] = (double) self.get("b");
      System.arraycopy((double[]) g.get("x"), 0, flat, 4, 3);
      for (int k = 0; k < 7; k++) {
        double h = 1e-3;
        double d = (4 * energyDifference(energy, z, k, h / 2) - energyDifference(energy, z, k, h)) / 3;
        assertEquals(d, flat[k], 1e-7 * Math.max(1, Math.abs(d)), "d energy / d z[" + k + "]");
      }
    }
  }

  private static double energyDifference(Method energy, double[] z, int k, double h) throws ReflectiveOperationException {
    double[] plus = z.clone();
    double[] minus = z.clone();
    plus[k] += h;
    minus[k] -= h;
    double a = (double) energy.invoke(model(Arrays.copyOfRange(plus, 0, 3), plus[3]), (Object) Arrays.copyOfRange(plus, 4, 7));
    double b = (double) energy.invoke(model(Arrays.copyOfRange(minus, 0, 3), minus[3]), (Object) Arrays.copyOfRange(minus, 4, 7));
    return (a - b) / (2 * h);
  }

  @Test
  void theObjectIsReadNeverWritten() {
    double[] w = {0.5, -1, 2};
    Object m = model(w, 0.25);
    double[] x = {1, 2, 3};
    C.call("p.ModelGrad", "predictJacobian", m, x);
    C.call("p.ModelGrad", "predictVjp", m, x, new double[] {1, 1, 1});
    assertArrayEquals(new double[] {0.5, -1, 2}, w, 0.0);
    assertArrayEquals(new double[] {1, 2, 3}, x, 0.0);
  }

  /** The gradient record's components flattened as z is: the tangent record's, then the parameters'. */
  private static double[] flatten(Map<String, Object> vjp, Case c) {
    List<Double> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : vjp.entrySet()) {
      if (!e.getKey().equals("value")) {
        add(e.getValue(), out);
      }
    }
    assertEquals(c.inputs(), out.size(), c.name() + ": " + vjp);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void add(Object o, List<Double> out) {
    if (o instanceof Double d) {
      out.add(d);
    } else if (o instanceof double[] a) {
      Arrays.stream(a).forEach(out::add);
    } else {
      Compiled.components(o).values().forEach(v -> add(v, out));
    }
  }

  private static double[] primal(Case c, double[] z) {
    Object[] args = c.args().apply(z);
    try {
      if (c.name().equals("both")) {
        Method m = C.loadClass("p.Pair").getDeclaredMethod("both", double[].class, C.loadClass("p.Affine"));
        m.setAccessible(true);
        return (double[]) m.invoke(args[0], args[1], args[2]);
      }
      if (c.name().equals("apply")) {
        Method m = C.loadClass("p.Affine").getDeclaredMethod("apply", C.loadClass("p.Affine"), double[].class);
        m.setAccessible(true);
        return (double[]) m.invoke(null, args);
      }
      Class<?>[] types = c.name().equals("tall") ? new Class<?>[] {double.class} : new Class<?>[] {double[].class};
      Method m = C.loadClass("p.Model").getDeclaredMethod(c.name(), types);
      m.setAccessible(true);
      return (double[]) m.invoke(args[0], Arrays.copyOfRange(args, 1, args.length));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Richardson-extrapolated central differences of every output along z[k]. */
  private static double[] difference(Case c, double[] z, int k) {
    double h = 1e-3;
    double[] d1 = central(c, z, k, h);
    double[] d2 = central(c, z, k, h / 2);
    double[] out = new double[d1.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (4 * d2[i] - d1[i]) / 3;
    }
    return out;
  }

  private static double[] central(Case c, double[] z, int k, double h) {
    double[] plus = z.clone();
    double[] minus = z.clone();
    plus[k] += h;
    minus[k] -= h;
    double[] a = primal(c, plus);
    double[] b = primal(c, minus);
    double[] out = new double[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (a[i] - b[i]) / (2 * h);
    }
    return out;
  }

  private static Object model(double[] w, double b) {
    return construct("p.Model", w, b);
  }

  private static Object pair(Object first, Object second) {
    return construct("p.Pair", first, second);
  }

  private static Object affine(double a, double[] c, int k) {
    return construct("p.Affine", a, c, k);
  }

  private static Object tangent(double[] w, double b) throws ReflectiveOperationException {
    return construct("p.ModelGrad$ModelTangent", w, b);
  }

  private static Object construct(String name, Object... args) {
    try {
      Constructor<?> k = C.loadClass(name).getDeclaredConstructors()[0];
      k.setAccessible(true);
      return k.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static double[] gaussian(Random r, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextGaussian();
    }
    return out;
  }
}
