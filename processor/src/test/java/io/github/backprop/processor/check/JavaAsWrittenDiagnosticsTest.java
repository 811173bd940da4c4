package io.github.backprop.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.processor.testing.Compiled;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What stays rejected of the Java users write around numbers: a list built in the method, an
 * array of boxes as a parameter. One tagged error each, at its position, saying what to write.
 */
class JavaAsWrittenDiagnosticsTest {
  @Test
  void aListOfIntegersBuiltInTheMethod() {
    String src =
        """
        @Differentiable static double f(double x, int n) {
          java.util.List<Integer> ks = new java.util.ArrayList<>();
          for (int i = 0; i < n; i++) ks.add(i);
          double s = 0;
          for (int k : ks) s += x * k;
          return s;
        }
        """;
    onlyError(src, "[BackpropUnsupported]", at(src, "java.util.List<Integer> ks", "<"),
        "a list of numbers other than Double built in a differentiable method is not supported",
        "a list of other numbers would carry derivatives through boxes",
        "use a List<Double>, or fill a double[]");
  }

  @Test
  void anArrayOfBoxes() {
    String src =
        """
        @Differentiable static double f(Double[] xs) {
          double s = 0;
          for (Double v : xs) s += v * v;
          return s;
        }
        """;
    onlyError(src, "[BackpropSignature]", at(src, "Double[] xs", "xs"),
        "parameter 'xs' is an array of boxes (Double[])", "take a double[] instead",
        "Stream.of(xs).mapToDouble(Double::doubleValue).toArray()");
  }

  @Test
  void anArrayOfCharacters() {
    String src =
        """
        @Differentiable static double f(double x, Character[] cs) {
          return x * cs.length;
        }
        """;
    onlyError(src, "[BackpropSignature]", at(src, "Character[] cs", "cs"), "(Character[])", "take a char[] instead");
  }

  private record Pos(long line, long column) {}

  /** The position of {@code target} within the first {@code context}: members start on line 6. */
  private static Pos at(String members, String context, String target) {
    int index = members.indexOf(context) + context.indexOf(target);
    String before = members.substring(0, index);
    return new Pos(6 + before.chars().filter(ch -> ch == '\n').count(), index - before.lastIndexOf('\n'));
  }

  private static void onlyError(String members, String tag, Pos pos, String... words) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    Diagnostic<? extends JavaFileObject> e = errors.get(0);
    String message = e.getMessage(Locale.ROOT);
    assertTrue(message.startsWith(tag + " "), message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
    assertEquals(pos, new Pos(e.getLineNumber(), e.getColumnNumber()), message);
  }
}
