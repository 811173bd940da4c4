package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A field holding an array of records ({@code Gaussian[] parts} of a mixture model): held as one
 * array per component, its gradient an array of tangent records ({@code self().parts()[i].mu()}).
 * Gradients against central differences of the method itself at several points (the mixture
 * rebuilt around the moved inputs), forward mode against them, a Jacobian, recursion, a second
 * name for the object, second order.
 */
class ObjectArrayFieldsTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.Gaussian",
              """
              package p;

              record Gaussian(double mu, double sigma, double weight) {
                double density(double x) {
                  double z = (x - mu) / sigma;
                  return weight * Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
                }
              }
              """,
              "p.Listed",
              """
              package p;

              import io.github.backprop.Differentiable;
              import java.util.List;

              class Listed {
                final List<Gaussian> parts;

                Listed(List<Gaussian> parts) {
                  this.parts = parts;
                }

                @Differentiable(forward = true)
                double total(double x) {
                  double s = parts.isEmpty() ? 1 : 0;
                  for (Gaussian g : parts) {
                    s += g.density(x);
                  }
                  return s * parts.get(parts.size() - 1).weight();
                }
              }
              """,
              "p.Mixture",
              """
              package p;

              import io.github.backprop.Differentiable;

              class Mixture {
                final Gaussian[] parts;
                double floor;
                int calls;

                Mixture(Gaussian[] parts, double floor) {
                  this.parts = parts;
                  this.floor = floor;
                }

                @Differentiable(forward = true)
                double logLikelihood(double[] xs) {
                  double s = 0;
                  for (double x : xs) {
                    double p = floor;
                    for (Gaussian g : parts) {
                      p += g.density(x);
                    }
                    s += Math.log(p);
                  }
                  return s;
                }

                @Differentiable
                double first(double x) {
                  Mixture m = this;
                  return this.parts[0].density(x) + m.parts.length * floor * m.parts[1].mu();
                }

                @Differentiable(forward = true)
                double[] densities(double x) {
                  double[] d = new double[parts.length];
                  for (int i = 0; i < d.length; i++) {
                    d[i] = parts[i].density(x);
                  }
                  return d;
                }

                double chain(double x, int n) {
                  return n == 0 ? x : parts[n % parts.length].weight() * Math.sin(chain(x, n - 1));
                }

                @Differentiable
                double recursive(double x) {
                  return chain(x, 4);
                }

                @Differentiable(hessian = true)
                double curvature(double x) {
                  double s = 0;
                  for (Gaussian g : parts) {
                    s += g.weight() * (x - g.mu()) * (x - g.mu()) / g.sigma();
                  }
                  return s;
                }
              }
              """));

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
    String grad = C.source("p.MixtureGrad");
    assertTrue(grad.contains("public record MixtureTangent(GaussianTangent[] parts, double floor)"), grad);
    // The tangent holds arrays of records, which nothing adds into: no accumulate overload.
    assertFalse(grad.contains("MixtureTangent _d_self"), grad);
  }

  /** z: each part's mu, sigma, weight, then floor; x (or xs) after them. */
  private static Object mixture(double[] z, int parts) {
    Object array = Array.newInstance(C.loadClass("p.Gaussian"), parts);
    for (int i = 0; i < parts; i++) {
      Array.set(array, i, construct("p.Gaussian", z[3 * i], z[3 * i + 1], z[3 * i + 2]));
    }
    return construct("p.Mixture", array, z[3 * parts]);
  }

  /** A point: each part's mu, sigma (at least 0.5), weight, then floor (at least 2), then {@code extra} more. */
  private static double[] point(Random random, int parts, int extra) {
    double[] z = gaussian(random, 3 * parts + 1 + extra);
    for (int i = 0; i < parts; i++) {
      z[3 * i + 1] = 0.5 + Math.abs(z[3 * i + 1]);
    }
    z[3 * parts] = 2 + Math.abs(z[3 * parts]);
    return z;
  }

  private static final String[] SCALAR = {"first", "recursive", "curvature"};

  @Test
  void gradientsMatchFiniteDifferencesAtSeveralPoints() {
    Random random = new Random(41);
    for (int trial = 0; trial < 4; trial++) {
      double[] z = point(random, 3, 3);
      double[] xs = Arrays.copyOfRange(z, 10, 13);
      check("logLikelihood", z, 3, random, new Object[] {xs}, new Class<?>[] {double[].class});
      for (String name : SCALAR) {
        check(name, Arrays.copyOfRange(z, 0, 11), 3, random, new Object[] {z[10]}, new Class<?>[] {double.class});
      }
    }
  }

  /** Every input of z moved in turn against the gradient record, flattened as z is. */
  private static void check(String name, double[] z, int parts, Random random, Object[] args, Class<?>[] types) {
    Object self = mixture(z, parts);
    List<Object> all = new ArrayList<>(List.of(self));
    all.addAll(Arrays.asList(args));
    Map<String, Object> g = Compiled.components(C.call("p.MixtureGrad", name, all.toArray()));
    assertEquals(primal(name, self, args, types), (double) g.get("value"), 0.0, name);
    double[] flat = flatten(g);
    assertEquals(z.length, flat.length, name + ": " + g);
    for (int k = 0; k < z.length; k++) {
      double expected = difference(name, z, parts, args, types, k);
      assertEquals(expected, flat[k], 1e-6 * Math.max(1, Math.abs(expected)), name + " at " + Arrays.toString(z) + ": d/dz[" + k + "]");
    }
  }

  @Test
  void forwardModeIsTheGradientAlongTheDirection() {
    Random random = new Random(42);
    double[] z = point(random, 3, 0);
    double[] xs = gaussian(random, 4);
    Object self = mixture(z, 3);
    Map<String, Object> g = Compiled.components(C.call("p.MixtureGrad", "logLikelihood", self, xs));
    Map<String, Object> self_ = Compiled.components(g.get("self"));
    Object[] parts = (Object[]) self_.get("parts");
    Object[] direction = (Object[]) Array.newInstance(parts.getClass().getComponentType(), 3);
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      double[] v = gaussian(random, 3);
      direction[i] = construct("p.MixtureGrad$GaussianTangent", v[0], v[1], v[2]);
      Map<String, Object> part = Compiled.components(parts[i]);
      expected += v[0] * (double) part.get("mu") + v[1] * (double) part.get("sigma") + v[2] * (double) part.get("weight");
    }
    Object tangent = construct("p.MixtureGrad$MixtureTangent", direction, 0.25);
    expected += 0.25 * (double) self_.get("floor");
    double[] tx = gaussian(random, 4);
    for (int i = 0; i < 4; i++) {
      expected += tx[i] * ((double[]) g.get("xs"))[i];
    }
    Map<String, Object> jvp = Compiled.components(C.call("p.MixtureGrad", "logLikelihoodJvp", self, xs, tangent, tx));
    assertEquals(g.get("value"), jvp.get("value"));
    assertEquals(expected, (double) jvp.get("tangent"), 1e-12 * Math.max(1, Math.abs(expected)));
  }

  @Test
  void jacobianRowsAreTheDensitiesGradients() {
    Random random = new Random(43);
    double[] z = point(random, 3, 1);
    Object self = mixture(z, 3);
    Map<String, Object> j = Compiled.components(C.call("p.MixtureGrad", "densitiesJacobian", self, z[10]));
    double[][] jacobian = (double[][]) j.get("jacobian");
    assertEquals(3, jacobian.length);
    for (int i = 0; i < 3; i++) {
      Object g = Array.get(field(self, "parts"), i);
      double sigma = z[3 * i + 1];
      double u = (z[10] - z[3 * i]) / sigma;
      double density = z[3 * i + 2] * Math.exp(-0.5 * u * u) / (sigma * Math.sqrt(2 * Math.PI));
      assertEquals(density, ((double[]) j.get("value"))[i], 1e-15, String.valueOf(g));
      // Columns: every part's mu, then every sigma, then every weight, then floor, then x.
      for (int k = 0; k < 3; k++) {
        double dmu = k == i ? density * u / sigma : 0;
        double dweight = k == i ? density / z[3 * i + 2] : 0;
        assertEquals(dmu, jacobian[i][k], 1e-12, "d density[" + i + "] / d mu[" + k + "]");
        assertEquals(dweight, jacobian[i][6 + k], 1e-12, "d density[" + i + "] / d weight[" + k + "]");
      }
      assertEquals(0.0, jacobian[i][9], 0.0);
      assertEquals(-density * u / sigma, jacobian[i][10], 1e-12, "d density[" + i + "] / d x");
    }
  }

  @Test
  void secondOrderMatchesTheGradientsDifferences() {
    double[] z = point(new Random(44), 3, 1);
    Object self = mixture(z, 3);
    Map<String, Object> h = Compiled.components(C.call("p.MixtureGrad", "curvatureHessian", self, z[10]));
    double[][] hessian = (double[][]) h.get("hessian");
    assertEquals(11, hessian.length);
    // d^2/dx^2 = sum 2 weight / sigma, the last row and column.
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      expected += 2 * z[3 * i + 2] / z[3 * i + 1];
    }
    assertEquals(expected, hessian[10][10], 1e-12);
    assertArrayEquals(hessian[10], column(hessian, 10), 1e-12);
  }

  @Test
  void aListFieldIsHeldAsAnArrayIs() throws ReflectiveOperationException {
    Random random = new Random(45);
    for (int trial = 0; trial < 3; trial++) {
      double[] z = point(random, 3, 1);
      Map<String, Object> g = Compiled.components(C.call("p.ListedGrad", "total", listed(z), z[10]));
      Object[] parts = (Object[]) Compiled.components(g.get("self")).get("parts");
      assertEquals(3, parts.length);
      for (int k = 0; k < 11; k++) {
        if (k == 9) {
          continue; // the floor is the Mixture's, not here
        }
        double h = 1e-3;
        double d = (4 * listedDifference(z, k, h / 2) - listedDifference(z, k, h)) / 3;
        double actual = k == 10 ? (double) g.get("x") : (double) Compiled.components(parts[k / 3]).values().toArray()[k % 3];
        assertEquals(d, actual, 1e-6 * Math.max(1, Math.abs(d)), "d total / d z[" + k + "] at " + Arrays.toString(z));
      }
    }
  }

  private static Object listed(double[] z) {
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      parts.add(construct("p.Gaussian", z[3 * i], z[3 * i + 1], z[3 * i + 2]));
    }
    return construct("p.Listed", parts);
  }

  private static double listedDifference(double[] z, int k, double h) throws ReflectiveOperationException {
    double[] plus = z.clone();
    double[] minus = z.clone();
    plus[k] += h;
    minus[k] -= h;
    Method m = C.loadClass("p.Listed").getDeclaredMethod("total", double.class);
    m.setAccessible(true);
    return ((double) m.invoke(listed(plus), plus[10]) - (double) m.invoke(listed(minus), minus[10])) / (2 * h);
  }

  private static double[] column(double[][] m, int k) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i][k];
    }
    return out;
  }

  private static Object field(Object o, String name) {
    try {
      java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The gradient flattened as z is: each part's mu, sigma, weight, floor's, then the parameters'. */
  private static double[] flatten(Map<String, Object> g) {
    List<Double> out = new ArrayList<>();
    Map<String, Object> self = Compiled.components(g.get("self"));
    for (Object part : (Object[]) self.get("parts")) {
      Compiled.components(part).values().forEach(v -> out.add((Double) v));
    }
    out.add((Double) self.get("floor"));
    g.forEach((k, v) -> {
      if (!k.equals("value") && !k.equals("self")) {
        if (v instanceof double[] a) {
          Arrays.stream(a).forEach(out::add);
        } else {
          out.add((Double) v);
        }
      }
    });
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double difference(String name, double[] z, int parts, Object[] args, Class<?>[] types, int k) {
    double h = 1e-3;
    return (4 * central(name, z, parts, args, types, k, h / 2) - central(name, z, parts, args, types, k, h)) / 3;
  }

  private static double central(String name, double[] z, int parts, Object[] args, Class<?>[] types, int k, double h) {
    double[] plus = z.clone();
    double[] minus = z.clone();
    plus[k] += h;
    minus[k] -= h;
    Object[] a = moved(args, z, plus, parts);
    Object[] b = moved(args, z, minus, parts);
    return (primal(name, mixture(plus, parts), a, types) - primal(name, mixture(minus, parts), b, types)) / (2 * h);
  }

  /** The arguments with a moved x: z's entries after the mixture's are the parameters'. */
  private static Object[] moved(Object[] args, double[] z, double[] moved, int parts) {
    int first = 3 * parts + 1;
    if (moved.length == first) {
      return args;
    }
    if (args[0] instanceof double[]) {
      return new Object[] {Arrays.copyOfRange(moved, first, moved.length)};
    }
    return new Object[] {moved[first]};
  }

  private static double primal(String name, Object self, Object[] args, Class<?>[] types) {
    try {
      Method m = C.loadClass("p.Mixture").getDeclaredMethod(name, types);
      m.setAccessible(true);
      return (double) m.invoke(self, args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
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
