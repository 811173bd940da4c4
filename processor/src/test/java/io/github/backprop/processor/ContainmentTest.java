package io.github.backprop.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.derive.ReverseSweep;
import org.junit.jupiter.api.Test;

/** A bug inside backprop becomes one error on the method it hit; other methods still compile. */
class ContainmentTest {
  @Test
  void internalFailureIsReportedOnTheMethodAndOthersStillGenerate() {
    BackpropProcessor failing =
        new BackpropProcessor(
            (model, activity, reporter) -> {
              if (model.name().equals("broken")) {
                throw new IllegalStateException("simulated internal failure");
              }
              return ReverseSweep.derive(model, activity, reporter);
            });
    Compilation c =
        javac()
            .withProcessors(failing)
            .withOptions("-A" + BackpropProcessor.DEBUG + "=true")
            .compile(
                JavaFileObjects.forSourceLines(
                    "p.C",
                    "package p;",
                    "import io.github.backprop.Differentiable;",
                    "class C {",
                    "  @Differentiable static double fine(double x) { return x * x; }",
                    "  @Differentiable static double broken(double x) { return x; }",
                    "}"));
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[BackpropBug]").inFile(c.sourceFiles().get(0)).onLine(5);
    assertThat(c).hadErrorContaining("simulated internal failure");
    // Generated files are not kept from a failed compilation; the debug option prints them.
    assertThat(c).hadNoteContaining("public static Fine fine(double x)");
  }

  /** {@code -Abackprop.debug=stages} prints each pass's output as a note, for the kept sweep only. */
  @Test
  void stagesArePrintedOnRequest() {
    Compilation c =
        javac()
            .withProcessors(new BackpropProcessor())
            .withOptions("-A" + BackpropProcessor.DEBUG + "=stages")
            .compile(
                JavaFileObjects.forSourceLines(
                    "p.C",
                    "package p;",
                    "import io.github.backprop.Differentiable;",
                    "class C {",
                    "  @Differentiable static double f(double[] x) {",
                    "    double s = 0;",
                    "    for (int i = 0; i < x.length; i++) { s += x[i] * x[i]; }",
                    "    return s;",
                    "  }",
                    "}"));
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("backprop f, read:");
    assertThat(c).hadNoteContaining("backprop f, hoist:");
    assertThat(c).hadNoteContaining("backprop f, intermediates:");
    assertThat(c).hadNoteContaining("backprop f, forward sweep (with the final loop's reverse inside):");
    assertThat(c).hadNoteContaining("backprop f, reverse sweep:");
    // The seed _d_s = 1.0 is folded into its reader.
    assertThat(c).hadNoteContaining("_d_x[i] += 2 * x[i];");
    long reads = c.notes().stream().filter(d -> d.getMessage(null).startsWith("backprop f, read:")).count();
    org.junit.jupiter.api.Assertions.assertEquals(1, reads, "once, from the sweep that is kept");
  }
}
