package io.github.backprop.processor.probes;

import static com.google.testing.compile.Compiler.javac;
import static io.github.backprop.processor.probes.Probes.assertNoBug;
import static io.github.backprop.processor.probes.Probes.describe;
import static io.github.backprop.processor.probes.Probes.lineIn;
import static io.github.backprop.processor.probes.Probes.oneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.BackpropProcessor;
import io.github.backprop.processor.testing.Compiled;
import io.github.backprop.processor.testing.GradCheck;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several rounds and several compilations: classes another processor generates, gradients of
 * two classes calling each other, one file recompiled against the other's class files.
 */
class RoundsProbesTest {
  /** Writes one source file in its first round, as code generators do. */
  static final class Generator extends AbstractProcessor {
    private final String name;
    private final String text;
    private boolean done;

    Generator(String name, String text) {
      this.name = name;
      this.text = text;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          w.write(text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  private static Compilation compile(Generator generator, String name, String source) {
    return javac()
        .withProcessors(generator, new BackpropProcessor())
        .withOptions("-Xlint:all", "-Werror", "-parameters")
        .compile(JavaFileObjects.forSourceString(name, source));
  }

  /**
   * Regression: a method naming a class another processor generates in the same round was left
   * without a gradient and without a word (its Grad class was never written).
   */
  @Test
  void typeFromAnotherRoundWaitsForIt() throws IOException {
    Compilation c = compile(
        new Generator("p.Gen", """
            package p;
            public final class Gen {
              public static final double K = 3;
              public final double w;
              public Gen(double w) { this.w = w; }
              public static double sq(double x) { return x * x; }
            }
            """),
        "p.M",
        """
        package p;
        import io.github.backprop.Differentiable;
        class M {
          @Differentiable static double f(double x, Gen g) { return x * Gen.K * g.w; }
          @Differentiable static double h(double x) { return Gen.sq(x) * Gen.K; }
        }
        """);
    assertEquals(Compilation.Status.SUCCESS, c.status(), () -> describe(c));
    String grad = c.generatedSourceFile("p.MGrad").orElseThrow().getCharContent(true).toString();
    assertTrue(grad.contains("public static F f(double x, Gen g)"), grad);
    assertTrue(grad.contains("public static H h(double x)"), grad);
  }

  @Test
  void classThatAnotherProcessorGenerates() throws IOException {
    Compilation c = compile(
        new Generator("p.Model", """
            package p;
            import io.github.backprop.Differentiable;
            public final class Model {
              @Differentiable public static double loss(double w, double x) { return (w * x - 1) * (w * x - 1); }
            }
            """),
        "p.Use",
        """
        package p;
        class Use {
          static double slope(double w) { return ModelGrad.loss(w, 2).w(); }
        }
        """);
    assertEquals(Compilation.Status.SUCCESS, c.status(), () -> describe(c));
    assertTrue(c.generatedSourceFile("p.ModelGrad").isPresent());
  }

  private static final String A = """
      package p;
      import io.github.backprop.Differentiable;
      class A {
        @Differentiable static double f(double x) { return B.g(x) * x; }
        @Differentiable static double k(double x) { return Math.sin(x); }
      }
      """;

  private static final String B = """
      package p;
      import io.github.backprop.Differentiable;
      class B {
        @Differentiable static double g(double x) { return x * x + 1; }
        @Differentiable static double h(double x) { return A.k(x) * A.k(x) + helper(x); }
        static double helper(double x) { return Math.exp(-x * x); }
      }
      """;

  @Test
  void gradientsOfTwoClassesCallEachOther() {
    Compiled c = Compiled.compileAll(Map.of("p.A", A, "p.B", B));
    GradCheck.check(c, "p.A", "p.AGrad", "f", 0.7);
    GradCheck.check(c, "p.B", "p.BGrad", "h", 0.7);
  }

  /**
   * Regressions staleGradClassOnTheClassPath and calleeFromAClassFileWithoutParameterNames:
   * recompiling one file alone, with the earlier build's output on the class path as IDEs and
   * incremental builds have it, was "[BackpropSignature] ... a class of that name already exists"
   * (the stale AGrad.class), and a call of the other class's @Differentiable method, compiled
   * without -parameters, read its gradient as {@code _g0.arg0()}, which does not compile. javac's
   * own lint warning that the file exists on the class path stays (it warns so for every
   * processor's output).
   */
  @Test
  void oneFileRecompiledAgainstTheOthersClassFiles(@TempDir Path dir) throws Exception {
    Compilation both = javac()
        .withProcessors(new BackpropProcessor())
        .withOptions("-Xlint:all")
        .compile(JavaFileObjects.forSourceString("p.A", A), JavaFileObjects.forSourceString("p.B", B));
    assertEquals(Compilation.Status.SUCCESS, both.status(), () -> describe(both));
    List<File> classpath = new ArrayList<>(List.of(dir.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    for (JavaFileObject f : both.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        Path out = dir.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()));
        Files.createDirectories(out.getParent());
        try (InputStream in = f.openInputStream()) {
          Files.write(out, in.readAllBytes());
        }
      }
    }
    // f = (x^2 + 1) x, f' = 3 x^2 + 1; h = sin^2 x + exp(-x^2), h' = sin 2x - 2x exp(-x^2)
    double x = 0.7;
    Map<String, Double> expected =
        Map.of("A", 3 * x * x + 1, "B", Math.sin(2 * x) - 2 * x * Math.exp(-x * x));
    for (String name : List.of("A", "B")) {
      Compilation again = javac()
          .withProcessors(new BackpropProcessor())
          .withOptions("-Xlint:all")
          .withClasspath(classpath)
          .compile(JavaFileObjects.forSourceString("p." + name, name.equals("A") ? A : B));
      assertEquals(Compilation.Status.SUCCESS, again.status(), () -> describe(again));
      assertTrue(Probes.ours(again).isEmpty(), () -> describe(again));
      List<JavaFileObject> classes = new ArrayList<>(again.generatedFiles());
      for (JavaFileObject f : both.generatedFiles()) {
        String simple = f.toUri().getPath().substring(f.toUri().getPath().lastIndexOf('/') + 1);
        if (f.getKind() == JavaFileObject.Kind.CLASS && !simple.startsWith(name)) {
          classes.add(f); // the other class and its Grad, as the class path holds them
        }
      }
      ClassLoader loader = Compiled.loaderOf(classes);
      Method grad = loader.loadClass("p." + name + "Grad").getDeclaredMethod(name.equals("A") ? "f" : "h", double.class);
      grad.setAccessible(true);
      Object record = grad.invoke(null, x);
      assertEquals(expected.get(name), (Double) Compiled.components(record).get("x"), 1e-12, name);
    }
  }

  @Test
  void helperOfAClassFileIsAClearError(@TempDir Path dir) {
    String lib = """
        package p;
        public class Lib {
          public static double helper(double x) { return Math.exp(-x * x); }
        }
        """;
    Compiled first = Compiled.compileAll(Map.of("p.Lib", lib));
    assertTrue(first.succeeded(), first.diagnostics());
    String user = """
        package p;
        import io.github.backprop.Differentiable;
        class U {
          @Differentiable static double f(double x) { return Lib.helper(x) * x; }
        }
        """;
    Compiled c = Compiled.compileAgainst(first, dir, Map.of("p.U", user));
    assertNoBug(c.compilation());
    oneError(c.compilation(), "BackpropNoDerivative", lineIn(user, "Lib.helper"), "Lib.helper");
  }

  /** Regression: a class that waits a round for a name javac cannot resolve said a declaration error twice. */
  @Test
  void aDeclarationErrorBesideAnUnknownNameWasSaidTwice() {
    String src = "@Differentiable(wrt = \"nope\") static double a(double x) { return x * x; }\n"
        + "@Differentiable static double d(double x) { return undefined(x); }\n";
    oneError(Compiled.members(src).compilation(), "BackpropSignature", Probes.lineOf(src, "nope"), "'nope'");
  }
}
