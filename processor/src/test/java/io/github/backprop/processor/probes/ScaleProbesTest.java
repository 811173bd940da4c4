package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.assertNoBug;
import static io.github.backprop.processor.probes.Probes.lineOf;
import static io.github.backprop.processor.probes.Probes.oneError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Methods as large as javac compiles: long sums, many statements and locals, deep loop nests,
 * large tables, many methods. Each is generated and correct, or, where the generated method would
 * be beyond what javac or the JVM takes, one error at the method saying what to split.
 */
class ScaleProbesTest {
  /** A left-deep sum of {@code n} terms of x and y. */
  private static String sum(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> switch (i % 3) {
          case 0 -> (i % 7 + 1) + ".0 * x * y";
          case 1 -> "Math.sin(x * " + (i % 5 + 1) + ")";
          default -> "x / (" + (i % 9 + 2) + ".0 + y * y)";
        })
        .collect(Collectors.joining(" + "));
  }

  /** Regression: a 1,500-term sum javac compiles overflowed backprop's stack ([BackpropBug]). */
  @Test
  void longSumNoStackOverflow() {
    Compiled c = Compiled.members("@Differentiable static double f(double x, double y) {\n  return " + sum(1400) + ";\n}\n");
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.checkWithin(1e-5, c, "p.C", "p.CGrad", "f", 0.3, 0.7);
  }

  private static String statements(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> i % 2 == 1
            ? "  s = s * 0.999 + Math.sin(x * " + (i % 13 + 1) + ") * y;"
            : "  s += x * y / (" + (i % 7 + 2) + " + s * s);")
        .collect(Collectors.joining("\n"));
  }

  @Test
  void fiveHundredStatements() {
    Compiled c = Compiled.members(
        "@Differentiable static double f(double x, double y) {\n  double s = 0;\n" + statements(500) + "\n  return s;\n}\n");
    assertTrue(c.succeeded(), c.diagnostics());
    GradCheck.checkWithin(1e-5, c, "p.C", "p.CGrad", "f", 0.3, 0.7);
  }

  /** Regression: a gradient beyond 64 KB of bytecode was javac's "code too large" in generated code. */
  @Test
  void codeTooLargeIsAnError() {
    String src = "@Differentiable static double f(double x, double y) {\n  double s = 0;\n" + statements(700)
        + "\n  return s;\n}\n@Differentiable static double g(double x) { return x * x; }\n";
    var c = Compiled.members(src).compilation();
    oneError(c, "BackpropUnsupported", lineOf(src, "double f"), "65535 bytes", "Split the method");
  }

  @Test
  void twoHundredLocals() {
    StringBuilder b = new StringBuilder("@Differentiable static double f(double x, double y) {\n");
    for (int i = 0; i < 200; i++) {
      b.append(i < 2 ? "  double v" + i + " = x * y + " + i + ";\n"
          : "  double v" + i + " = v" + (i - 1) + " * " + (0.5 + (i % 5) * 0.1) + " + Math.sin(y * v" + (i - 2) + ") * 0.3;\n");
    }
    b.append("  return ").append(IntStream.range(0, 200).filter(i -> i % 7 == 0).mapToObj(i -> "v" + i)
        .collect(Collectors.joining(" + "))).append(";\n}\n");
    Compiled c = Compiled.members(b.toString());
    GradCheck.checkWithin(1e-5, c, "p.C", "p.CGrad", "f", 0.3, 0.7);
  }

  @Test
  void loopNestEightDeep() {
    StringBuilder b = new StringBuilder("@Differentiable static double f(double x, double y) {\n  double s = 0;\n");
    for (int k = 0; k < 8; k++) {
      b.append("  for (int i").append(k).append(" = 0; i").append(k).append(" < 2; i").append(k).append("++) {\n");
    }
    b.append("  s = s * x + Math.sin(s + y * (i0 + i7));\n").append("  }\n".repeat(8)).append("  return s;\n}\n");
    Compiled c = Compiled.members(b.toString());
    GradCheck.check(c, "f", 0.9, 0.4);
  }

  @Test
  void largeStaticTables() {
    String values = IntStream.range(0, 3000).mapToObj(i -> String.format(java.util.Locale.ROOT, "%.4f", (i * 0.37) % 1.7))
        .collect(Collectors.joining(", "));
    Compiled c = Compiled.members(
        "static final double[] TABLE = {" + values + "};\n"
            + "private static final double[] HIDDEN = {" + values + "};\n"
            + "@Differentiable static double f(double x) {\n  double s = 0;\n"
            + "  for (int i = 0; i < TABLE.length; i += 97) {\n    s += TABLE[i] * Math.sin(x * HIDDEN[i]);\n  }\n"
            + "  return s;\n}\n");
    GradCheck.check(c, "f", 0.6);
  }

  @Test
  void threeHundredMethods() {
    String methods = IntStream.range(0, 300)
        .mapToObj(i -> "@Differentiable static double m" + i + "(double x, double y) { return x * " + i
            + " + Math.sin(y * x) / " + (i + 1) + "; }")
        .collect(Collectors.joining("\n"));
    Compiled c = Compiled.members(methods);
    assertNoBug(c.compilation());
    for (int i : new int[] {0, 149, 299}) {
      GradCheck.check(c, "m" + i, 0.3, 0.8);
    }
  }

  /** {@code @Differentiable(attributes) static double f(double x0, ..., double x(n-1))}, a ring of products. */
  private static String manyDoubles(int n, String attributes) {
    String params = IntStream.range(0, n).mapToObj(i -> "double x" + i).collect(Collectors.joining(", "));
    String body = IntStream.range(0, n).mapToObj(i -> "x" + i + " * x" + (i + 1) % n).collect(Collectors.joining(" + "));
    return "@Differentiable(" + attributes + ")\nstatic double f(" + params + ") {\n  return " + body + ";\n}\n";
  }

  /**
   * Regression manyDoublesLeftJavacsTooManyParametersInGeneratedCode: a method of 70 doubles
   * compiles (140 of the JVM's 255 parameter slots), its fJvp of 140 doubles does not, nor the
   * record of a gradient of 127: javac's "too many parameters" in CGrad.java. Now one error at the
   * method; with fewer parameters differentiated (wrt) it fits and is generated.
   */
  @Test
  void manyDoublesLeftJavacsTooManyParametersInGeneratedCode() {
    String forward = manyDoubles(70, "forward = true");
    oneError(Compiled.members(forward).compilation(), "BackpropUnsupported", lineOf(forward, "static double f"),
        "fJvp would take 280 parameter slots", "Take the numbers as a double[]");
    String reverse = manyDoubles(127, "");
    oneError(Compiled.members(reverse).compilation(), "BackpropUnsupported", lineOf(reverse, "static double f"),
        "record F would take 257 parameter slots");
    String fewer = manyDoubles(70, "forward = true, wrt = {\"x0\", \"x1\", \"x69\"}");
    Compiled c = Compiled.members(fewer);
    assertTrue(c.succeeded(), c.diagnostics());
    Object[] point = IntStream.range(0, 70).mapToObj(i -> (Object) (0.5 + i / 100.0)).toArray();
    java.util.Map<String, Object> g = Compiled.components(c.call("p.CGrad", "f", point));
    // d/dx0 of x69 * x0 + x0 * x1 is x69 + x1
    org.junit.jupiter.api.Assertions.assertEquals(1.19 + 0.51, (Double) g.get("x0"), 1e-12);
  }
}
