package io.github.backprop.processor.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.github.backprop.processor.testing.Ecj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor under the Eclipse compiler's batch compiler (as Eclipse and VS Code run it):
 * every golden source compiled by ecj must generate, byte for byte, the Grad class javac
 * generates ({@code golden/expected}, which {@code GoldenTest} checks against javac), and the
 * generated code must then compile under ecj; errors reach ecj's output with their line.
 */
class EcjTest {
  private static final Path GOLDEN = Paths.get("src/test/resources/golden");
  @TempDir static Path out;
  private static String log;
  private static boolean succeeded;

  @BeforeAll
  static void compileGoldenWithEcj() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> good = Files.list(GOLDEN.resolve("good"))) {
      good.sorted().forEach(f -> files.add(f.toString()));
    }
    Ecj.Result r = ecj(out, files);
    log = r.log();
    succeeded = r.succeeded();
  }

  static List<String> goldenNames() throws IOException {
    try (Stream<Path> good = Files.list(GOLDEN.resolve("good"))) {
      return good.map(f -> f.getFileName().toString().replace(".java", "")).sorted().toList();
    }
  }

  @Test
  void ecjCompilesTheGoldenSourcesAndWhatTheyGenerate() {
    assertTrue(succeeded, log);
    assertFalse(log.contains("[Backprop"), log);
    assertTrue(Files.exists(out.resolve("classes/golden/SeedsGrad.class")), "ecj compiled the generated code");
  }

  @ParameterizedTest
  @MethodSource("goldenNames")
  void generatedSourceUnderEcjIsJavacs(String name) throws IOException {
    Path generated = out.resolve("generated/golden/" + name + "Grad.java");
    assertTrue(Files.exists(generated), "ecj wrote no " + name + "Grad: " + log);
    assertEquals(
        Files.readString(GOLDEN.resolve("expected/" + name + "Grad.java"), StandardCharsets.UTF_8),
        Files.readString(generated, StandardCharsets.UTF_8),
        name + "Grad differs between ecj and javac");
  }

  @Test
  void errorsReachEcjAtTheConstructTheyName(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src/p/Bad.java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src,
        String.join(
            "\n",
            "package p;",
            "import io.github.backprop.Differentiable;",
            "class Bad {",
            "  static double field;",
            "  @Differentiable",
            "  static double ok(double x) { return x * x; }",
            "  @Differentiable",
            "  static double bad(double x) {",
            "    field = x;",
            "    return x;",
            "  }",
            "  @Differentiable",
            "  static double alsoBad(double[][][] x) {",
            "    return x[0][0][0];",
            "  }",
            "  @Differentiable(hessian = true)",
            "  static double second(double x) {",
            "    return pw(x, 3);",
            "  }",
            "  @Differentiable",
            "  static double pw(double x, int n) {",
            "    return n == 0 ? 1 : x * pw(x, n - 1);",
            "  }",
            "}",
            ""));
    Ecj.Result r = ecj(dir, List.of(src.toString()));
    assertFalse(r.succeeded(), r.log());
    // ecj prints the file and line, the source line, and carets under javac's range.
    assertTrue(r.log().contains("Bad.java (at line 9)\n\tfield = x;\n\t^^^^^\n[BackpropUnsupported] writing to a"
        + " field is not supported"), r.log());
    assertTrue(r.log().contains("Bad.java (at line 13)\n\tstatic double alsoBad(double[][][] x) {\n"
        + "\t                      ^^^^^^^^^^^^^^\n[BackpropSignature] parameter 'x' has type double[][][]"), r.log());
    // A message on a method marks its name, not its whole body.
    assertTrue(r.log().contains("Bad.java (at line 17)\n\tstatic double second(double x) {\n"
        + "\t              ^^^^^^\n[BackpropUnsupported] hessian = true does not support a call of a @DerivativeOf rule"), r.log());
    assertFalse(r.log().contains("(line "), "the position is ecj's own, not in the text: " + r.log());
    assertTrue(Files.exists(dir.resolve("generated/p/BadGrad.java")), "the good method is still generated");
  }

  @Test
  void rulesInOneFileAndTheirUseInAnotherGiveJavacsClass(@TempDir Path dir) throws IOException {
    String rules = String.join(
        "\n",
        "package p;",
        "import io.github.backprop.DerivativeOf;",
        "public class Rules {",
        "  public static double cube(double x) { return x * x * x; }",
        "  public record CubeD(double value, double dx) {}",
        "  @DerivativeOf(type = Rules.class, method = \"cube\")",
        "  static CubeD cubeRule(double x) { return new CubeD(x * x * x, 3 * x * x); }",
        "}",
        "");
    String uses = String.join(
        "\n",
        "package p;",
        "import io.github.backprop.Differentiable;",
        "class Uses {",
        "  @Differentiable",
        "  static double f(double x, double y) { return Rules.cube(x) * y; }",
        "}",
        "");
    Path src = Files.createDirectories(dir.resolve("src/p"));
    Files.writeString(src.resolve("Rules.java"), rules);
    Files.writeString(src.resolve("Uses.java"), uses);
    // The rules alone: nothing to generate, and nothing to report.
    Ecj.Result alone = Ecj.compile(dir.resolve("alone"), 17, List.of(src.resolve("Rules.java").toString()));
    assertTrue(alone.succeeded(), alone.log());
    assertFalse(alone.log().contains("[Backprop"), alone.log());
    Ecj.Result both = ecj(dir, List.of(src.resolve("Rules.java").toString(), src.resolve("Uses.java").toString()));
    assertTrue(both.succeeded(), both.log());
    io.github.backprop.processor.testing.Compiled javac =
        io.github.backprop.processor.testing.Compiled.compileAll(java.util.Map.of("p.Rules", rules, "p.Uses", uses));
    assertTrue(javac.succeeded(), javac.diagnostics());
    assertEquals(javac.source("p.UsesGrad"), Files.readString(dir.resolve("generated/p/UsesGrad.java"), StandardCharsets.UTF_8));
  }

  @Test
  void aSourceLevelAboveTheJdksJavacIsOneSetupError(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src/p/Newer.java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src,
        String.join(
            "\n",
            "package p;",
            "class Newer {",
            "  @io.github.backprop.Differentiable",
            "  static double f(double x) { return x * x; }",
            "  static int kind(Object o) {",
            "    return switch (o) { case Integer i when i > 3 -> 1; default -> 0; };",
            "  }",
            "}",
            ""));
    Ecj.Result r = Ecj.compile(dir, 21, List.of(src.toString()));
    if (Runtime.version().feature() >= 21) {
      assertTrue(r.succeeded(), r.log());
      assertTrue(Files.exists(dir.resolve("generated/p/NewerGrad.java")), r.log());
    } else {
      // javac 17 cannot parse Java 21: one error saying so, nothing generated, no exception.
      assertFalse(r.succeeded(), r.log());
      assertEquals(1, r.log().split("\\[BackpropSetup\\]", -1).length - 1, r.log());
      assertTrue(r.log().contains("this project is compiled as Java 21, and the JDK running the compiler"
          + " has javac for Java " + Runtime.version().feature() + " at most"), r.log());
      assertFalse(r.log().contains("Exception"), r.log());
      assertFalse(Files.exists(dir.resolve("generated/p/NewerGrad.java")));
    }
  }

  private static Ecj.Result ecj(Path dir, List<String> files) {
    return Ecj.compile(dir, 17, files);
  }
}
