package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import io.github.backprop.processor.testing.HessianCheck;
import io.github.backprop.processor.testing.JvpCheck;
import java.util.Map;
import java.util.Random;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * A method whose derivatives, with every helper read in place, would pass the JVM's 64 KB per
 * method (Commons Math's FastMath.atan2 to second order, Hipparchus's regularized Gamma
 * functions): it is read again with each helper that returns a number called through derivative
 * methods of its own, and compiles. Checked exactly against second-order forward arithmetic
 * written out here, and against differences of the gradient.
 */
class OutlinedHelpersTest {
  /** The steps of {@code wave}: s += sin(k s) * C[i]. */
  private static final double[] C = steps();

  private static double[] steps() {
    double[] c = new double[16];
    for (int i = 0; i < c.length; i++) {
      c[i] = 0.01 * (i + 1);
    }
    return c;
  }

  /**
   * Sixteen calls of a sixteen-step helper: about 68 KB of second-order code read in place.
   *
   * @param extra the helper's parameters after x and k, and {@code W(a, b)}'s arguments after a and b
   */
  private static String source(String extraParams, String extraArgs) {
    StringBuilder steps = new StringBuilder();
    for (double c : C) {
      steps.append("    s += Math.sin(k * s) * ").append(c).append(";\n");
    }
    String body = """
          double sum = 0;
          sum += W(a, b) * W(b, a) + W(a * b, 0.5) * W(a - b, b);
          sum += W(b, 0.25) * W(a, 0.75) + W(a + b, a) * W(b - a, 0.125);
          sum += W(a, 1.5) * W(b, 1.25) + W(0.5 * a, b) * W(0.5 * b, a);
          sum += W(a, 0.3) * W(b, 0.7) + W(0.25 * a, b) * W(0.25 * b, a);
          return sum;
        """.replaceAll("W\\(([^,()]+), ([^,()]+)\\)", "wave($1, $2" + extraArgs + ")");
    return "package p;\n\nimport io.github.backprop.Differentiable;\n\nclass C {\n"
        + "  static final int[] N = {1};\n\n"
        + "  static double wave(double x, double k" + extraParams + ") {\n"
        + "    double s = x;\n"
        + steps
        + "    return s;\n  }\n\n"
        + "  @Differentiable(forward = true, hessian = true)\n"
        + "  static double waves(double a, double b) {\n"
        + body
        + "  }\n}\n";
  }

  static final Compiled WAVES = Compiled.compile("p.C", source("", ""));

  private static final double[][] POINTS = {{0.7, 1.3}, {-1.1, 0.4}, {1.9, -0.8}, {0.2, 2.5}};

  /**
   * Regression secondOrderOfLargeHelpersPassedTheJvmLimit: the method's tangent gradient, every
   * call of wave read in place, needed about 68,000 bytes, and backprop reported it at the method;
   * now wave has its gradient and tangent methods and each generated method is a few KB.
   */
  @Test
  void secondOrderOfLargeHelpersPassedTheJvmLimit() {
    assertTrue(WAVES.succeeded(), WAVES.diagnostics());
    String generated = WAVES.source("p.CGrad");
    assertTrue(generated.contains("private static __WaveTangent __waveTangent(double x, double k,"), generated);
    assertTrue(generated.contains("CGrad.__waveTangent(a, b, _t_a, _t_b)"), generated);
  }

  /**
   * Regression outlinedHelpersAllocatedARecordPerCallInFirstOrder: once second order needed wave's
   * derivative methods of its own, the gradient and mJvp called them too, allocating a record per
   * call (sixteen per gradient); only second order needs them, so first order reads wave in place
   * again and allocates nothing but its result.
   */
  @Test
  void outlinedHelpersAllocatedARecordPerCallInFirstOrder() throws Exception {
    String generated = WAVES.source("p.CGrad");
    for (String method : new String[] {"public static Waves waves(", "public static WavesJvp wavesJvp("}) {
      int from = generated.indexOf(method);
      String body = generated.substring(from, generated.indexOf("\n    }\n", from));
      assertFalse(body.contains("_wave(") || body.contains("_Wave "), body);
    }
    Compiled bench = Compiled.compileAll(Map.of(
        "p.C", source("", ""),
        "p.Bench",
        """
        package p;

        final class Bench {
          private Bench() {}

          static double run(int n) {
            double s = 0;
            for (int i = 0; i < n; i++) {
              double a = 0.5 + 1e-6 * i;
              s += CGrad.waves(a, 1.3).a() + CGrad.wavesJvp(a, 1.3, 1, 0).tangent();
            }
            return s;
          }
        }
        """));
    assertTrue(bench.succeeded(), bench.diagnostics());
    java.lang.reflect.Method run = bench.loadClass("p.Bench").getDeclaredMethod("run", int.class);
    run.setAccessible(true);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    run.invoke(null, 20_000);
    long before = threads.getThreadAllocatedBytes(thread);
    run.invoke(null, 10_000);
    long perCall = (threads.getThreadAllocatedBytes(thread) - before) / 10_000;
    // The two result records at most, Waves and WavesJvp (72 bytes), where escape analysis leaves
    // them; the thirty-two _Wave records of the two calls were 1,280 bytes more.
    assertTrue(perCall <= 80, "bytes allocated per gradient and Jvp: " + perCall);
  }

  @Test
  void hessianIsExact() {
    for (double[] p : POINTS) {
      Map<String, Object> h = Compiled.components(WAVES.call("p.CGrad", "wavesHessian", p[0], p[1]));
      Jet exact = waves(p[0], p[1]);
      assertEquals(exact.v, (double) h.get("value"), 1e-14 * Math.max(1, Math.abs(exact.v)));
      double[] g = (double[]) h.get("gradient");
      double[][] hess = (double[][]) h.get("hessian");
      for (int i = 0; i < 2; i++) {
        assertEquals(exact.g[i], g[i], 1e-12 * Math.max(1, Math.abs(exact.g[i])), "gradient " + i);
        for (int j = 0; j < 2; j++) {
          assertEquals(exact.h[i][j], hess[i][j], 1e-11 * Math.max(1, Math.abs(exact.h[i][j])), "hessian " + i + j);
        }
      }
    }
  }

  @Test
  void againstDifferences() {
    Random r = new Random(2026133001L);
    for (double[] p : POINTS) {
      GradCheck.check(WAVES, "waves", p[0], p[1]);
      HessianCheck.check(WAVES, "waves", new Object[] {p[0], p[1]});
      assertTrue(JvpCheck.check(WAVES, "p.C", "p.CGrad", "waves", new Object[] {p[0], p[1]}, r, 3).ran());
    }
  }

  @Test
  void hvpIsTheHessianAlongTheDirection() {
    double[] v = {0.6, -1.7};
    for (double[] p : POINTS) {
      double[][] hess = (double[][]) Compiled.components(WAVES.call("p.CGrad", "wavesHessian", p[0], p[1])).get("hessian");
      double[] hvp = (double[]) Compiled.components(WAVES.call("p.CGrad", "wavesHvp", p[0], p[1], v[0], v[1])).get("hvp");
      for (int i = 0; i < 2; i++) {
        assertEquals(hess[i][0] * v[0] + hess[i][1] * v[1], hvp[i], 1e-12 * Math.max(1, Math.abs(hvp[i])));
      }
    }
  }

  /**
   * A helper taking an array keeps being read in place (what it writes would need following), so
   * the size stays an error at the method.
   */
  @Test
  void aHelperTakingAnArrayIsStillTooLarge() {
    String source = source(", int[] n", ", N");
    Compiled c = Compiled.compile("p.C", source);
    assertFalse(c.succeeded());
    Diagnostic<?> d = c.compilation().errors().get(0);
    String message = d.getMessage(null);
    assertTrue(message.contains("backprop cannot write the derivatives of 'waves'")
        && message.contains("more than the JVM's limit of 65535 bytes per method"), message);
    // the last line counted is the unfinished one of the method's declaration
    long line = source.substring(0, source.indexOf("static double waves")).lines().count();
    assertEquals(line, d.getLineNumber(), message);
    assertEquals(1, c.compilation().errors().size(), c.diagnostics());
  }

  /** A number with its gradient and Hessian over (a, b): second-order forward arithmetic. */
  private record Jet(double v, double[] g, double[][] h) {
    static Jet of(double v) {
      return new Jet(v, new double[2], new double[2][2]);
    }

    static Jet variable(double v, int i) {
      Jet j = of(v);
      j.g[i] = 1;
      return j;
    }

    Jet plus(Jet o) {
      Jet r = of(v + o.v);
      for (int i = 0; i < 2; i++) {
        r.g[i] = g[i] + o.g[i];
        for (int k = 0; k < 2; k++) {
          r.h[i][k] = h[i][k] + o.h[i][k];
        }
      }
      return r;
    }

    Jet times(Jet o) {
      Jet r = of(v * o.v);
      for (int i = 0; i < 2; i++) {
        r.g[i] = g[i] * o.v + v * o.g[i];
        for (int k = 0; k < 2; k++) {
          r.h[i][k] = h[i][k] * o.v + g[i] * o.g[k] + o.g[i] * g[k] + v * o.h[i][k];
        }
      }
      return r;
    }

    Jet sin() {
      double s = Math.sin(v);
      double c = Math.cos(v);
      Jet r = of(s);
      for (int i = 0; i < 2; i++) {
        r.g[i] = c * g[i];
        for (int k = 0; k < 2; k++) {
          r.h[i][k] = c * h[i][k] - s * g[i] * g[k];
        }
      }
      return r;
    }
  }

  private static Jet wave(Jet x, Jet k) {
    Jet s = x;
    for (double c : C) {
      s = s.plus(k.times(s).sin().times(Jet.of(c)));
    }
    return s;
  }

  private static Jet waves(double av, double bv) {
    Jet a = Jet.variable(av, 0);
    Jet b = Jet.variable(bv, 1);
    Jet half = Jet.of(0.5);
    Jet quarter = Jet.of(0.25);
    Jet minusOne = Jet.of(-1);
    Jet sum = wave(a, b).times(wave(b, a)).plus(wave(a.times(b), half).times(wave(a.plus(b.times(minusOne)), b)));
    sum = sum.plus(wave(b, quarter).times(wave(a, Jet.of(0.75))))
        .plus(wave(a.plus(b), a).times(wave(b.plus(a.times(minusOne)), Jet.of(0.125))));
    sum = sum.plus(wave(a, Jet.of(1.5)).times(wave(b, Jet.of(1.25))))
        .plus(wave(half.times(a), b).times(wave(half.times(b), a)));
    sum = sum.plus(wave(a, Jet.of(0.3)).times(wave(b, Jet.of(0.7))))
        .plus(wave(quarter.times(a), b).times(wave(quarter.times(b), a)));
    return sum;
  }
}
