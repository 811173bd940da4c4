package io.github.backprop.processor.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code @CheckpointLoops(above = A)}: the bodies of {@link CheckpointedTest} without their
 * markers, each compiled once per (bound, snapshots, segment) with the setting on the method, and
 * once without it (store-all, its name ending in {@code All}). For every trip count of the matrix,
 * below the bound (taped in full) and above it (checkpointed), the gradient must equal the
 * store-all one exactly, and leave the arrays alike. Then where the setting comes from (method,
 * class, package; the nearest wins), loops it leaves alone, and a marked loop beside it.
 */
class CheckpointLoopsTest {
  /** Bound, snapshots and segment of each variant; segment 0 leaves it to its default. */
  static final int[][] VARIANTS = {{0, 2, 1}, {7, 3, 1}, {7, 4, 5}, {64, 2, 3}, {64, 64, 0}};

  static final Compiled C = Compiled.compile("p.C", source());

  private static String source() {
    StringBuilder b = new StringBuilder();
    b.append("package p;\n\nimport io.github.backprop.CheckpointLoops;\nimport io.github.backprop.Differentiable;\n\n");
    b.append("class C {\n");
    b.append(CheckpointedTest.CALLEES);
    for (String marked : CheckpointedTest.METHODS) {
      String m = marked.replace("@Checkpointed(snapshots = S) ", "");
      String name = name(m);
      b.append(m.replace(" " + name + "(", " " + name + "All("));
      for (int[] v : VARIANTS) {
        b.append("@CheckpointLoops(above = ").append(v[0]).append(", snapshots = ").append(v[1]);
        b.append(v[2] == 0 ? "" : ", segment = " + v[2]).append(")\n");
        b.append(m.replace(" " + name + "(", " " + variant(name, v) + "("));
      }
    }
    return b.append("}\n").toString();
  }

  private static String name(String method) {
    java.util.regex.Matcher found = java.util.regex.Pattern.compile("static double (\\w+)\\(").matcher(method);
    assertTrue(found.find());
    return found.group(1);
  }

  private static String variant(String name, int[] v) {
    return name + "_" + v[0] + "_" + v[1] + "_" + v[2];
  }

  @Test
  void compiles() {
    assertTrue(C.succeeded(), C.diagnostics());
    if (Boolean.getBoolean("show")) {
      System.out.println(C.source("p.CGrad"));
    }
  }

  /** Every variant of every body has both paths, except the loop whose iterations need no tape. */
  @Test
  void everyLoopHasBothPaths() {
    String[] members = C.source("p.CGrad").split("\n\n");
    for (String m : CheckpointedTest.METHODS) {
      String name = name(m);
      for (int[] v : VARIANTS) {
        // Its methods: a gradient may delegate to an overload.
        java.util.regex.Pattern declared = java.util.regex.Pattern.compile("static \\w+ " + variant(name, v) + "\\(");
        String method = String.join("\n\n", java.util.Arrays.stream(members)
            .filter(x -> declared.matcher(x).find())
            .toList());
        boolean both = method.contains("Checkpoints.beyond(") && method.contains("if (_cp0 != null)");
        assertEquals(!name.equals("sum") && !name.equals("counted"), both, method);
        if (both) {
          assertTrue(method.contains(", " + v[0] + ", " + v[1] + ", " + (v[2] == 0 ? 64 : v[2]) + ")"), method);
        }
      }
    }
  }

  @Test
  void oscillatorEqualsStoreAll() {
    for (int steps : CheckpointedTest.STEPS) {
      same("oscillator", 3.0, 0.4, 1.0, -0.5, 0.01, steps);
    }
  }

  @Test
  void heatEqualsStoreAll() {
    Random r = new Random(3);
    for (int steps : CheckpointedTest.STEPS) {
      double[] u0 = new double[6];
      for (int j = 0; j < u0.length; j++) {
        u0[j] = r.nextDouble() - 0.5;
      }
      same("heat", u0, 0.2, steps);
    }
  }

  @Test
  void arraysEqualStoreAll() {
    for (int steps : CheckpointedTest.STEPS) {
      same("inPlace", new double[] {0.3, -0.2, 0.7, 0.1}, 1.3, steps);
      same("accumulate", new double[] {0.5, -1.0, 2.0}, 0.3, 1.1, steps);
      same("later", new double[] {0.5, -1.0, 2.0}, 0.3, steps);
      same("data", new double[] {0.5, -1.0, 2.0}, new double[] {0.1, 0.2, -0.3}, steps);
    }
  }

  @Test
  void scalarsEqualStoreAll() {
    for (int steps : CheckpointedTest.STEPS) {
      same("sum", new double[] {0.5, -1.0, 2.0}, steps);
      same("counted", 1.5, steps);
      same("twice", 0.4, 1.7, steps);
      same("wide", 0.4, 1.7, (long) steps);
      same("narrow", 0.4, steps);
      same("logistic", 0.2, 3.7, steps);
    }
  }

  @Test
  void againstFiniteDifferences() {
    for (int[] v : new int[][] {VARIANTS[0], VARIANTS[2]}) {
      for (int steps : new int[] {0, 6, 40}) {
        GradCheck.check(C, variant("oscillator", v), 3.0, 0.4, 1.0, -0.5, 0.01, steps);
        GradCheck.check(C, variant("heat", v), new double[] {0.1, -0.3, 0.4, 0.2, -0.1}, 0.2, steps);
        GradCheck.check(C, variant("later", v), new double[] {0.5, -1.0, 2.0}, 0.3, steps);
        GradCheck.check(C, variant("wide", v), 0.4, 1.7, (long) steps);
      }
    }
  }

  /** The nearest setting applies: the method's over its class's, the class's over its package's. */
  @Test
  void methodOverClassOverPackage() {
    String body =
        """
          static double NAME(double x0, double r, int steps) {
            double x = x0;
            for (int i = 0; i < steps; i++) {
              x = Math.sin(r * x) + 0.5 * x;
            }
            return x * x;
          }
        """;
    Compiled c = Compiled.compileAll(Map.of(
        "p.package-info",
        "@io.github.backprop.CheckpointLoops(above = 1 << 20, snapshots = 3)\npackage p;\n",
        "p.D",
        "package p;\n\nimport io.github.backprop.CheckpointLoops;\nimport io.github.backprop.Differentiable;\n\n"
            + "@CheckpointLoops(above = 10, segment = 2)\nclass D {\n"
            + "  @Differentiable\n" + body.replace("NAME", "ofClass")
            + "  @Differentiable @CheckpointLoops(above = 5_000_000_000L, snapshots = 8)\n" + body.replace("NAME", "ofMethod")
            + "  static class Inner {\n    @Differentiable\n" + body.replace("NAME", "ofOuterClass") + "  }\n"
            + "}\n",
        "p.E",
        "package p;\n\nimport io.github.backprop.Differentiable;\n\nclass E {\n  @Differentiable\n"
            + body.replace("NAME", "ofPackage") + "}\n"));
    assertTrue(c.succeeded(), c.diagnostics());
    assertTrue(c.source("p.DGrad").contains("Checkpoints.beyond((long) _e0 - _f0, 10, 64, 2)"), c.source("p.DGrad"));
    assertTrue(c.source("p.DGrad").contains("Checkpoints.beyond((long) _e0 - _f0, 5000000000L, 8, 64)"), c.source("p.DGrad"));
    assertTrue(c.source("p.D_InnerGrad").contains("Checkpoints.beyond((long) _e0 - _f0, 10, 64, 2)"), c.source("p.D_InnerGrad"));
    assertTrue(c.source("p.EGrad").contains("Checkpoints.beyond((long) _e0 - _f0, 1048576, 3, 64)"), c.source("p.EGrad"));
    for (int steps : new int[] {0, 9, 10, 11, 50}) {
      GradCheck.check(c, "p.D", "p.DGrad", "ofClass", 0.4, 1.3, steps);
      GradCheck.check(c, "p.E", "p.EGrad", "ofPackage", 0.4, 1.3, steps);
    }
  }

  /**
   * Loops a marker would be refused on stay taped in full under the setting, without a word; a
   * marked loop keeps its own settings and is checkpointed at every length.
   */
  @Test
  void loopsTheSettingLeavesAlone() {
    Compiled c = Compiled.compile("p.C", """
        package p;

        import io.github.backprop.CheckpointLoops;
        import io.github.backprop.Checkpointed;
        import io.github.backprop.Differentiable;

        @CheckpointLoops(above = 4, snapshots = 2, segment = 1)
        class C {
          @Differentiable
          static double leaves(double x0, double r, int steps) {
            double x = x0;
            for (int i = 0; i < steps; i++) {
              if (x > 10) {
                break;
              }
              x = Math.sin(r * x) + 1.01 * x;
            }
            int k = 0;
            while (k < steps) {
              x = Math.cos(r * x) + x;
              k++;
            }
            for (int i = steps; i > 0; i--) {
              x = x * 0.9 + Math.sin(x);
            }
            for (int i = 0; i < steps; i++) {
              for (int j = 0; j < 3; j++) {
                x = x * 0.99 + 0.01 * Math.tanh(r * x);
              }
            }
            return x;
          }

          @Differentiable
          static double marked(double x0, double r, int steps) {
            double x = x0;
            for (@Checkpointed(snapshots = 3) int i = 0; i < steps; i++) {
              x = Math.sin(r * x) + 0.5 * x;
            }
            return x;
          }
        }
        """);
    assertTrue(c.succeeded(), c.diagnostics());
    String source = c.source("p.CGrad");
    String leaves = source.substring(source.indexOf(" leaves("), source.indexOf(" marked("));
    // Only the last loop, the one a marker could stand on, has two paths.
    assertEquals(1, leaves.split("Checkpoints.beyond\\(", -1).length - 1, leaves);
    String marked = source.substring(source.indexOf(" marked("));
    assertTrue(marked.contains("new Checkpoints((long) _e0 - _f0, 3, 64)") && !marked.contains("beyond"), marked);
    for (int steps : new int[] {0, 3, 4, 5, 12}) {
      GradCheck.check(c, "leaves", 0.4, 1.3, steps);
      GradCheck.check(c, "marked", 0.4, 1.3, steps);
    }
  }

  /** Forward mode and second order tape as before; the gradient has both paths. */
  @Test
  void forwardModeAndSecondOrder() {
    Compiled h = Compiled.compile("p.C", """
        package p;

        import io.github.backprop.CheckpointLoops;
        import io.github.backprop.Differentiable;

        class C {
          @Differentiable(forward = true, hessian = true)
          @CheckpointLoops(above = 5, snapshots = 2, segment = 1)
          static double f(double x0, double r, int steps) {
            double x = x0;
            for (int i = 0; i < steps; i++) {
              x = Math.sin(r * x) + 0.5 * x;
            }
            return x * x;
          }
        }
        """);
    assertTrue(h.succeeded(), h.diagnostics());
    for (String member : h.source("p.CGrad").split("\n\n")) {
      if (member.matches("(?s).*static \\w+ f(Jvp|Hvp|Hessian)\\(.*")) {
        assertFalse(member.contains("Checkpoints"), member);
      } else if (member.matches("(?s).*static \\w+ f\\(.*")) {
        assertTrue(member.contains("Checkpoints.beyond((long) _e0 - _f0, 5, 2, 1)"), member);
      }
    }
    for (int steps : new int[] {0, 1, 5, 6, 30}) {
      CheckpointedTest.agreeAcrossModes(h, steps);
    }
  }

  /** The variant's gradient equals the store-all one exactly, and leaves arrays alike. */
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
