package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Loops marked {@code @Checkpointed}: each method is compiled once per number of snapshots and
 * once without the marker (store-all, its name ending in {@code All}); for every trip count of a
 * matrix the checkpointed gradient must equal the store-all one exactly (the same operations run
 * on the same values, only at other times), and both must agree with finite differences. The
 * bodies cover scalar state, arrays the loop writes (its own and a parameter), {@code <=} and a
 * lower bound other than zero, inner loops, branches, int, boolean and float state, and a call to
 * another {@code @Differentiable} method.
 */
class CheckpointedTest {
  /** Snapshots and segment of each variant; segment 0 leaves it to its default. */
  static final int[][] VARIANTS = {{2, 1}, {3, 1}, {4, 1}, {8, 1}, {64, 1}, {2, 3}, {4, 5}, {2, 0}, {64, 0}};
  static final int[] STEPS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 63, 64, 65, 100, 257};

  /** Bodies with {@code @Checkpointed(snapshots = S)} where the marker goes. */
  static final String[] METHODS = {
    """
    @Differentiable static double oscillator(double k, double c, double x0, double v0, double dt, int steps) {
      double x = x0;
      double v = v0;
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        double a = -k * x - c * v;
        x = x + dt * v;
        v = v + dt * a;
      }
      return x * x + v * v;
    }
    """,
    """
    @Differentiable static double heat(double[] u0, double kappa, int steps) {
      int n = u0.length;
      double[] u = new double[n];
      for (int j = 0; j < n; j++) {
        u[j] = u0[j];
      }
      double[] next = new double[n];
      for (@Checkpointed(snapshots = S) int t = 1; t <= steps; t++) {
        for (int j = 1; j < n - 1; j++) {
          next[j] = u[j] + kappa * (u[j - 1] - 2 * u[j] + u[j + 1]);
        }
        for (int j = 1; j < n - 1; j++) {
          u[j] = Math.tanh(next[j]);
        }
      }
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += u[j] * u[j];
      }
      return s;
    }
    """,
    """
    @Differentiable static double inPlace(double[] w, double r, int steps) {
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        int j = i % w.length;
        w[j] = Math.sin(r * w[(i + 1) % w.length]) + 0.5 * w[j];
      }
      return w[0] * w[1] + w[2];
    }
    """,
    """
    @Differentiable static double accumulate(double[] w, double x0, double r, int steps) {
      double x = x0;
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        w[i % w.length] += r * x;
        x = Math.sin(x + 0.1 * r);
      }
      return x;
    }
    """,
    """
    @Differentiable static double later(double[] w, double x0, int steps) {
      double x = x0;
      int m = 3;
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        x = x * (1 + 0.01 * m) + Math.cos(w[i % w.length] * x);
      }
      m = 7;
      w[0] = x * m;
      return x * w[0] + w[1];
    }
    """,
    """
    @Differentiable static double sum(double[] w, int steps) {
      double s = 0;
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        s += Math.sin(w[i % w.length] * i);
      }
      return s;
    }
    """,
    """
    @Differentiable(forward = true) static double counted(double x, int steps) {
      int count = 0;
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        count += i % 3;
      }
      return x * count;
    }
    """,
    """
    @Differentiable static double twice(double x0, double r, int steps) {
      double x = x0;
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        x = Math.sin(r * x) + 0.5 * x;
      }
      double y = x * x;
      for (@Checkpointed(snapshots = S) int j = 0; j < steps / 2; j++) {
        y = y * 0.9 + Math.cos(y) * r;
        x = x + y * 0.01;
      }
      return x + y;
    }
    """,
    """
    @Differentiable static double wide(double x0, double r, long steps) {
      double x = x0;
      for (@Checkpointed(snapshots = S) long i = 1; i <= steps; i++) {
        x = Math.sin(r * x + i * 1e-3) + 0.5 * x;
      }
      return x * x;
    }
    """,
    """
    @Differentiable static double data(double[] w, double[] data, int steps) {
      double[] h = new double[w.length];
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        double d = dot(h, data);
        for (int j = 0; j < h.length; j++) {
          h[j] = Math.tanh(w[j] * h[j] + data[j] + 0.1 * d);
        }
      }
      return dot(h, h);
    }
    """,
    """
    @Differentiable static double narrow(double x0, int steps) {
      double x = x0;
      byte b = 1;
      short h = 2;
      char c = 'a';
      long l = 5;
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        b += 3;
        h *= -1;
        c++;
        l = l * 3 % 1000;
        x = Math.sin(x * (1 + b * 1e-3 + h * 1e-4 + c * 1e-5 + l * 1e-6));
      }
      return x + b + h + c + l;
    }
    """,
    """
    @Differentiable static double logistic(double x0, double r, int steps) {
      double x = x0;
      int rises = 0;
      boolean up = false;
      double peak = 0;
      float slow = 0.5f;
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        double y = map(x, r);
        up = y > x;
        if (up) {
          rises++;
          peak = Math.max(peak, y);
        }
        x = y;
        slow = slow * 0.9f + (float) x * 0.1f;
      }
      return x + 0.1 * peak + rises * 1e-3 + slow + (up ? 1 : 0);
    }
    """,
    """
    @Differentiable static double swap(double[] u0, double k, int steps) {
      int n = u0.length;
      double[] a = u0.clone();
      double[] b = new double[n];
      for (@Checkpointed(snapshots = S) int t = 0; t < steps; t++) {
        for (int j = 1; j < n - 1; j++) {
          b[j] = a[j] + k * Math.tanh(a[j - 1] - 2 * a[j] + a[j + 1]);
        }
        double[] tmp = a;
        a = b;
        b = tmp;
      }
      return a[1] * a[2] + b[1];
    }
    """,
    """
    @Differentiable static double rebind(double[] y0, double r, int steps) {
      double[] y = y0.clone();
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        y = step(y, r);
        y[i % y.length] += 0.1 * r;
      }
      return y[0] * y[1];
    }
    """,
    """
    @Differentiable static double through(double[] w, double r, int steps) {
      double[] a = w.clone();
      double[] b = w.clone();
      for (@Checkpointed(snapshots = S) int i = 0; i < steps; i++) {
        double[] t = i % 3 == 0 ? b : a;
        t[i % t.length] = Math.sin(r * t[(i + 1) % t.length]) + 0.5 * a[i % a.length];
      }
      return a[0] * a[1] + b[2];
    }
    """,
  };

  /** Callees of the bodies above. */
  static final String CALLEES =
      """
        @Differentiable static double map(double x, double r) {
          return r * x * (1 - x);
        }

        static double[] step(double[] y, double r) {
          double[] out = new double[y.length];
          for (int j = 0; j < y.length; j++) {
            out[j] = Math.sin(r * y[j]) + 0.5 * y[(j + 1) % y.length];
          }
          return out;
        }

        @Differentiable static double dot(double[] a, double[] b) {
          double s = 0;
          for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
          }
          return s;
        }

      """;

  static final String SOURCE = source();

  static final Compiled C = Compiled.compile("p.C", SOURCE);

  private static String source() {
    StringBuilder b = new StringBuilder();
    b.append("package p;\n\nimport io.github.backprop.Checkpointed;\nimport io.github.backprop.Differentiable;\n\n");
    b.append("class C {\n");
    b.append(CALLEES);
    for (String m : METHODS) {
      java.util.regex.Matcher found = java.util.regex.Pattern.compile("static double (\\w+)\\(").matcher(m);
      assertTrue(found.find());
      String name = found.group(1);
      b.append(m.replace("@Checkpointed(snapshots = S) ", "").replace(" " + name + "(", " " + name + "All("));
      for (int[] v : VARIANTS) {
        String marker = "= " + v[0] + (v[1] == 0 ? "" : ", segment = " + v[1]) + ")";
        b.append(m.replace("= S)", marker).replace(" " + name + "(", " " + variant(name, v) + "("));
      }
    }
    return b.append("}\n").toString();
  }

  private static String variant(String name, int[] v) {
    return name + "_" + v[0] + "_" + v[1];
  }

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
    if (Boolean.getBoolean("show")) {
      System.out.println(C.source("p.CGrad"));
    }
  }

  @Test
  void oscillatorEqualsStoreAll() {
    for (int steps : STEPS) {
      same("oscillator", 3.0, 0.4, 1.0, -0.5, 0.01, steps);
    }
  }

  @Test
  void heatEqualsStoreAll() {
    Random r = new Random(3);
    for (int steps : STEPS) {
      double[] u0 = new double[6];
      for (int j = 0; j < u0.length; j++) {
        u0[j] = r.nextDouble() - 0.5;
      }
      same("heat", u0, 0.2, steps);
    }
  }

  @Test
  void inPlaceEqualsStoreAll() {
    for (int steps : STEPS) {
      same("inPlace", new double[] {0.3, -0.2, 0.7, 0.1}, 1.3, steps);
    }
  }

  @Test
  void accumulateEqualsStoreAll() {
    for (int steps : STEPS) {
      same("accumulate", new double[] {0.5, -1.0, 2.0}, 0.3, 1.1, steps);
    }
  }

  /** Two checkpointed loops, the second reading and changing what the first left. */
  @Test
  void twiceEqualsStoreAll() {
    for (int steps : STEPS) {
      same("twice", 0.4, 1.7, steps);
    }
  }

  /** A callee reads whole arrays: the loop's state is h alone, not the data. */
  @Test
  void dataEqualsStoreAll() {
    for (int steps : STEPS) {
      same("data", new double[] {0.5, -1.0, 2.0}, new double[] {0.1, 0.2, -0.3}, steps);
    }
    String all = C.source("p.CGrad");
    String data = all.substring(all.indexOf(" data_4_1("), all.indexOf(" data_8_1("));
    assertTrue(data.contains("_cp0.save(h);") && !data.contains("_cp0.save(data)"), data);
  }

  /** byte, short, char and long state, held in copies as the generated code holds them. */
  @Test
  void narrowEqualsStoreAll() {
    for (int steps : STEPS) {
      same("narrow", 0.4, steps);
    }
  }

  /** A long counter, from 1 to the bound inclusive. */
  @Test
  void wideEqualsStoreAll() {
    for (int steps : STEPS) {
      same("wide", 0.4, 1.7, (long) steps);
    }
  }

  /** The loop reads values that change after it: the reverse sweep puts them back first. */
  @Test
  void laterEqualsStoreAll() {
    for (int steps : STEPS) {
      same("later", new double[] {0.5, -1.0, 2.0}, 0.3, steps);
    }
  }

  /** Iterations whose reverses are independent run in the loop itself: no tape, no copies. */
  @Test
  void sumEqualsStoreAll() {
    for (int steps : STEPS) {
      same("sum", new double[] {0.5, -1.0, 2.0}, steps);
    }
    String fused = C.source("p.CGrad");
    fused = fused.substring(fused.indexOf(" sum_4_1("), fused.indexOf(" sum_8_1("));
    assertTrue(!fused.contains("_cp0.save") && !fused.contains("push("), fused);
  }

  /** A loop with nothing to reverse runs as written; forward mode runs every loop as written. */
  @Test
  void inactiveAndForwardMode() throws Exception {
    for (int steps : STEPS) {
      same("counted", 1.5, steps);
      Map<String, Object> jvp = Compiled.components(C.call("p.CGrad", "counted_4_1Jvp", 1.5, steps, 1.0));
      double count = 0;
      for (int i = 0; i < steps; i++) {
        count += i % 3;
      }
      assertEquals(count, (Double) jvp.get("tangent"), 0.0);
    }
  }

  /**
   * Forward mode and second order tape their loops as before (mJvp, mHvp and mHessian compile
   * beside the checkpointed gradient); all agree with it and with finite differences.
   */
  @Test
  void forwardModeAndSecondOrderOfACheckpointedMethod() {
    Compiled h = Compiled.compile("p.C", """
        package p;

        import io.github.backprop.Checkpointed;
        import io.github.backprop.Differentiable;

        class C {
          @Differentiable(forward = true, hessian = true)
          static double f(double x0, double r, int steps) {
            double x = x0;
            for (@Checkpointed(snapshots = 3, segment = 2) int i = 0; i < steps; i++) {
              x = Math.sin(r * x) + 0.5 * x;
            }
            return x * x;
          }
        }
        """);
    assertTrue(h.succeeded(), h.diagnostics());
    for (int steps : new int[] {0, 1, 7, 30}) {
      agreeAcrossModes(h, steps);
    }
  }

  /**
   * For {@code f(double x0, double r, int steps)} with forward mode and second order: the
   * gradient's partials against central differences of the value, {@code fJvp} along each axis
   * against the gradient, {@code fHessian}'s gradient against it, and {@code fHvp} and {@code
   * fHessian} against central differences of the gradient.
   */
  static void agreeAcrossModes(Compiled h, int steps) {
    double[] at = {0.4, 1.3};
    Map<String, Object> g = GradCheck.check(h, "f", at[0], at[1], steps);
    double[] gradient = {(Double) g.get("x0"), (Double) g.get("r")};
    Map<String, Object> hess = Compiled.components(h.call("p.CGrad", "fHessian", at[0], at[1], steps));
    double[][] m = (double[][]) hess.get("hessian");
    for (int i = 0; i < 2; i++) {
      double[] e = {i == 0 ? 1 : 0, i == 1 ? 1 : 0};
      Map<String, Object> jvp = Compiled.components(h.call("p.CGrad", "fJvp", at[0], at[1], steps, e[0], e[1]));
      assertEquals(gradient[i], (Double) jvp.get("tangent"), 1e-12 * Math.max(1, Math.abs(gradient[i])), "fJvp " + i);
      assertEquals(gradient[i], ((double[]) hess.get("gradient"))[i], 1e-12 * Math.max(1, Math.abs(gradient[i])));
      double[] hvp = (double[]) Compiled.components(h.call("p.CGrad", "fHvp", at[0], at[1], steps, e[0], e[1])).get("hvp");
      double step = 1e-5;
      double[] up = gradientAt(h, at[0] + step * e[0], at[1] + step * e[1], steps);
      double[] down = gradientAt(h, at[0] - step * e[0], at[1] - step * e[1], steps);
      for (int j = 0; j < 2; j++) {
        double fd = (up[j] - down[j]) / (2 * step);
        String what = "steps = " + steps + ", H[" + j + "][" + i + "]";
        assertEquals(fd, hvp[j], 1e-6 * Math.max(1, Math.abs(fd)), "fHvp: " + what);
        assertEquals(hvp[j], m[j][i], 1e-12 * Math.max(1, Math.abs(hvp[j])), "fHessian: " + what);
      }
    }
  }

  private static double[] gradientAt(Compiled h, double x0, double r, int steps) {
    Map<String, Object> g = Compiled.components(h.call("p.CGrad", "f", x0, r, steps));
    return new double[] {(Double) g.get("x0"), (Double) g.get("r")};
  }

  /**
   * Nested checkpointed loops, as the error for a marker inside another loop advises: the inner
   * loop in a {@code @Differentiable} method of its own, called from the outer checkpointed loop.
   * Both gradients equal the store-all one exactly.
   */
  @Test
  void nestedThroughADifferentiableCallee() {
    Compiled h = Compiled.compile("p.C", """
        package p;

        import io.github.backprop.Checkpointed;
        import io.github.backprop.Differentiable;

        class C {
          @Differentiable
          static double inner(double x, double r, int n) {
            for (@Checkpointed(snapshots = 2, segment = 1) int i = 0; i < n; i++) {
              x = Math.sin(r * x) + 0.5 * x;
            }
            return x;
          }

          @Differentiable
          static double innerAll(double x, double r, int n) {
            for (int i = 0; i < n; i++) {
              x = Math.sin(r * x) + 0.5 * x;
            }
            return x;
          }

          @Differentiable
          static double outer(double x0, double r, int m, int n) {
            double x = x0;
            for (@Checkpointed(snapshots = 3, segment = 1) int j = 0; j < m; j++) {
              x = inner(x, r, n) * 0.9 + 0.1 * r;
            }
            return x * x;
          }

          @Differentiable
          static double outerAll(double x0, double r, int m, int n) {
            double x = x0;
            for (int j = 0; j < m; j++) {
              x = innerAll(x, r, n) * 0.9 + 0.1 * r;
            }
            return x * x;
          }
        }
        """);
    assertTrue(h.succeeded(), h.diagnostics());
    for (int m : new int[] {0, 1, 4, 9}) {
      for (int n : new int[] {0, 1, 5, 13}) {
        Map<String, Object> all = Compiled.components(h.call("p.CGrad", "outerAll", 0.4, 1.3, m, n));
        Map<String, Object> nested = Compiled.components(h.call("p.CGrad", "outer", 0.4, 1.3, m, n));
        assertEquals(all.values().toString(), nested.values().toString(), "m = " + m + ", n = " + n);
        GradCheck.check(h, "outer", 0.4, 1.3, m, n);
      }
    }
  }

  /**
   * A method returning {@code double[]}: its vector-Jacobian product and Jacobian checkpoint a
   * marked loop, and one {@code @CheckpointLoops} applies to past its bound, and equal store-all's
   * exactly. Regression test for markers the vector methods' rewrite lost, taping in full.
   */
  @Test
  void vectorValuedMethodsCheckpointToo() {
    String body =
        """
          static double[] NAME(double[] p, int steps) {
            double x = p[0];
            double v = p[1];
            double[] out = new double[2];
            for (MARK int i = 0; i < steps; i++) {
              double a = -p[2] * x;
              x = x + 0.01 * v;
              v = v + 0.01 * a;
            }
            out[0] = x;
            out[1] = v * x;
            return out;
          }
        """;
    Compiled h = Compiled.compile("p.C", "package p;\n\nimport io.github.backprop.CheckpointLoops;\n"
        + "import io.github.backprop.Checkpointed;\nimport io.github.backprop.Differentiable;\n\nclass C {\n"
        + "  @Differentiable\n" + body.replace("NAME", "marked").replace("MARK", "@Checkpointed(snapshots = 2, segment = 1)")
        + "  @Differentiable @CheckpointLoops(above = 3, snapshots = 2, segment = 1)\n"
        + body.replace("NAME", "above").replace("MARK ", "")
        + "  @Differentiable\n" + body.replace("NAME", "all").replace("MARK ", "") + "}\n");
    assertTrue(h.succeeded(), h.diagnostics());
    String source = h.source("p.CGrad");
    assertTrue(source.contains("new Checkpoints((long) _e0 - _f0, 2, 1)"), source);
    assertTrue(source.contains("Checkpoints.beyond((long) _e0 - _f0, 3, 2, 1)"), source);
    double[] u = {1.3, -0.7};
    for (int steps : STEPS) {
      double[] p = {0.4, -0.3, 2.0};
      Object all = Compiled.components(h.call("p.CGrad", "allVjp", p.clone(), steps, u)).get("p");
      Object allJacobian = Compiled.components(h.call("p.CGrad", "allJacobian", p.clone(), steps)).get("jacobian");
      for (String name : new String[] {"marked", "above"}) {
        String what = name + " at steps = " + steps;
        assertArrayEquals((double[]) all, (double[]) Compiled.components(h.call("p.CGrad", name + "Vjp", p.clone(), steps, u)).get("p"), 0.0, what);
        double[][] jacobian = (double[][]) Compiled.components(h.call("p.CGrad", name + "Jacobian", p.clone(), steps)).get("jacobian");
        for (int i = 0; i < jacobian.length; i++) {
          assertArrayEquals(((double[][]) allJacobian)[i], jacobian[i], 0.0, what + ", row " + i);
        }
      }
    }
  }

  /** A marker in a helper without the annotation, whose body runs inside the method: taped as before. */
  @Test
  void markerInAHelperIsNotFollowed() {
    Compiled h = Compiled.compile("p.C", """
        package p;

        import io.github.backprop.Checkpointed;
        import io.github.backprop.Differentiable;

        class C {
          static void integrate(double[] s, double r, int steps) {
            for (@Checkpointed(snapshots = 3) int i = 0; i < steps; i++) {
              s[0] = 0.5 * Math.sin(r * s[0]) + 0.1 * s[1];
              s[1] = s[1] * 0.5 + 0.2 * s[0];
            }
          }

          @Differentiable
          static double f(double x0, double r, int steps) {
            double[] s = {x0, 1.0};
            integrate(s, r, steps);
            return s[0] * s[1];
          }
        }
        """);
    assertTrue(h.succeeded(), h.diagnostics());
    assertTrue(!h.source("p.CGrad").contains("Checkpoints"), h.source("p.CGrad"));
    for (int steps : new int[] {0, 1, 7, 30}) {
      GradCheck.check(h, "f", 0.4, 1.3, steps);
    }
  }

  @Test
  void logisticEqualsStoreAll() {
    for (int steps : STEPS) {
      same("logistic", 0.2, 3.7, steps);
    }
  }

  /** Buffers swapped each iteration: a copy holds which array each name refers to, and its elements. */
  @Test
  void swapEqualsStoreAll() {
    for (int steps : STEPS) {
      same("swap", new double[] {0.3, -0.2, 0.7, 0.1, 0.4}, 0.3, steps);
    }
  }

  /** A new array each iteration ({@code y = step(y)}), then written into. */
  @Test
  void rebindEqualsStoreAll() {
    for (int steps : STEPS) {
      same("rebind", new double[] {0.3, -0.2, 0.7}, 1.1, steps);
    }
  }

  /**
   * Arrays written only through a name declared in the loop ({@code t = c ? b : a}) are state:
   * regression test for a copy that left them out.
   */
  @Test
  void arraysWrittenThroughAnotherNameEqualStoreAll() {
    for (int steps : STEPS) {
      same("through", new double[] {0.3, -0.2, 0.7}, 1.1, steps);
    }
  }

  @Test
  void againstFiniteDifferences() {
    for (String s : new String[] {"2_1", "4_1", "4_5", "64_0"}) {
      for (int steps : new int[] {0, 1, 6, 40}) {
        GradCheck.check(C, "oscillator_" + s, 3.0, 0.4, 1.0, -0.5, 0.01, steps);
        GradCheck.check(C, "heat_" + s, new double[] {0.1, -0.3, 0.4, 0.2, -0.1}, 0.2, steps);
        GradCheck.check(C, "inPlace_" + s, new double[] {0.3, -0.2, 0.7, 0.1}, 1.3, steps);
        GradCheck.check(C, "accumulate_" + s, new double[] {0.5, -1.0, 2.0}, 0.3, 1.1, steps);
        GradCheck.check(C, "later_" + s, new double[] {0.5, -1.0, 2.0}, 0.3, steps);
        GradCheck.check(C, "sum_" + s, new double[] {0.5, -1.0, 2.0}, steps);
        GradCheck.check(C, "twice_" + s, 0.4, 1.7, steps);
        GradCheck.check(C, "data_" + s, new double[] {0.5, -1.0, 2.0}, new double[] {0.1, 0.2, -0.3}, steps);
        GradCheck.check(C, "wide_" + s, 0.4, 1.7, (long) steps);
        GradCheck.check(C, "swap_" + s, new double[] {0.3, -0.2, 0.7, 0.1, 0.4}, 0.3, steps);
        GradCheck.check(C, "rebind_" + s, new double[] {0.3, -0.2, 0.7}, 1.1, steps);
        GradCheck.check(C, "through_" + s, new double[] {0.3, -0.2, 0.7}, 1.1, steps);
        // A float in the state: central differences of float arithmetic are good to about 1e-4.
        GradCheck.checkWithin(1e-3, C, "p.C", "p.CGrad", "logistic_" + s, 0.2, 2.9, steps);
      }
    }
  }

  /** Every snapshot count's gradient equals the store-all one, and leaves arrays alike. */
  private static void same(String name, Object... args) {
    Map<String, Object> expected = Compiled.components(C.call("p.CGrad", name + "All", copy(args)));
    for (int[] v : VARIANTS) {
      Object[] mine = copy(args);
      Object[] theirs = copy(args);
      C.call("p.CGrad", name + "All", theirs);
      Map<String, Object> actual = Compiled.components(C.call("p.CGrad", variant(name, v), mine));
      String what = variant(name, v) + " at steps = " + args[args.length - 1];
      assertEquals(expected.keySet(), actual.keySet(), what);
      for (String k : expected.keySet()) {
        if (expected.get(k) instanceof double[] e) {
          assertArrayEquals(e, (double[]) actual.get(k), 0.0, what + ": " + k);
        } else {
          assertEquals((Double) expected.get(k), (Double) actual.get(k), 0.0, what + ": " + k);
        }
      }
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof double[]) {
          assertArrayEquals((double[]) theirs[i], (double[]) mine[i], 0.0, what + ": argument " + i + " after");
        }
      }
    }
  }

  private static Object[] copy(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[] a) {
        out[i] = a.clone();
      }
    }
    return out;
  }
}
