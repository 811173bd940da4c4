package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Records as parameters: the gradient with respect to a record is a tangent record of the same
 * shape (doubles, arrays and nested records; inactive components left out), checked against
 * central differences of the primal taken by rebuilding the record with one component moved.
 */
class RecordParamsTest {
  static final Compiled C =
      Compiled.compileAll(
          Map.of(
              "p.C",
              """
              package p;

              import io.github.backprop.Differentiable;

              class C {
                record Inner(double a, int k) {}

                record Option(double strike, double vol, int days, String name, double[] w, Inner in) {
                  Option {
                    if (strike <= 0) {
                      throw new IllegalArgumentException("strike must be positive");
                    }
                  }
                }

                record Sample(double x, double y) {}

                record Tag(int id, String label) {}

                static double norm2(double[] w) {
                  double s = 0;
                  for (double v : w) {
                    s += v * v;
                  }
                  return s;
                }

                static double d1(Option o, double spot) {
                  double t = o.days() / 365.0;
                  return (Math.log(spot / o.strike()) + o.vol() * o.vol() * t / 2) / (o.vol() * Math.sqrt(t));
                }

                @Differentiable(forward = true)
                static double price(Option o, double spot) {
                  double d = d1(o, spot);
                  double sign = o.name().equals("call") ? 1 : -1;
                  return spot * Math.exp(-d * d / 2) + o.in().a() * norm2(o.w()) + sign * o.in().k() * d;
                }

                @Differentiable
                static double twice(Option o, double spot) {
                  Option moved = new Option(o.strike() * 1.1, o.vol(), o.days(), o.name(), o.w(), new Inner(o.in().a() + spot, 2));
                  return price(o, spot) + price(moved, spot);
                }

                @Differentiable(wrt = "w")
                static double loss(double[] w, Sample s, Tag tag) {
                  double r = w[0] * s.x() + w[1] - s.y();
                  return tag.id() > 0 ? r * r : Math.abs(r);
                }

                @Differentiable(wrt = "o")
                static double onlyOption(Option o, double spot) {
                  return price(o, spot);
                }

                @Differentiable
                static double over(Inner in) {
                  return in.a() * in.a();
                }

                @Differentiable
                static double over(double a) {
                  return a * a;
                }

                @Differentiable
                static double clash(Inner in, double in_a) {
                  return in.a() * in_a * in_a;
                }

                record Linear(double[] w, double[] b, int inputs) {}

                @Differentiable
                static double fit(Linear m, Sample[] data) {
                  double sum = 0;
                  for (Sample s : data) {
                    double r = m.w()[0] * s.x() + m.w()[1] * s.x() * s.x() + m.b()[0] - s.y();
                    sum += r * r;
                  }
                  return sum / data.length;
                }

                @Differentiable(forward = true)
                static double inactive(double x, Tag tag) {
                  return x * tag.id() + tag.label().length();
                }
              }
              """));

  private Object option(double strike, double vol, int days, String name, double[] w, double a, int k) {
    try {
      Constructor<?> inner = C.loadClass("p.C$Inner").getDeclaredConstructors()[0];
      inner.setAccessible(true);
      Constructor<?> option = C.loadClass("p.C$Option").getDeclaredConstructors()[0];
      option.setAccessible(true);
      return option.newInstance(strike, vol, days, name, w, inner.newInstance(a, k));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The primal at an option given by its differentiable components {strike, vol, w..., a} and spot. */
  private double price(String method, double[] z, int n, int days, String name, int k) {
    double[] w = java.util.Arrays.copyOfRange(z, 2, 2 + n);
    return (Double) C.call("p.C", method, option(z[0], z[1], days, name, w, z[2 + n], k), z[3 + n]);
  }

  /** Richardson-extrapolated central difference along coordinate i. */
  private double difference(String method, double[] z, int i, int n, int days, String name, int k) {
    double h = 1e-3 * Math.max(1, Math.abs(z[i]));
    double[] d = new double[2];
    for (int r = 0; r < 2; r++) {
      double step = r == 0 ? h : h / 2;
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[i] += step;
      minus[i] -= step;
      d[r] = (price(method, plus, n, days, name, k) - price(method, minus, n, days, name, k)) / (2 * step);
    }
    return (4 * d[1] - d[0]) / 3;
  }

  private void checkGradient(String method, double[] z, int n, int days, String name, int k) {
    double[] w = java.util.Arrays.copyOfRange(z, 2, 2 + n);
    Object o = option(z[0], z[1], days, name, w, z[2 + n], k);
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", method, o, z[3 + n]));
    assertEquals(price(method, z, n, days, name, k), (Double) g.get("value"), 0.0);
    Map<String, Object> t = Compiled.components(g.get("o"));
    assertEquals(java.util.List.of("strike", "vol", "w", "in"), java.util.List.copyOf(t.keySet()), "OptionTangent's components");
    Map<String, Object> in = Compiled.components(t.get("in"));
    assertEquals(java.util.List.of("a"), java.util.List.copyOf(in.keySet()), "InnerTangent's components");
    double[] analytic = new double[z.length];
    analytic[0] = (Double) t.get("strike");
    analytic[1] = (Double) t.get("vol");
    System.arraycopy((double[]) t.get("w"), 0, analytic, 2, n);
    analytic[2 + n] = (Double) in.get("a");
    analytic[3 + n] = (Double) g.get("spot");
    for (int i = 0; i < z.length; i++) {
      double fd = difference(method, z, i, n, days, name, k);
      assertEquals(fd, analytic[i], 1e-6 * Math.max(1, Math.abs(fd)), method + " coordinate " + i + " at " + java.util.Arrays.toString(z));
    }
  }

  @Test
  void gradientIsATangentRecordOfTheSameShape() {
    checkGradient("price", new double[] {100, 0.2, 0.5, -1.5, 2, 105}, 2, 90, "call", 3);
    checkGradient("price", new double[] {80, 0.35, 1.25, 0.3, 120}, 1, 30, "put", -1);
    checkGradient("price", new double[] {95, 0.5, 0.1, 0.2, 0.3, -0.7, 90}, 3, 365, "call", 0);
  }

  @Test
  void overloadsAndNamesThatMeet() throws Exception {
    Constructor<?> inner = C.loadClass("p.C$Inner").getDeclaredConstructors()[0];
    inner.setAccessible(true);
    Object in = inner.newInstance(3.0, 1);
    Object r = C.call("p.CGrad", "over", in);
    assertEquals("OverC_Inner", r.getClass().getSimpleName());
    assertEquals(6.0, (Double) Compiled.components(Compiled.components(r).get("in")).get("a"), 0.0);
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "clash", in, 2.0));
    assertEquals(4.0, (Double) Compiled.components(g.get("in")).get("a"), 0.0);
    assertEquals(12.0, (Double) g.get("in_a"), 0.0);
  }

  /** Records compiled earlier: parameters read through their accessors; new of one with checks is an error. */
  @Test
  void recordsCompiledEarlier(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    Compiled library =
        Compiled.compileAll(
            Map.of(
                "q.Quote", "package q;\n\npublic record Quote(double bid, double ask, String venue) {}\n",
                "q.Checked", "package q;\n\npublic record Checked(double v) {\n  public Checked {\n    if (v < 0) throw new IllegalArgumentException();\n  }\n}\n"));
    assertTrue(library.succeeded(), library.diagnostics());
    Compiled c =
        Compiled.compileAgainst(
            library, dir,
            Map.of("p.D", """
                package p;

                import io.github.backprop.Differentiable;
                import q.Quote;

                class D {
                  @Differentiable
                  static double spread(Quote quote, double size) {
                    return (quote.ask() - quote.bid()) * size * size;
                  }
                }
                """));
    assertTrue(c.succeeded(), c.diagnostics());
    Object quote = c.loadClass("q.Quote").getDeclaredConstructors()[0].newInstance(99.5, 100.25, "x");
    Map<String, Object> g = Compiled.components(c.call("p.DGrad", "spread", quote, 2.0));
    Map<String, Object> t = Compiled.components(g.get("quote"));
    assertEquals(-4.0, (Double) t.get("bid"), 0.0);
    assertEquals(4.0, (Double) t.get("ask"), 0.0);
    assertEquals(3.0, (Double) g.get("size"), 0.0);
    Compiled made =
        Compiled.compileAgainst(
            library, dir,
            Map.of("p.E", """
                package p;

                import io.github.backprop.Differentiable;
                import q.Checked;

                class E {
                  @Differentiable
                  static double f(double x) {
                    Checked c = new Checked(x);
                    return c.v() * x;
                  }
                }
                """));
    assertTrue(made.diagnostics().contains("[BackpropUnsupported] record Checked was compiled before this class"), made.diagnostics());
  }

  @Test
  void wrtNamesARecordParameter() {
    Object o = option(100, 0.2, 90, "call", new double[] {0.5, -1.5}, 2, 3);
    Map<String, Object> only = Compiled.components(C.call("p.CGrad", "onlyOption", o, 105.0));
    Map<String, Object> all = Compiled.components(C.call("p.CGrad", "price", o, 105.0));
    assertEquals(java.util.List.of("value", "o"), java.util.List.copyOf(only.keySet()));
    assertEquals(Compiled.components(all.get("o")).get("vol"), Compiled.components(only.get("o")).get("vol"));
  }

  @Test
  void recordsMadeFromParametersAndPassedToAnnotatedMethods() {
    checkGradient("twice", new double[] {100, 0.2, 0.5, -1.5, 2, 105}, 2, 90, "call", 3);
    checkGradient("twice", new double[] {80, 0.35, 1.25, 0.3, 120}, 1, 30, "put", -1);
  }

  @Test
  void forwardModeTakesATangentRecord() throws Exception {
    Random random = new Random(3);
    Class<?> tangent = C.loadClass("p.CGrad$OptionTangent");
    Class<?> innerTangent = C.loadClass("p.CGrad$InnerTangent");
    for (int trial = 0; trial < 4; trial++) {
      double[] w = {random.nextGaussian(), random.nextGaussian()};
      Object o = option(90 + 20 * random.nextDouble(), 0.1 + 0.3 * random.nextDouble(), 60, trial % 2 == 0 ? "call" : "put", w, random.nextGaussian(), 2);
      double spot = 90 + 20 * random.nextDouble();
      double[] v = new double[6];
      for (int i = 0; i < v.length; i++) {
        v[i] = random.nextGaussian();
      }
      Object dir = tangent.getDeclaredConstructors()[0].newInstance(v[0], v[1], new double[] {v[2], v[3]}, innerTangent.getDeclaredConstructors()[0].newInstance(v[4]));
      Map<String, Object> jvp = Compiled.components(C.call("p.CGrad", "priceJvp", o, spot, dir, v[5]));
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "price", o, spot));
      Map<String, Object> t = Compiled.components(g.get("o"));
      double[] gw = (double[]) t.get("w");
      double expected = (Double) t.get("strike") * v[0] + (Double) t.get("vol") * v[1] + gw[0] * v[2] + gw[1] * v[3]
          + (Double) Compiled.components(t.get("in")).get("a") * v[4] + (Double) g.get("spot") * v[5];
      assertEquals(expected, (Double) jvp.get("tangent"), 1e-9 * Math.max(1, Math.abs(expected)));
      assertEquals((Double) g.get("value"), (Double) jvp.get("value"), 0.0);
    }
  }

  private static double sink;

  /** The accumulate overload of a record of arrays allocates nothing once warm, as for arrays. */
  @Test
  void accumulateOverARecordAllocatesNothingOnceWarm() throws Throwable {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    Constructor<?> linear = C.loadClass("p.C$Linear").getDeclaredConstructors()[0];
    linear.setAccessible(true);
    Constructor<?> sample = C.loadClass("p.C$Sample").getDeclaredConstructors()[0];
    sample.setAccessible(true);
    Object[] data = (Object[]) java.lang.reflect.Array.newInstance(C.loadClass("p.C$Sample"), 16);
    for (int i = 0; i < data.length; i++) {
      data[i] = sample.newInstance(0.1 * i, 1 - 0.05 * i);
    }
    Object m = linear.newInstance(new double[] {0.3, -0.1}, new double[] {0.7}, 1);
    Object into = C.loadClass("p.CGrad$LinearTangent").getDeclaredConstructors()[0].newInstance(new double[2], new double[1]);
    java.lang.invoke.MethodHandle fit =
        java.lang.invoke.MethodHandles.publicLookup()
            .findStatic(
                C.loadClass("p.CGrad"), "fit",
                java.lang.invoke.MethodType.methodType(double.class, C.loadClass("p.C$Linear"), data.getClass(), C.loadClass("p.CGrad$LinearTangent")))
            .asType(java.lang.invoke.MethodType.methodType(double.class, Object.class, Object.class, Object.class));
    for (int i = 0; i < 50_000; i++) {
      sink += (double) fit.invokeExact(m, (Object) data, into);
    }
    long thread = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 10_000; i++) {
      sink += (double) fit.invokeExact(m, (Object) data, into);
    }
    long perCall = (bean.getThreadAllocatedBytes(thread) - before) / 10_000;
    assertTrue(perCall < 8, "bytes allocated per call: " + perCall);
  }

  @Test
  void accumulateOverloadTakesATangentRecordOfArrays() throws Exception {
    Constructor<?> linear = C.loadClass("p.C$Linear").getDeclaredConstructors()[0];
    linear.setAccessible(true);
    Constructor<?> sample = C.loadClass("p.C$Sample").getDeclaredConstructors()[0];
    sample.setAccessible(true);
    Object[] data = (Object[]) java.lang.reflect.Array.newInstance(C.loadClass("p.C$Sample"), 3);
    double[][] xy = {{0.5, 1.0}, {-1.0, 0.2}, {2.0, 3.5}};
    for (int i = 0; i < 3; i++) {
      data[i] = sample.newInstance(xy[i][0], xy[i][1]);
    }
    double[] w = {0.3, -0.1};
    double[] b = {0.7};
    Object m = linear.newInstance(w, b, 1);
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "fit", m, data));
    Map<String, Object> t = Compiled.components(g.get("m"));
    double[] gw = new double[2];
    double gb = 0;
    for (double[] s : xy) {
      double r = w[0] * s[0] + w[1] * s[0] * s[0] + b[0] - s[1];
      gw[0] += 2 * r * s[0] / 3;
      gw[1] += 2 * r * s[0] * s[0] / 3;
      gb += 2 * r / 3;
    }
    assertArrayEquals(gw, (double[]) t.get("w"), 1e-12);
    assertArrayEquals(new double[] {gb}, (double[]) t.get("b"), 1e-12);
    Constructor<?> tangent = C.loadClass("p.CGrad$LinearTangent").getDeclaredConstructors()[0];
    double[] intoW = {1, 1};
    double[] intoB = {-1};
    Object into = tangent.newInstance(intoW, intoB);
    double value = (Double) C.call("p.CGrad", "fit", m, data, into);
    assertEquals((Double) g.get("value"), value, 0.0);
    assertArrayEquals(new double[] {1 + gw[0], 1 + gw[1]}, intoW, 1e-12);
    assertArrayEquals(new double[] {-1 + gb}, intoB, 1e-12);
  }

  @Test
  void dataRecordsHaveNoComponent() throws Exception {
    Object s = C.loadClass("p.C$Sample").getDeclaredConstructors()[0];
    Constructor<?> sample = (Constructor<?>) s;
    sample.setAccessible(true);
    Constructor<?> tag = C.loadClass("p.C$Tag").getDeclaredConstructors()[0];
    tag.setAccessible(true);
    for (int id : new int[] {1, 0}) {
      double[] w = {0.7, -0.2};
      Object sm = sample.newInstance(1.5, 0.4);
      Object tg = tag.newInstance(id, "t");
      Map<String, Object> g = Compiled.components(C.call("p.CGrad", "loss", w, sm, tg));
      assertEquals(java.util.List.of("value", "w"), java.util.List.copyOf(g.keySet()));
      double r = 0.7 * 1.5 - 0.2 - 0.4;
      double[] expected = id > 0 ? new double[] {2 * r * 1.5, 2 * r} : new double[] {Math.signum(r) * 1.5, Math.signum(r)};
      assertArrayEquals(expected, (double[]) g.get("w"), 1e-12);
    }
    Map<String, Object> g = Compiled.components(C.call("p.CGrad", "inactive", 2.0, tag.newInstance(3, "four")));
    assertEquals(java.util.List.of("value", "x"), java.util.List.copyOf(g.keySet()));
    assertEquals(3.0, (Double) g.get("x"), 0.0);
    assertFalse(C.source("p.CGrad").contains("TagTangent"));
    assertTrue(C.source("p.CGrad").contains("public record OptionTangent(double strike, double vol, double[] w, InnerTangent in)"), C.source("p.CGrad"));
  }
}
