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
 * What a row of a matrix may not be given: one tagged error at the row, naming why and saying
 * what to write instead. Rows of a matrix the method creates may be given its other rows and
 * array variables (derive/RowRebindingTest).
 */
class RowRebindingDiagnosticsTest {
  private static final String UNSUPPORTED = "[BackpropUnsupported]";

  @Test
  void aRowOfAnotherMatrix() {
    String src =
        """
        @Differentiable static double f(double x) {
          double[][] m = new double[2][2];
          double[][] n = {{x, x}, {x * x, 1}};
          m[0] = n[1];
          return m[0][0] * x;
        }
        """;
    onlyError(src, at(src, "m[0] = n[1]", "["), "assigning a whole row ('m[0]')",
        "'n[1]' is neither another row of 'm' nor an array variable", "m[0] = new double[k];");
  }

  @Test
  void aMatrixThatIsItselfGivenAnotherMatrix() {
    String src =
        """
        @Differentiable static double f(double x) {
          double[][] m = {{x, 1}, {2, x}};
          double[][] n = new double[2][2];
          m[0] = m[1];
          m = n;
          return m[0][0] * x;
        }
        """;
    onlyError(src, at(src, "m[0] = m[1]", "["), "'m' is itself given another matrix in this method");
  }

  @Test
  void aMatrixOfARowOfAnotherMatrix() {
    String src =
        """
        @Differentiable static double f(double x) {
          double[][] n = {{x, x}, {x * x, 1}};
          double[] a = {x, 2};
          double[][] m = {a, n[1]};
          return m[1][0] * x;
        }
        """;
    onlyError(src, at(src, "n[1]}", "["), "a row of 'm' given this way is not supported",
        "'n[1]' is not an array variable", "n[1].clone()");
  }

  @Test
  void aStaticTable() {
    String src =
        """
        static final double[] P = {1, 2};

        @Differentiable static double f(double x) {
          double[][] m = {{x, 1}, {2, x}};
          m[1] = P;
          return m[1][0] * x;
        }
        """;
    onlyError(src, at(src, "m[1] = P", "["), "'P' is a read-only table", "write its elements one by one");
  }

  @Test
  void aRowOfTheCallersMatrix() {
    String src =
        """
        @Differentiable static double f(double[][] m, double x) {
          double[] t = m[0];
          m[0] = m[1];
          m[1] = t;
          return m[0][0] * x;
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> errors = errors(src);
    assertTrue(errors.size() >= 1, errors::toString);
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(message.startsWith(UNSUPPORTED + " assigning a whole row ('m[0]')"), message);
    assertTrue(message.contains("'m' is the caller's matrix, whose rows would change"), message);
    assertTrue(message.contains("m[0] = new double[k];"), message);
    assertEquals(at(src, "m[0] = m[1]", "["), new Pos(errors.get(0).getLineNumber(), errors.get(0).getColumnNumber()));
  }

  /** A helper that swaps rows of the matrix it is given: said at the call, with why and where to swap. */
  @Test
  void aHelperThatSwapsRowsOfTheMatrixItIsGiven() {
    String src =
        """
        static void swapRows(double[][] m, int i, int j) {
          double[] t = m[i];
          m[i] = m[j];
          m[j] = t;
        }

        @Differentiable static double f(double x, double y) {
          double[][] a = {{x, y}, {y * y, 1}};
          swapRows(a, 0, 1);
          return a[0][0] * a[1][1] - a[0][1] * a[1][0];
        }
        """;
    onlyError(src, at(src, "swapRows(a, 0, 1)", "a,"), "'swapRows' writes into the array 'a' it is given, so backprop reads its body in place, but cannot",
        "assigning a whole row ('m[i]') of 'm', a matrix 'swapRows' is given, is not supported",
        "rows change hands only in the method that creates the matrix", "swap them there (double[] t = a[i]; a[i] = a[j]; a[j] = t;)");
  }

  private record Pos(long line, long column) {}

  /** The position of {@code target} within the first {@code context}: members start on line 6. */
  private static Pos at(String members, String context, String target) {
    int index = members.indexOf(context) + context.indexOf(target);
    String before = members.substring(0, index);
    return new Pos(6 + before.chars().filter(ch -> ch == '\n').count(), index - before.lastIndexOf('\n'));
  }

  private static List<Diagnostic<? extends JavaFileObject>> errors(String members) {
    return Compiled.members(members).compilation().diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }

  private static void onlyError(String members, Pos pos, String... words) {
    List<Diagnostic<? extends JavaFileObject>> errors = errors(members);
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
