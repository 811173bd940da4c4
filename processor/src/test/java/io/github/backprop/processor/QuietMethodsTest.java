package io.github.backprop.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.derive.ReverseSweep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A method the reader leaves without a message, taking its code for code javac rejects, is
 * checked once javac has analysed it: where javac accepts the code, an error on the method.
 * Hipparchus's LegendreEllipticIntegral.bigF, bigE, bigD and bigPi got no Grad class and no
 * error at all (the corpus saw a ClassNotFoundException).
 */
class QuietMethodsTest {
  private static BackpropProcessor stoppingQuietlyOn(String name) {
    return new BackpropProcessor(
        (model, activity, reporter) -> {
          if (model.name().equals(name)) {
            throw reporter.abortQuietly();
          }
          return ReverseSweep.derive(model, activity, reporter);
        });
  }

  private static Compilation compile(BackpropProcessor processor, String... members) {
    List<String> lines = new ArrayList<>(List.of("package p;", "import io.github.backprop.Differentiable;", "class C {"));
    lines.addAll(List.of(members));
    lines.add("}");
    return javac().withProcessors(processor).compile(JavaFileObjects.forSourceLines("p.C", lines));
  }

  @Test
  void legendreBigFStoppedQuietlyOnCodeJavacAcceptsAndGotNoGradientAndNoError() {
    Compilation c =
        compile(
            stoppingQuietlyOn("quiet"),
            "  @Differentiable static double fine(double x) { return x * x; }",
            "  @Differentiable static double quiet(double x) { return x; }");
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[BackpropBug] backprop wrote no gradient for 'quiet'")
        .inFile(c.sourceFiles().get(0)).onLine(5);
  }

  @Test
  void aNestedClassesMethodLeftOutQuietlyIsFoundToo() {
    Compilation c =
        compile(
            stoppingQuietlyOn("quiet"),
            "  static final class In {",
            "    @Differentiable static double quiet(double x, double[] w) { return x * w[0]; }",
            "  }");
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("wrote no gradient for 'quiet'").inFile(c.sourceFiles().get(0)).onLine(5);
  }

  /** Where javac does reject the code, its error is the only one. */
  @Test
  void codeJavacRejectsGetsJavacsErrorAlone() {
    Compilation c =
        compile(
            new BackpropProcessor(),
            "  @Differentiable static double f(double x) { return x * unknownThing(x); }",
            "  @Differentiable static double g(double x) { double q = Missing.X; return x * q; }");
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(c.sourceFiles().get(0)).onLine(4);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(c.sourceFiles().get(0)).onLine(5);
  }
}
