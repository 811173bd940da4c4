package io.github.backprop.processor.probes;

import static io.github.backprop.processor.probes.Probes.assertNoBug;
import static io.github.backprop.processor.probes.Probes.describe;
import static io.github.backprop.processor.probes.Probes.lineIn;
import static io.github.backprop.processor.probes.Probes.oneError;
import static io.github.backprop.processor.probes.Probes.ours;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.github.backprop.processor.testing.Compiled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Differentiable} on methods javac shows no processor (of local, anonymous and enum-constant
 * classes) is one error at the annotation, whether or not the file has another annotated method;
 * an annotation of another package that is also called Differentiable is left alone.
 */
class HiddenMethodsProbesTest {
  private static final String SIGNATURE = "BackpropSignature";

  /**
   * Regression aMethodOfALocalClassAloneInItsFileWasIgnored: javac ran no round of the processor
   * for a file whose only {@code @Differentiable} was hidden in a local class, so the method got
   * no gradient and no error.
   */
  @Test
  void aMethodOfALocalClassAloneInItsFileWasIgnored() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        class C {
          static double use() {
            class L {
              @Differentiable static double f(double x) { return x * x; }
            }
            return L.f(2);
          }
        }
        """;
    oneError(Compiled.compile("p.C", file).compilation(), SIGNATURE, lineIn(file, "@Differentiable"),
        "local, anonymous or enum-constant", "move the method to a top-level or static nested class");
  }

  @Test
  void anAnonymousClassAloneInItsFile() {
    String file = """
        package p;
        import io.github.backprop.Differentiable;
        class C {
          static final Object O = new Object() {
            @Differentiable double f(double x) { return x * x; }
          };
        }
        """;
    oneError(Compiled.compile("p.C", file).compilation(), SIGNATURE, lineIn(file, "@Differentiable"), "anonymous");
  }

  @Test
  void anEnumConstantsBodyAloneInItsFile() {
    String file = """
        package p;
        enum E {
          A {
            @io.github.backprop.Differentiable double f(double x) { return x * x; }
          };
        }
        """;
    oneError(Compiled.compile("p.E", file).compilation(), SIGNATURE, lineIn(file, "@io.github"), "enum-constant");
  }

  /** Two files, one with a gradient and one with only a hidden method: each file's error once. */
  @Test
  void aHiddenMethodInAFileBesideAnotherWithAGradient() {
    String hidden = """
        package p;
        import io.github.backprop.Differentiable;
        class H {
          static Runnable r = () -> {
            class L { @Differentiable double f(double x) { return x; } }
          };
        }
        """;
    Compilation c = Compiled.compileAll(Map.of("p.H", hidden, "p.G", """
        package p;
        import io.github.backprop.Differentiable;
        class G {
          @Differentiable static double g(double x) { return x * x; }
        }
        """)).compilation();
    oneError(c, SIGNATURE, lineIn(hidden, "class L"), "local");
  }

  /**
   * Regression anAnnotationOfAnotherPackageNamedDifferentiableWasReported: a project's own
   * annotation called Differentiable, on a method of a local class, got backprop's error.
   */
  @Test
  void anAnnotationOfAnotherPackageNamedDifferentiableWasReported() {
    Compilation c = Compiled.compileAll(Map.of(
        "q.Differentiable", "package q;\npublic @interface Differentiable {}\n",
        "p.C", """
            package p;
            import io.github.backprop.*;
            import q.Differentiable;
            class C {
              @io.github.backprop.Differentiable static double f(double x) { return x * x; }
              static Object o = new Object() { @Differentiable double g(double x) { return x; } };
            }
            """,
        "r.Differentiable", "package r;\npublic @interface Differentiable {}\n",
        "r.D", """
            package r;
            import io.github.backprop.*;
            class D {
              static Object o = new Object() { @Differentiable double g(double x) { return x; } };
            }
            """)).compilation();
    assertTrue(ours(c).isEmpty(), () -> describe(c));
    assertNoBug(c);
  }
}
