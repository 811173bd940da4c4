package io.github.backprop.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @DerivativeOf} rules that do not fit the method they name: one {@code [BackpropSignature]}
 * error at the rule, naming both signatures; and a library call with no rule, whose error shows
 * the rule to write.
 */
class RuleDiagnosticsTest {
  private static final String SIGNATURE = "[BackpropSignature]";
  private static final String NO_DERIVATIVE = "[BackpropNoDerivative]";
  private static final String HEADER =
      """
      package p;

      import io.github.backprop.DerivativeOf;
      import io.github.backprop.Differentiable;
      import org.hipparchus.special.Beta;
      import org.hipparchus.special.Erf;
      import org.hipparchus.special.Gamma;

      class C {
      """;

  @Test
  void parametersOfNoOverload() {
    String src =
        """
          @DerivativeOf(type = Erf.class, method = "erf")
          static ErfD erf(float x) { return new ErfD(Erf.erf(x), 0); }

          record ErfD(double value, double dx) {}
        """;
    onlyError(
        src, SIGNATURE, "erf(float", "rule C.erf(float) matches no overload of Erf.erf", "Erf.erf(double)",
        "Erf.erf(double, double)", "takes the parameters of the method it is for");
  }

  @Test
  void noMethodOfThatName() {
    String src =
        """
          @DerivativeOf(type = Erf.class, method = "erff")
          static ErfD erf(double x) { return new ErfD(Erf.erf(x), 0); }

          record ErfD(double value, double dx) {}
        """;
    onlyError(src, SIGNATURE, "erf(double", "Erf has no method 'erff' for rule C.erf");
  }

  @Test
  void recordMissingAPartial() {
    String src =
        """
          @DerivativeOf(type = Beta.class, method = "logBeta")
          static LogBetaD logBeta(double a, double b) { return new LogBetaD(Beta.logBeta(a, b), 0); }

          record LogBetaD(double value, double da) {}
        """;
    onlyError(
        src, SIGNATURE, "logBeta(double a", "returns LogBetaD(double value, double da)",
        "must be record LogBetaD(double value, double da, double db) {}", "Beta.logBeta(double, double)");
  }

  @Test
  void resultIsNoRecord() {
    String src =
        """
          @DerivativeOf(type = Erf.class, method = "erf")
          static double erf(double x) { return Erf.erf(x); }
        """;
    onlyError(
        src, SIGNATURE, "erf(double", "rule C.erf returns double", "record ErfD(double value, double dx) {}");
  }

  @Test
  void partialsNamedAgainstTheirOrder() {
    String src =
        """
          @DerivativeOf(type = Beta.class, method = "logBeta")
          static LogBetaD logBeta(double a, double b) { return new LogBetaD(Beta.logBeta(a, b), 0, 0); }

          record LogBetaD(double value, double db, double da) {}
        """;
    onlyError(
        src, SIGNATURE, "logBeta(double a", "component 'db' of LogBetaD", "parameter 1, 'a'",
        "record LogBetaD(double value, double da, double db) {}");
  }

  @Test
  void twoRulesForOneMethod() {
    String src =
        """
          @DerivativeOf(type = Erf.class, method = "erf")
          static ErfD erf(double x) { return new ErfD(Erf.erf(x), 0); }

          @DerivativeOf(type = Erf.class, method = "erf")
          static ErfD erfAgain(double x) { return new ErfD(Erf.erf(x), 1); }

          record ErfD(double value, double dx) {}
        """;
    onlyError(src, SIGNATURE, "erfAgain(", "a second rule for Erf.erf(double): C.erf", "keep one");
  }

  @Test
  void ruleNotStatic() {
    String src =
        """
          @DerivativeOf(type = Erf.class, method = "erf")
          ErfD erf(double x) { return new ErfD(Erf.erf(x), 0); }

          record ErfD(double value, double dx) {}
        """;
    onlyError(src, SIGNATURE, "erf(double", "rule C.erf must be static");
  }

  @Test
  void privateRule() {
    String src =
        """
          @DerivativeOf(type = Erf.class, method = "erf")
          private static ErfD erf(double x) { return new ErfD(Erf.erf(x), 0); }

          record ErfD(double value, double dx) {}
        """;
    onlyError(src, SIGNATURE, "erf(double", "rule erf is private", "make it package-private");
  }

  /** A double[] parameter's partial is a double[]: a double there is named, with the record to write. */
  @Test
  void arrayParameterWithAScalarPartial() {
    String src =
        """
          @DerivativeOf(type = org.hipparchus.util.MathArrays.class, method = "safeNorm")
          static NormD norm(double[] v) { return new NormD(0, 0); }

          record NormD(double value, double dv) {}
        """;
    onlyError(
        src, SIGNATURE, "norm(double", "returns NormD(double value, double dv)",
        "must be record NormD(double value, double[] dv) {}", "a double[] of partials for a double[] one");
  }

  @Test
  void matrixParameter() {
    String src =
        """
          static double trace(double[][] m) { return m[0][0] + m[1][1]; }

          @DerivativeOf(type = C.class, method = "trace")
          static TraceD traceRule(double[][] m) { return new TraceD(0, m); }

          record TraceD(double value, double[][] dm) {}
        """;
    onlyError(
        src, SIGNATURE, "traceRule(double", "is double[][]", "double[] (with an array of partials), int, long or boolean");
  }

  @Test
  void libraryCallWithNoRuleShowsTheRuleToWrite() {
    String src =
        """
          @Differentiable static double f(double x, double y) {
            return x * Gamma.trigamma(x + y);
          }
        """;
    onlyError(
        src, NO_DERIVATIVE, "(x + y)", "no derivative for 'Gamma.trigamma', a library method",
        "declare its derivative: @DerivativeOf(type = Gamma.class, method = \"trigamma\") static TrigammaD",
        "returning record TrigammaD(double value, double d",
        "write it as a @Differentiable method");
  }

  @Test
  void ruleNotPublicUsedFromAnotherPackage() {
    String user =
        """
        package p;

        import io.github.backprop.Differentiable;
        import org.hipparchus.special.Erf;

        class C {
          @Differentiable static double f(double x) {
            return Erf.erf(x);
          }
        }
        """;
    String rules =
        """
        package q;

        import io.github.backprop.DerivativeOf;
        import org.hipparchus.special.Erf;

        public final class Rules {
          private Rules() {}

          @DerivativeOf(type = Erf.class, method = "erf")
          static ErfD erf(double x) { return new ErfD(Erf.erf(x), 0); }

          public record ErfD(double value, double dx) {}
        }
        """;
    Compilation c = Compiled.compileAll(java.util.Map.of("p.C", user, "q.Rules", rules)).compilation();
    List<Diagnostic<? extends JavaFileObject>> ours =
        c.errors().stream().filter(d -> d.getMessage(Locale.ROOT).contains("[Backprop")).toList();
    assertEquals(1, ours.size(), () -> describe(c));
    String message = ours.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] rule Rules.erf for Erf.erf(double) is not public"), message);
    assertTrue(message.contains("package 'p'"), message);
    assertEquals(8, ours.get(0).getLineNumber(), message); // the call
  }

  // ---------------------------------------------------------------- helpers

  /** Compiles {@code members} in class p.C; exactly one error, ours, at {@code marker}. */
  private static void onlyError(String members, String tag, String marker, String... words) {
    String source = HEADER + members + "}\n";
    Compilation c = Compiled.compile("p.C", source).compilation();
    List<Diagnostic<? extends JavaFileObject>> ours =
        c.errors().stream().filter(d -> d.getMessage(Locale.ROOT).contains("[Backprop")).toList();
    assertEquals(1, ours.size(), () -> "expected exactly one error of ours:\n" + describe(c));
    assertThat(c).hadErrorCount(1);
    int index = source.indexOf(marker);
    assertTrue(index >= 0, marker);
    String before = source.substring(0, index);
    long line = 1 + before.chars().filter(ch -> ch == '\n').count();
    long column = index - before.lastIndexOf('\n');
    Diagnostic<? extends JavaFileObject> d = ours.get(0);
    String message = d.getMessage(Locale.ROOT);
    assertEquals(line + ":" + column, d.getLineNumber() + ":" + d.getColumnNumber(), message);
    assertTrue(message.startsWith(tag + " "), () -> "expected tag " + tag + ": " + message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
  }

  private static String describe(Compilation c) {
    return c.diagnostics().stream()
        .map(d -> d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }
}
