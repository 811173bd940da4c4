package io.github.backprop.processor.check;

import static io.github.backprop.processor.check.MemberDiagnostics.at;
import static io.github.backprop.processor.check.MemberDiagnostics.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What stays rejected of the plain functions the corpus tries: a local class that reads the method's locals, {@code instanceof}
 * on an Object, a list of doubles handed to a library method other than Collections.max and min or copied from another collection.
 * One tagged error each, at its position, saying what to write.
 */
class PlainFunctionsDiagnosticsTest {
  @Test
  void aLocalClassThatReadsALocalOfTheMethod() {
    String src =
        """
        @Differentiable static double f(double[] x) {
          double start = x[0];
          class MinMax {
            double min = start;
          }
          MinMax mm = new MinMax();
          for (double v : x) if (v < mm.min) mm.min = v;
          return mm.min;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "class MinMax", "class"),
        "class MinMax uses 'start' of the method around it", "pass 'start' to its constructor, or declare the class as a static member");
  }

  @Test
  void instanceofOnAnObject() {
    String src =
        """
        @Differentiable static double f(double x, double y) {
          Object o = x > y ? (Object) Double.valueOf(x) : (Object) Integer.valueOf(3);
          if (o instanceof Double d) return d * y;
          return y;
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> errors = errors(src);
    assertTrue(!errors.isEmpty());
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith("[BackpropUnsupported] "), message);
    assertEquals(8, errors.get(0).getLineNumber(), message);
    assertTrue(message.contains("'instanceof' is not supported"), message);
  }

  @Test
  void aBuiltListHandedToAnotherLibraryMethod() {
    String src =
        """
        @Differentiable static double f(double a, double b) {
          java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(a, b));
          return java.util.Collections.frequency(values, a) * a;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "frequency(values", "values"), "a growing double[]",
        "Collections.max and min", "copy its values into a double[]");
  }

  @Test
  void aBuiltListCopiedFromAnotherCollection() {
    String src =
        """
        @Differentiable static double f(double a) {
          java.util.List<Double> values = new java.util.ArrayList<>(java.util.Collections.nCopies(3, a));
          values.add(a);
          return values.get(0) * a;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "nCopies(3", "("),
        "an ArrayList of doubles is made here from 'java.util.Collections.nCopies(3, a)'",
        "start it empty, or from List.of(a, b, c) or Arrays.asList(a, b, c)");
  }

  private static List<Diagnostic<? extends JavaFileObject>> errors(String members) {
    return Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }
}
