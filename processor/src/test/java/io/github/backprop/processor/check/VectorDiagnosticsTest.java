package io.github.backprop.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What a method returning {@code double[]} cannot do: one tagged error, on its line. */
class VectorDiagnosticsTest {
  @Test
  void hessianNamesTheMode() {
    String members =
        """
        @Differentiable(hessian = true)
        static double[] f(double x) {
          return new double[] {x * x};
        }
        """;
    Diagnostic<? extends JavaFileObject> e = only(members);
    String message = e.getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] hessian = true does not support 'f', which returns double[]"), message);
    assertTrue(message.contains("fJacobian"), message);
    assertEquals(lineOf(members, "static double[] f"), e.getLineNumber());
  }

  @Test
  void theArrayALibraryCallReturns() {
    String members =
        """
        @Differentiable(wrt = {"x"})
        static double[] f(double x, double[] d) {
          return java.nio.DoubleBuffer.allocate(d.length).array();
        }
        """;
    Diagnostic<? extends JavaFileObject> e = only(members);
    assertEquals(
        "[BackpropUnsupported] a @Differentiable method returning double[] cannot return the array a"
            + " call returns: return an array variable of the method, a parameter, a row m[i] or new"
            + " double[] {...}",
        e.getMessage(Locale.ROOT));
    assertEquals(lineOf(members, "return java.nio"), e.getLineNumber());
  }

  @Test
  void aDifferentiableCalleeReturningAnArray() {
    String members =
        """
        @Differentiable
        static double[] g(double x) {
          return new double[] {x, x * x};
        }

        @Differentiable
        static double f(double x) {
          double[] a = g(x);
          return a[0] + a[1];
        }
        """;
    Diagnostic<? extends JavaFileObject> e = only(members);
    String message = e.getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] 'g' returns double[]"), message);
    assertTrue(message.contains("remove @Differentiable from 'g'"), message);
    assertEquals(lineOf(members, "g(x);"), e.getLineNumber());
    // Without the annotation, g is run in place and f differentiates.
    assertTrue(Compiled.members(members.replaceFirst("@Differentiable\n", "")).succeeded());
  }

  @Test
  void otherArrayResults() {
    for (String type : new String[] {"float[]", "double[][]"}) {
      String members =
          "@Differentiable\nstatic " + type + " f(float x) {\n  return null;\n}\n";
      Diagnostic<? extends JavaFileObject> e = only(members);
      assertEquals(
          "[BackpropSignature] @Differentiable method 'f' returns " + type + "; it must return double"
              + " or float (or Double, Float), the value whose gradient is computed, or double[], whose vector-Jacobian"
              + " products and Jacobian are computed",
          e.getMessage(Locale.ROOT));
      assertEquals(lineOf(members, "static"), e.getLineNumber());
    }
  }

  @Test
  void returningNull() {
    String members =
        """
        @Differentiable
        static double[] f(double x) {
          if (x > 0) {
            return null;
          }
          return new double[] {x};
        }
        """;
    Diagnostic<? extends JavaFileObject> e = only(members);
    assertTrue(e.getMessage(Locale.ROOT).startsWith("[BackpropUnsupported]"), e.toString());
    assertEquals(lineOf(members, "return null"), e.getLineNumber());
  }

  private static Diagnostic<? extends JavaFileObject> only(String members) {
    List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : Compiled.members(members).compilation().diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d);
      }
    }
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }

  /** The line of {@code marker} in the file Compiled.members writes: members start on line 6. */
  private static long lineOf(String members, String marker) {
    String before = members.substring(0, members.indexOf(marker));
    return 6 + before.chars().filter(ch -> ch == '\n').count();
  }
}
