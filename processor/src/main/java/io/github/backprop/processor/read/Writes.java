package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What a method body writes, read from its tree: whether a callee may write into an array it is
 * passed (so that a call kept as written cannot change values backprop follows), and whether a
 * body assigns one of its parameters (so that a helper's parameter can be read as its argument).
 */
final class Writes {
  private Writes() {}

  /** Library methods known to only read the arrays they are given. */
  private static final Map<String, Set<String>> READ_ONLY =
      Map.of(
          "java.util.Arrays",
          Set.of(
              "toString", "deepToString", "equals", "deepEquals", "hashCode", "deepHashCode",
              "binarySearch", "mismatch", "compare", "copyOf", "copyOfRange", "stream"),
          "java.util.Objects", Set.of("requireNonNull", "isNull", "nonNull", "toString", "hash", "equals", "hashCode"),
          // the interpolators' check of their abscissae (lengths, order), through MathArrays' checks
          "org.hipparchus.analysis.polynomials.PolynomialFunctionLagrangeForm", Set.of("verifyInterpolationArray"),
          "org.apache.commons.math3.analysis.polynomials.PolynomialFunctionLagrangeForm", Set.of("verifyInterpolationArray"));

  /** Owners whose {@code check*} and {@code is*} methods validate their arguments and only read them. */
  private static final Set<String> CHECKERS =
      Set.of(
          "org.hipparchus.util.MathArrays",
          "org.hipparchus.util.MathUtils",
          "org.apache.commons.math3.util.MathArrays",
          "org.apache.commons.math3.util.MathUtils",
          "org.apache.commons.math4.legacy.core.MathArrays");

  /**
   * Whether {@code m} may write into the array passed as its parameter {@code i}: unless the
   * parameter is not an array, the method is known to only read, or its body (in this
   * compilation) visibly only reads the parameter.
   */
  static boolean mayWrite(Trees trees, ExecutableElement m, int i) {
    List<? extends VariableElement> ps = m.getParameters();
    int k = Math.min(i, ps.size() - 1);
    TypeMirror p = ps.get(k).asType();
    if (m.isVarArgs() && k == ps.size() - 1 && p instanceof ArrayType a) {
      p = a.getComponentType().getKind() == TypeKind.ARRAY ? p : a.getComponentType();
    }
    if (p.getKind() != TypeKind.ARRAY) {
      return false; // an Object or a T: it cannot write into a double[] without a cast
    }
    String owner = ((TypeElement) m.getEnclosingElement()).getQualifiedName().toString();
    String name = m.getSimpleName().toString();
    if (READ_ONLY.getOrDefault(owner, Set.of()).contains(name)
        || (CHECKERS.contains(owner) && (name.startsWith("check") || name.startsWith("is")))) {
      return false;
    }
    MethodTree tree = trees.getTree(m);
    if (tree == null || tree.getBody() == null) {
      return true;
    }
    String param = ps.get(k).getSimpleName().toString();
    boolean[] writes = {false};
    eachWrite(tree.getBody(), target -> writes[0] |= rootedAt(target, param));
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree a, Void v) {
        writes[0] |= named(a.getExpression(), param); // a second name for it
        return super.visitAssignment(a, v);
      }

      @Override
      public Void visitVariable(VariableTree d, Void v) {
        writes[0] |= named(d.getInitializer(), param);
        return super.visitVariable(d, v);
      }

      @Override
      public Void visitReturn(ReturnTree r, Void v) {
        writes[0] |= named(r.getExpression(), param);
        return super.visitReturn(r, v);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree c, Void v) {
        c.getArguments().forEach(a -> writes[0] |= named(a, param)); // passed on: unknown
        return super.visitMethodInvocation(c, v);
      }

      @Override
      public Void visitNewClass(NewClassTree c, Void v) {
        c.getArguments().forEach(a -> writes[0] |= named(a, param));
        return super.visitNewClass(c, v);
      }
    }.scan(tree.getBody(), null);
    return writes[0];
  }

  /** Whether {@code body} assigns the variable {@code name} itself ({@code name = ...}, {@code name++}). */
  static boolean assigns(Tree body, String name) {
    boolean[] found = {false};
    eachWrite(body, target -> found[0] |= named(target, name));
    return found[0];
  }

  /** Calls {@code target} with what each assignment, compound assignment and increment in {@code body} writes. */
  private static void eachWrite(Tree body, java.util.function.Consumer<ExpressionTree> target) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree a, Void v) {
        target.accept(a.getVariable());
        return super.visitAssignment(a, v);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree a, Void v) {
        target.accept(a.getVariable());
        return super.visitCompoundAssignment(a, v);
      }

      @Override
      public Void visitUnary(UnaryTree u, Void v) {
        switch (u.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> target.accept(u.getExpression());
          default -> { }
        }
        return super.visitUnary(u, v);
      }
    }.scan(body, null);
  }

  /** Whether {@code t} is an element of the array {@code name}, e.g. {@code a[i]} or {@code a[i][j]}. */
  private static boolean rootedAt(ExpressionTree t, String name) {
    boolean element = false;
    while (t instanceof ArrayAccessTree || t instanceof ParenthesizedTree) {
      element |= t instanceof ArrayAccessTree;
      t = t instanceof ArrayAccessTree a ? a.getExpression() : ((ParenthesizedTree) t).getExpression();
    }
    return element && named(t, name);
  }

  private static boolean named(ExpressionTree t, String name) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t instanceof IdentifierTree id && id.getName().contentEquals(name);
  }
}
