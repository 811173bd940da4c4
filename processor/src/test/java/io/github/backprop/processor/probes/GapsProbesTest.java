package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.lineOf;
import static io.github.backprop.processor.probes.Probes.oneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.ModeChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Code a user writes that backprop once refused: a method returning {@code Double}, a label on a
 * block, a static field read through an instance; each checked in every mode against differences,
 * and what stays refused is one error at its place.
 */
class GapsProbesTest {
  private static final String MODES = "@Differentiable(forward = true, hessian = true)";

  private static void everyMode(String members, List<String> names, Map<String, List<Object[]>> points) {
    Compiled c = Compiled.members(members.replace("@Differentiable", MODES));
    ModeChecks.gradients(c, names, points::get);
    ModeChecks.forwardAndSecondOrder(c, names, points::get, 2026410001L, List.of());
  }

  @Test
  void aMethodReturningBoxedDoubleWasRefused() {
    String src = """
        @Differentiable static Double boxed(double x, double y) { return x * x * y + Math.exp(y); }
        @Differentiable static Double early(double x) { if (x < 0) return 0.0; Double r = Math.sin(x); return r * x; }
        static Double half(double x) { return x / 2; }
        @Differentiable static double caller(double x) { Double h = half(x); return boxed(x, 0.5) + h * half(x * x); }
        """;
    everyMode(src, List.of("boxed", "early", "caller"), Map.of(
        "boxed", List.of(new Object[] {1.5, -0.5}, new Object[] {-2.0, 0.25}),
        "early", List.of(new Object[] {0.7}, new Object[] {2.5}, new Object[] {-1.0}),
        "caller", List.of(new Object[] {0.3}, new Object[] {-1.7})));
  }

  @Test
  void aMethodReturningBoxedFloatIsDifferentiatedAsFloat() {
    Compiled c = Compiled.members("@Differentiable static Float f(float x) { return x * x * 3f; }\n");
    assertTrue(c.succeeded(), c.diagnostics());
    Map<String, Object> g = Compiled.components(c.call("p.CGrad", "f", 1.5f));
    assertEquals(6.75f, (Float) g.get("value"));
    assertEquals(9f, (Float) g.get("x"));
  }

  @Test
  void returnNullFromDoubleIsOneError() {
    String src = "@Differentiable static Double f(double x) {\n  if (x < 0) return null;\n  return x * x;\n}\n";
    oneError(Compiled.members(src).compilation(), "BackpropUnsupported", lineOf(src, "return null"), "'return null'", "Double.NaN");
  }

  @Test
  void aLabelOnABlockWasRefused() {
    String src = """
        @Differentiable static double firstLarge(double x, double[] a) {
          double r = 0;
          found: {
            for (int i = 0; i < a.length; i++) {
              if (a[i] > 1) { r = a[i] * x * x; break found; }
              if (a[i] < -5) break;
            }
            r = Math.sin(x) * a[0];
          }
          return r;
        }
        @Differentiable static double skipping(double x, int n) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            block: {
              if (i % 2 == 0) { s += x * i; break block; }
              if (i == 3) continue;
              s += x * x;
            }
            s *= 1.01;
          }
          return s;
        }
        """;
    everyMode(src, List.of("firstLarge", "skipping"), Map.of(
        "firstLarge", List.of(
            new Object[] {0.7, new double[] {0.5, 2.0, 3.0}},
            new Object[] {0.7, new double[] {0.5, -6.0, 3.0}},
            new Object[] {-1.3, new double[] {0.5, 0.25}}),
        "skipping", List.of(new Object[] {0.9, 6}, new Object[] {-0.4, 1})));
  }

  @Test
  void aStaticFieldReadThroughAnInstanceWasRefused() {
    String src = """
        static double scale = 2.0;
        static final double RATE = 0.5;
        final double k;
        C(double k) { this.k = k; }
        @SuppressWarnings("static")
        @Differentiable static double viaParam(C c, double x) { return c.RATE * x * x + c.scale * Math.sin(x); }
        @SuppressWarnings("static")
        @Differentiable double viaThis(double x) { return this.scale * x * x * k; }
        record Interval(double lo, double hi) {
          static final double HALF = 0.5;
          Interval { if (lo > hi) throw new IllegalArgumentException("empty"); }
        }
        @SuppressWarnings("static")
        @Differentiable static double viaRecord(double x, double y) { Interval i = new Interval(x, y); return i.HALF * (i.hi() - i.lo()) * y; }
        """;
    Compiled c = Compiled.members(src.replace("@Differentiable", MODES));
    assertTrue(c.succeeded(), c.diagnostics());
    Object self;
    try {
      var ctor = c.loadClass("p.C").getDeclaredConstructor(double.class);
      ctor.setAccessible(true);
      self = ctor.newInstance(3.0);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    GradCheck.check(c, "viaRecord", 0.25, 4.0);
    for (double x : new double[] {0.4, -1.2}) {
      GradCheck.check(c, "viaParam", self, x);
      assertEquals(1.0 * x + 2.0 * Math.cos(x), (Double) Compiled.components(c.call("p.CGrad", "viaParam", self, x)).get("x"), 1e-12);
      assertEquals(2.0 * 2 * x * 3.0, (Double) Compiled.components(c.call("p.CGrad", "viaThis", self, x)).get("x"), 1e-12);
    }
  }

  @Test
  void aStaticFieldReadThroughACallStaysOneError() {
    String src = "static final double RATE = 0.5;\nstatic C make() { return new C(); }\n"
        + "@SuppressWarnings(\"static\")\n@Differentiable static double f(double x) {\n  return make().RATE * x;\n}\n";
    oneError(Compiled.members(src).compilation(), "BackpropUnsupported", lineOf(src, "make().RATE"), "'make().RATE'");
  }

  @Test
  void iterateStaysOneErrorAtTheLambda() {
    String src = "@Differentiable static double f(double x) {\n"
        + "  return java.util.stream.DoubleStream.iterate(x, v -> v * 0.5).limit(4).sum();\n}\n";
    oneError(Compiled.members(src).compilation(), "BackpropUnsupported", lineOf(src, "iterate"), "'DoubleStream.iterate'", "write the loop");
  }

  @Test
  void aRawListStaysOneErrorAtTheParameter() {
    String src = "@SuppressWarnings(\"rawtypes\")\n@Differentiable static double f(java.util.List xs, double w) {\n"
        + "  return xs.size() * w;\n}\n";
    oneError(Compiled.members(src).compilation(), "BackpropSignature", lineOf(src, "java.util.List xs"), "type arguments");
  }

  @Test
  void anObjectOfAClassOfNoFieldsWasALibraryCall() {
    String src = """
        interface Kernel {
          double at(double u);
          default double scaled(double u, double h) { return at(u / h) / h; }
        }
        static final class Gaussian implements Kernel {
          @Override public double at(double u) { return Math.exp(-0.5 * u * u); }
        }
        @Differentiable static double density(double u, double h) { Kernel k = new Gaussian(); return k.scaled(u, h); }
        @Differentiable static double direct(double u, double h) { return new Gaussian().at(u * h); }
        """;
    everyMode(src, List.of("density", "direct"), Map.of(
        "density", List.of(new Object[] {0.3, 0.8}, new Object[] {-1.1, 1.7}),
        "direct", List.of(new Object[] {0.3, 0.8}, new Object[] {-1.1, 1.7})));
  }

  @Test
  void aDefaultMethodOfALambdaStaysOneError() {
    String src = "interface Kernel {\n  double at(double u);\n  default double scaled(double u, double h) { return at(u / h) / h; }\n}\n"
        + "@Differentiable static double f(double u, double h) {\n  Kernel k = x -> x * x;\n  return k.scaled(u, h);\n}\n";
    oneError(Compiled.members(src).compilation(), "BackpropUnsupported", lineOf(src, "k.scaled"), "'scaled'", "call that");
  }
}
