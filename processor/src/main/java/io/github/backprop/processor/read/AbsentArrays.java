package io.github.backprop.processor.read;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

/**
 * An array parameter of a helper read in place whose caller passes {@code null}, as FastMath's
 * {@code log(x, null)} says "no high-precision parts wanted": {@code p == null} and {@code p !=
 * null} read as the constants they are, and {@code if (p != null) ...} as its live branch alone.
 * Any other use of {@code p} is an error that says so.
 */
final class AbsentArrays {
  private AbsentArrays() {}

  /** What a scope holds for such a parameter. */
  record Absent(String name) {}

  // Example: log(x, null) reads `if (hiPrec != null) { hiPrec[0] = a; }` as nothing at all
  /** The value of {@code t} if it is a test of an absent array against null, else null. */
  static Boolean known(ReadSession session, ExpressionTree t) {
    String name = tested(t);
    if (name == null || !(session.lookupAny(name) instanceof Absent)) {
      return null;
    }
    return strip(t).getKind() == Tree.Kind.EQUAL_TO;
  }

  /**
   * A use of {@code name} in {@code body} other than a test against null or a statement that
   * only such a test guards, or null when there is none.
   */
  static Tree otherUse(Tree body, String name) {
    Tree[] found = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBinary(BinaryTree node, Void p) {
        return name.equals(tested(node)) ? null : super.visitBinary(node, p);
      }

      @Override
      public Void visitIf(IfTree node, Void p) {
        if (!name.equals(tested(node.getCondition()))) {
          return super.visitIf(node, p);
        }
        boolean nullThen = strip(node.getCondition()).getKind() == Tree.Kind.EQUAL_TO;
        return scan(nullThen ? node.getThenStatement() : node.getElseStatement(), p);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        if (found[0] == null && node.getName().contentEquals(name)) {
          found[0] = node;
        }
        return null;
      }
    }.scan(body, null);
    return found[0];
  }

  /** The name {@code t} compares with null ({@code p == null}, {@code null != p}), or null. */
  private static String tested(ExpressionTree t) {
    ExpressionTree e = strip(t);
    if (!(e instanceof BinaryTree b) || e.getKind() != Tree.Kind.EQUAL_TO && e.getKind() != Tree.Kind.NOT_EQUAL_TO) {
      return null;
    }
    ExpressionTree other = SessionPart.isNull(b.getRightOperand()) ? b.getLeftOperand()
        : SessionPart.isNull(b.getLeftOperand()) ? b.getRightOperand() : null;
    return strip(other) instanceof IdentifierTree id ? id.getName().toString() : null;
  }

  private static ExpressionTree strip(ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t;
  }
}
