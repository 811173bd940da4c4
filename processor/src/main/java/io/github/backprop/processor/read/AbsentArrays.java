package io.github.backprop.processor.read;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * An array parameter of a helper read in place whose caller passes {@code null}, as FastMath's
 * {@code log(x, null)} says "no high-precision parts wanted": {@code p == null} and {@code p !=
 * null} read as the constants they are, and {@code if (p != null) ...} as its live branch alone;
 * so is a call of a static helper of the class that tests its array first, as Commons Numbers'
 * {@code nonZeroLength(sign)} is {@code array != null && array.length != 0}. Any other use of
 * {@code p} is an error that says so.
 */
final class AbsentArrays {
  private AbsentArrays() {}

  /** What a scope holds for such a parameter. */
  record Absent(String name) {}

  // Example: log(x, null) reads `if (hiPrec != null) { hiPrec[0] = a; }` as nothing at all
  /** The value of {@code t} if it is a test of an absent array against null, else null. */
  static Boolean known(ReadSession session, ExpressionTree t) {
    String name = tested(t);
    if (name != null) {
      return session.lookupAny(name) instanceof Absent ? strip(t).getKind() == Tree.Kind.EQUAL_TO : null;
    }
    ExpressionTree e = strip(t);
    if (e instanceof UnaryTree not && e.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      Boolean inner = known(session, not.getExpression());
      return inner == null ? null : !inner;
    }
    if (e instanceof MethodInvocationTree call) {
      for (ExpressionTree a : call.getArguments()) {
        if (strip(a) instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof Absent) {
          return throughHelper(call, id.getName().toString(), session.owner, session.trees);
        }
      }
    }
    return null;
  }

  // Example: nonZeroLength(sign) with `return array != null && array.length != 0;` is false
  /**
   * The value of {@code call}, a call of a static method of {@code owner} whose body is one
   * return that tests the parameter given {@code name} against null first ({@code p != null &&
   * ...}, {@code p == null || ...}, or the test alone), with that array null; else null.
   */
  static Boolean throughHelper(MethodInvocationTree call, String name, TypeElement owner, Trees trees) {
    if (owner == null || !(strip(call.getMethodSelect()) instanceof IdentifierTree callee)) {
      return null;
    }
    int at = -1;
    for (int i = 0; i < call.getArguments().size(); i++) {
      if (strip(call.getArguments().get(i)) instanceof IdentifierTree id && id.getName().contentEquals(name)) {
        at = i;
      }
    }
    ExecutableElement helper = null;
    for (ExecutableElement m : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(callee.getName()) && m.getParameters().size() == call.getArguments().size()) {
        if (helper != null) {
          return null; // overloaded: not this simple test
        }
        helper = m;
      }
    }
    MethodTree tree = helper == null || !helper.getModifiers().contains(Modifier.STATIC) ? null : trees.getTree(helper);
    if (at < 0 || tree == null || tree.getBody() == null || tree.getBody().getStatements().size() != 1
        || !(tree.getBody().getStatements().get(0) instanceof ReturnTree r) || r.getExpression() == null) {
      return null;
    }
    String param = tree.getParameters().get(at).getName().toString();
    ExpressionTree body = strip(r.getExpression());
    ExpressionTree first = body instanceof BinaryTree b
        && (body.getKind() == Tree.Kind.CONDITIONAL_AND || body.getKind() == Tree.Kind.CONDITIONAL_OR)
        ? b.getLeftOperand() : body;
    if (!param.equals(tested(first))) {
      return null;
    }
    boolean isNull = strip(first).getKind() == Tree.Kind.EQUAL_TO;
    if (first == body) {
      return isNull;
    }
    if (body.getKind() == Tree.Kind.CONDITIONAL_AND && !isNull) {
      return false; // p != null && ...
    }
    return body.getKind() == Tree.Kind.CONDITIONAL_OR && isNull ? Boolean.TRUE : null; // p == null || ...
  }

  /**
   * A use of {@code name} in {@code body} other than a test against null or a statement that
   * only such a test guards, or null when there is none.
   */
  static Tree otherUse(Tree body, String name, TypeElement owner, Trees trees) {
    Tree[] found = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBinary(BinaryTree node, Void p) {
        return name.equals(tested(node)) ? null : super.visitBinary(node, p);
      }

      @Override
      public Void visitIf(IfTree node, Void p) {
        Boolean known = name.equals(tested(node.getCondition()))
            ? (Boolean) (strip(node.getCondition()).getKind() == Tree.Kind.EQUAL_TO)
            : helperTest(node.getCondition());
        if (known == null) {
          return super.visitIf(node, p);
        }
        return scan(known ? node.getThenStatement() : node.getElseStatement(), p);
      }

      private Boolean helperTest(ExpressionTree condition) {
        ExpressionTree e = strip(condition);
        boolean negated = e instanceof UnaryTree u && e.getKind() == Tree.Kind.LOGICAL_COMPLEMENT;
        if (negated) {
          e = strip(((UnaryTree) e).getExpression());
        }
        Boolean value = e instanceof MethodInvocationTree call ? throughHelper(call, name, owner, trees) : null;
        return value == null ? null : value != negated;
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
