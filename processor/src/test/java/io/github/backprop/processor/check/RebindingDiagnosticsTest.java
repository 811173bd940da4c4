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
 * What an array variable given a whole array may not be given: one tagged error at the value,
 * saying what to write instead.
 */
class RebindingDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";

  @Test
  void aStaticTable() {
    String src =
        """
        static final double[] P = {1, 2};

        @Differentiable static double f(double x) {
          double[] a = {x, x};
          a = P;
          return a[0] * x;
        }
        """;
    onlyError(src, at(src, "a = P", "P"), "'P' is a read-only table", "a = P.clone();");
  }

  @Test
  void aRow() {
    String src =
        """
        @Differentiable static double f(double[][] m, double x) {
          double[] a = {x, x};
          a = m[1];
          return a[0] * x;
        }
        """;
    onlyError(src, at(src, "a = m[1]", "["), "'m[1]' is none of these", "a = m[1].clone();");
  }

  @Test
  void aChoiceThatCreatesValues() {
    String src =
        """
        @Differentiable static double f(double x, boolean c) {
          double[] a = {x, x};
          a = c ? a : new double[] {x * x, 1};
          return a[0] * x;
        }
        """;
    onlyError(src, at(src, "a = c ?", "?"), "may not create an array of values", "declare that array first");
  }

  private static Pos at(String members, String context) {
    return at(members, context, context);
  }

  private record Pos(long line, long column) {}

  /** The position of {@code target} within the first {@code context}: members start on line 6. */
  private static Pos at(String members, String context, String target) {
    int index = members.indexOf(context) + context.indexOf(target);
    String before = members.substring(0, index);
    return new Pos(6 + before.chars().filter(ch -> ch == '\n').count(), index - before.lastIndexOf('\n'));
  }

  private static void onlyError(String members, Pos pos, String... words) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    Diagnostic<? extends JavaFileObject> e = errors.get(0);
    String message = e.getMessage(Locale.ROOT);
    assertTrue(message.startsWith(UNSUPPORTED + " "), message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
    assertEquals(pos, new Pos(e.getLineNumber(), e.getColumnNumber()), message);
  }
}
