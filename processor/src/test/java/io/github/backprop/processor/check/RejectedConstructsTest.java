package io.github.backprop.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every rejected construct is one error of ours, on the construct's own line, with its tag and
 * words that name it. {@link Compiled#members} puts the first member on line 6.
 */
class RejectedConstructsTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // member source (line 6 onwards), line of the error, tag, words the message must contain
        c("@Differentiable static double f(double x) {\n for (int i = 0; i < 3; i++) { x = x * 2; }\n return x; }", 7, "Unsupported", "'for' loops"),
        c("@Differentiable static double f(double x) {\n while (x > 1) { x = x / 2; }\n return x; }", 7, "Unsupported", "'while' loops"),
        c("@Differentiable static double f(double x) {\n do { x = x / 2; } while (x > 1);\n return x; }", 7, "Unsupported", "'do'/'while' loops"),
        c("@Differentiable static double f(double x, int n) {\n try { x = x * n; } finally { n = 0; }\n return x; }", 7, "Unsupported", "'try'"),
        c("@Differentiable static double f(double x) {\n if (x < 0) throw new IllegalArgumentException();\n return x; }", 7, "Unsupported", "'throw'"),
        c("@Differentiable static double f(double x, int n) {\n switch (n) { case 1: x = 2 * x; break; default: break; }\n return x; }", 7, "Unsupported", "'switch'"),
        c("@Differentiable static double f(double x) {\n Object o = new Object();\n return x; }", 7, "Unsupported", "'new'"),
        c("@Differentiable static double f(double x) {\n java.util.function.DoubleUnaryOperator g = v -> v * 2;\n return x; }", 7, "Unsupported", "lambdas"),
        c("@Differentiable static double f(double x) {\n String s = \"a\";\n return x; }", 7, "Unsupported", "strings"),
        c("@Differentiable static double f(double x) {\n float y = 2;\n return x * y; }", 7, "Unsupported", "float"),
        c("@Differentiable static double f(double x) {\n return x * 2f; }", 7, "Unsupported", "float"),
        c("@Differentiable static double f(double x, int n) {\n return x * (n << 2); }", 7, "Unsupported", "shift"),
        c("@Differentiable static double f(double x, int n) {\n return x * (n & 3); }", 7, "Unsupported", "'&'"),
        c("@Differentiable static double f(double x) {\n double y;\n return (y = x) * 2; }", 8, "Unsupported", "assignment or increment inside an expression"),
        c("@Differentiable static double f(double x) {\n double[] a = {x};\n return x; }", 7, "Unsupported", "arrays"),
        c("@Differentiable static double f(double x) {\n return x % 2.0; }", 7, "Unsupported", "'%'"),
        c("static double k = 2;\n@Differentiable static double f(double x) {\n return x * k; }", 8, "Field", "not final"),
        c("double k = 2;\n@Differentiable static double f(double x) {\n return x * k; }", 8, "Field", "instance field"),
        c("static double k;\n@Differentiable static double f(double x) {\n k = x;\n return x; }", 8, "Unsupported", "writing to a field"),
        c("static double helper(double v) { return v * 2; }\n@Differentiable static double f(double x) {\n return helper(x); }", 8, "NoDerivative", "annotate C.helper with @Differentiable"),
        c("@Differentiable static double f(double x) {\n return x + \"ab\".length(); }", 7, "Unsupported", "strings"),
        c("@Differentiable double f(double x) {\n return x; }", 6, "Signature", "must be static"),
        c("@Differentiable static int f(double x) {\n return 1; }", 6, "Signature", "must return double"),
        c("@Differentiable static double f(double[] x) {\n return 1; }", 6, "Signature", "arrays are not supported yet"),
        c("@Differentiable static double f(String s) {\n return 1; }", 6, "Signature", "parameter 's'"));
  }

  private static Arguments c(String members, int line, String tag, String words) {
    return Arguments.of(members, line, tag, words);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rejectedWithItsOwnMessageOnItsLine(String members, int line, String tag, String words) {
    Compilation c = Compiled.members(members).compilation();
    assertThat(c).failed();
    assertEquals(1, ours(c), () -> "expected one error of ours:\n" + c.diagnostics());
    assertThat(c).hadErrorContaining("[Backprop" + tag + "]").inFile(c.sourceFiles().get(0)).onLine(line);
    assertThat(c).hadErrorContaining(words);
  }

  @Test
  void everyConstructGetsItsOwnError() {
    Compilation c =
        Compiled.members(
                "@Differentiable static double f(double x) {\n"
                    + " while (x > 1) { x = x / 2; }\n"
                    + " String s = \"a\";\n"
                    + " return x * 2f; }")
            .compilation();
    assertEquals(3, ours(c), c.diagnostics()::toString);
    assertThat(c).hadErrorContaining("'while' loops").inFile(c.sourceFiles().get(0)).onLine(7);
    assertThat(c).hadErrorContaining("strings").inFile(c.sourceFiles().get(0)).onLine(8);
    assertThat(c).hadErrorContaining("float").inFile(c.sourceFiles().get(0)).onLine(9);
  }

  @Test
  void javacErrorsAreNotRepeated() {
    for (String body : new String[] {"return x * unknown;", "double y = true; return y;", "return nope(x);"}) {
      Compilation c = Compiled.members("@Differentiable static double f(double x) {\n" + body + " }").compilation();
      assertThat(c).failed();
      assertEquals(0, ours(c), () -> body + ":\n" + c.diagnostics());
    }
  }

  private static long ours(Compilation c) {
    return c.errors().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .filter(d -> d.getMessage(null).startsWith("[Backprop"))
        .count();
  }
}
