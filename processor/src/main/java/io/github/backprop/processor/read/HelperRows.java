package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ParenthesizedTree;
import javax.lang.model.element.ExecutableElement;

/**
 * A helper read in place that gives a row of a matrix it is given another array ({@code
 * swapRows(m, i, j)}): rows change hands only in the method that creates the matrix, where
 * backprop sees every name of each row, so the error says to swap them there.
 */
final class HelperRows {
  private HelperRows() {}

  /** The error for {@code t}, a whole row written in {@code helper}, where the matrix is a parameter; else null. */
  static String swapped(ExecutableElement helper, ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    if (!(t instanceof ArrayAccessTree row && row.getExpression() instanceof IdentifierTree id)
        || helper.getParameters().stream().noneMatch(p -> p.getSimpleName().contentEquals(id.getName()))) {
      return null;
    }
    String m = id.getName().toString();
    return "assigning a whole row ('" + t + "') of '" + m + "', a matrix '" + helper.getSimpleName() + "' is given,"
        + " is not supported: backprop lets rows change hands only in the method that creates the matrix;"
        + " swap them there (double[] t = a[i]; a[i] = a[j]; a[j] = t;), or exchange their elements one by one in '"
        + helper.getSimpleName() + "'";
  }
}
