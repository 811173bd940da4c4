package io.github.backprop.processor.probes;

import static com.google.testing.compile.Compiler.javac;
import static io.github.backprop.processor.probes.Probes.describe;
import static io.github.backprop.processor.probes.Probes.lineIn;
import static io.github.backprop.processor.probes.Probes.oneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.backprop.processor.BackpropProcessor;
import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Builds with unusual options or several rounds: the same gradients, and each error of ours
 * printed once.
 */
class BuildProbesTest {
  private static final String SQUARE = """
      package p;
      import io.github.backprop.Differentiable;
      class C {
        @Differentiable(forward = true, hessian = true) static double f(double[] w, double y) {
          double s = 0;
          for (int i = 0; i < w.length; i++) {
            s += Math.sin(w[i]) * w[i] * y;
          }
          return s;
        }
      }
      """;

  private static Compilation compile(String name, String source, String... options) {
    return javac().withProcessors(new BackpropProcessor()).withOptions((Object[]) options)
        .compile(JavaFileObjects.forSourceString(name, source));
  }

  /** Regression procOnlySkippedTheHiddenMethodCheck: with -proc:only javac analyses nothing, so no error came. */
  @Test
  void procOnlySkippedTheHiddenMethodCheck() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        class H {
          static double use() {
            class L {
              @Differentiable static double f(double x) { return x * x; }
            }
            return L.f(2);
          }
        }
        """;
    oneError(compile("p.H", file, "-proc:only"), "BackpropSignature", lineIn(file, "@Differentiable"), "local");
  }

  @Test
  void procOnlyWritesTheGradClass() {
    Compilation c = compile("p.C", SQUARE, "-proc:only", "-Xlint:all", "-Werror");
    assertEquals(Compilation.Status.SUCCESS, c.status(), () -> describe(c));
    assertTrue(c.generatedSourceFile("p.CGrad").isPresent());
  }

  /** Without -parameters, under --release 17, with -implicit:none: the same gradient each time. */
  @Test
  void releaseSeventeenImplicitNoneAndNoParameters() {
    for (List<String> options : List.of(List.of("--release", "17"), List.of("-implicit:none"), List.<String>of())) {
      Compilation c = javac().withProcessors(new BackpropProcessor())
          .withOptions(new java.util.ArrayList<>(List.of("-Xlint:all", "-Werror")) {{ addAll(options); }})
          .compile(JavaFileObjects.forSourceString("p.C", SQUARE));
      assertEquals(Compilation.Status.SUCCESS, c.status(), () -> options + "\n" + describe(c));
    }
    Compiled c = Compiled.members(SQUARE.substring(SQUARE.indexOf("  @Differentiable"), SQUARE.lastIndexOf('}')),
        List.of("--release", "17"));
    io.github.backprop.processor.testing.GradCheck.check(c, "f", new double[] {0.3, -1.2, 2.0}, 0.7);
  }

  /**
   * A class deferred to the next round (its local record becomes a class first) beside an error of
   * ours: the error is printed once, not once per round.
   */
  @Test
  void anErrorOfADeferredClassIsPrintedOnce() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        class D {
          @Differentiable static double f(double x) {
            record Pt(double a, double b) {}
            Pt p = new Pt(x, x * x);
            return p.a() * p.b();
          }
          @Differentiable static double g(double x) {
            StringBuilder b = new StringBuilder().append(x);
            return x * b.length();
          }
        }
        """;
    Compilation c = Compiled.compile("p.D", file).compilation();
    List<String> ours = Probes.ours(c).stream().map(d -> d.getLineNumber() + " " + d.getMessage(Locale.ROOT)).toList();
    assertEquals(ours.stream().distinct().toList(), ours, () -> describe(c));
    assertEquals(1, ours.size(), () -> describe(c));
    assertTrue(ours.get(0).startsWith(lineIn(file, "StringBuilder") + " "), () -> describe(c));
  }

  /**
   * Regression oneFileRebuildToldToGiveTheCalleeHessianItHad: an IDE rebuilds only the file
   * edited, D, with C compiled before. The gradient and mJvp call CGrad; to second order the
   * call was refused with "give the callee hessian = true", which C.f had. Now the message names
   * the callee and the cause, a class compiled before, and one error is all.
   */
  @Test
  void oneFileRebuildToldToGiveTheCalleeHessianItHad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Compiled library = Compiled.compile("p.C", """
        package p;
        import io.github.backprop.Differentiable;
        public class C {
          @Differentiable(forward = true, hessian = true) public static double f(double x) { return x * Math.sin(x); }
        }
        """);
    assertTrue(library.succeeded(), library.diagnostics());
    String first = """
        package p;
        import io.github.backprop.Differentiable;
        class D {
          @Differentiable(forward = true) static double g(double x) { return C.f(x) * x; }
        }
        """;
    Compiled rebuilt = Compiled.compileAgainst(library, dir, java.util.Map.of("p.D", first));
    assertTrue(rebuilt.succeeded(), rebuilt.diagnostics());
    io.github.backprop.processor.testing.GradCheck.check(rebuilt, "p.D", "p.DGrad", "g", 0.7);
    String second = first.replace("forward = true", "forward = true, hessian = true");
    Compilation c = Compiled.compileAgainst(library, dir.resolve("again"), java.util.Map.of("p.D", second)).compilation();
    oneError(c, "BackpropUnsupported", lineIn(second, "static double g"), "('C.f')",
        "whose class was compiled before this one", "compile such a class with this one");
  }
}
