package io.github.backprop.processor.derive;

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
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Methods of an object that call themselves, directly or through each other, get a private
 * gradient method over the object's fields ({@code _horner(self_c, self_a, x, k)}); an annotated
 * instance method that calls itself calls its own. Gradients against central differences of the
 * method itself at several points (objects rebuilt around the moved inputs), and closed forms.
 */
class ObjectRecursionTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.Poly",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Poly {
                final double[] c;
                double a;
                int depth;

                Poly(double[] c, double a, int depth) {
                  this.c = c;
                  this.a = a;
                  this.depth = depth;
                }

                double horner(double x, int k) {
                  if (k == c.length) {
                    return 0;
                  }
                  return c[k] + a * x * horner(x, k + 1);
                }

                double even(double x, int n) {
                  return n == 0 ? x : odd(x * a, n - 1);
                }

                double odd(double x, int n) {
                  return n == 0 ? Math.sin(x) : even(x + c[0] * x, n - 1);
                }

                @Differentiable
                double value(double x) {
                  return horner(x, 0) + even(x, depth);
                }

                @Differentiable
                double power(double x, int n) {
                  return n == 0 ? 1 : a * x * this.power(x, n - 1);
                }

                @Differentiable(wrt = "this")
                double damped(double x, int n) {
                  return n == 0 ? c[0] * x : Math.exp(-a) * damped(x, n - 1) * c[1] + x;
                }

                @Differentiable
                static double product(Poly p, Poly q, double x) {
                  return p.horner(x, 0) * q.horner(x, 0);
                }
              }
              """));

  /** A method, the inputs z it is differentiated over, and how its arguments are built from z. */
  record Case(String name, int inputs, Function<double[], Object[]> args, ToDoubleFunction<Object[]> primal) {}

  static final List<Case> CASES =
      List.of(
          // self (c[0..2], a), x
          new Case("value", 5, z -> new Object[] {poly(Arrays.copyOfRange(z, 0, 3), z[3], 5), z[4]},
              a -> instance("value", a, double.class)),
          // self (c[0], a), x: c is not read
          new Case("power", 3, z -> new Object[] {poly(new double[] {z[0]}, z[1], 0), z[2], 4},
              a -> instance("power", a, double.class, int.class)),
          // self only (c[0..1], a)
          new Case("damped", 3, z -> new Object[] {poly(Arrays.copyOfRange(z, 0, 2), z[2], 0), 0.8, 3},
              a -> instance("damped", a, double.class, int.class)),
          // p (c[0..1], a), q (c[0..2], a), x
          new Case("product", 8,
              z -> new Object[] {poly(Arrays.copyOfRange(z, 0, 2), z[2], 0), poly(Arrays.copyOfRange(z, 3, 6), z[6], 0), z[7]},
              a -> {
                try {
                  Method m = C.loadClass("p.Poly").getDeclaredMethod("product", C.loadClass("p.Poly"), C.loadClass("p.Poly"), double.class);
                  m.setAccessible(true);
                  return (double) m.invoke(null, a);
                } catch (ReflectiveOperationException e) {
                  throw new AssertionError(e);
                }
              }));

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
    String grad = C.source("p.PolyGrad");
    assertTrue(grad.contains("PolyGrad._horner(self_c, self_a, self_depth, x, k + 1)"), grad);
    assertTrue(grad.contains("PolyGrad._power(self_c, self_a, self_depth, x, n - 1)"), grad);
  }

  @Test
  void gradientsMatchFiniteDifferencesAtSeveralPoints() {
    Random random = new Random(31);
    for (Case c : CASES) {
      for (int trial = 0; trial < 4; trial++) {
        double[] z = new double[c.inputs()];
        for (int i = 0; i < z.length; i++) {
          z[i] = 0.8 * random.nextGaussian();
        }
        Object[] args = c.args().apply(z);
        Map<String, Object> g = Compiled.components(C.call("p.PolyGrad", c.name(), args));
        assertEquals(c.primal().applyAsDouble(args), (double) g.get("value"), 0.0, c.name());
        double[] flat = flatten(g);
        assertEquals(z.length, flat.length, c.name() + ": " + g);
        for (int k = 0; k < z.length; k++) {
          double expected = difference(c, z, k);
          assertEquals(expected, flat[k], 1e-7 * Math.max(1, Math.abs(expected)),
              c.name() + " at " + Arrays.toString(z) + ": d/dz[" + k + "]");
        }
      }
    }
  }

  @Test
  void powerHasItsClosedForm() {
    // (a x)^n: d/da = n a^(n-1) x^n, d/dx = n a^n x^(n-1)
    double a = 1.3;
    double x = -0.7;
    Map<String, Object> g = Compiled.components(C.call("p.PolyGrad", "power", poly(new double[] {1}, a, 0), x, 4));
    assertEquals(Math.pow(a * x, 4), (double) g.get("value"), 1e-14);
    Map<String, Object> self = Compiled.components(g.get("self"));
    assertEquals(4 * Math.pow(a, 3) * Math.pow(x, 4), (double) self.get("a"), 1e-13);
    assertEquals(0.0, ((double[]) self.get("c"))[0], 0.0);
    assertEquals(4 * Math.pow(a, 4) * Math.pow(x, 3), (double) g.get("x"), 1e-13);
  }

  private static double[] flatten(Map<String, Object> g) {
    List<Double> out = new ArrayList<>();
    g.forEach((k, v) -> {
      if (!k.equals("value")) {
        add(v, out);
      }
    });
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

  private static double difference(Case c, double[] z, int k) {
    double h = 1e-3;
    return (4 * central(c, z, k, h / 2) - central(c, z, k, h)) / 3;
  }

  private static double central(Case c, double[] z, int k, double h) {
    double[] plus = z.clone();
    double[] minus = z.clone();
    plus[k] += h;
    minus[k] -= h;
    return (c.primal().applyAsDouble(c.args().apply(plus)) - c.primal().applyAsDouble(c.args().apply(minus))) / (2 * h);
  }

  private static double instance(String name, Object[] args, Class<?>... types) {
    try {
      Method m = C.loadClass("p.Poly").getDeclaredMethod(name, types);
      m.setAccessible(true);
      return (double) m.invoke(args[0], Arrays.copyOfRange(args, 1, args.length));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object poly(double[] c, double a, int depth) {
    try {
      Constructor<?> k = C.loadClass("p.Poly").getDeclaredConstructors()[0];
      k.setAccessible(true);
      return k.newInstance(c, a, depth);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
