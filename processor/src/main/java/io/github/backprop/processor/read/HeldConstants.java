package io.github.backprop.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A constant object of a value class returned by a helper, as Commons Numbers' {@code
 * Policy.getDefault()} returns {@code private static final Policy DEFAULT = new Policy(0x1.0p-53,
 * 1000000)}: backprop holds a value object as its components, and those are the arguments of the
 * field's initializer. Only literal arguments are taken, so that making the object again where it
 * is returned computes exactly the values the class computed once, and the field must be read in
 * the file that declares it, private or not: the initializer is read there.
 */
final class HeldConstants {
  private HeldConstants() {}

  /**
   * The {@code new T(...)} a static final field named by {@code value} was initialised with, or
   * null where {@code value} names no such field or the arguments are not all literals.
   *
   * @param local whether a name is a local or parameter of the method, hiding any field
   */
  static NewClassTree initializer(
      ExpressionTree value, Resolver resolver, Trees trees, CompilationUnitTree unit,
      java.util.function.Predicate<String> local) {
    VariableElement field = null;
    if (value instanceof IdentifierTree id && !local.test(id.getName().toString())) {
      for (TypeElement scope : resolver.staticScopes(id.getName().toString())) {
        field = field != null ? field : Resolver.field(scope, id.getName().toString());
      }
    } else if (value instanceof MemberSelectTree s && resolver.type(s.getExpression()) != null) {
      field = Resolver.field(resolver.type(s.getExpression()), s.getIdentifier().toString());
    }
    if (field == null || !Resolver.isStatic(field) || !field.getModifiers().contains(Modifier.FINAL)) {
      return null;
    }
    TreePath path = trees.getPath(field);
    if (path == null || path.getCompilationUnit() != unit
        || !(path.getLeaf() instanceof VariableTree v) || !(v.getInitializer() instanceof NewClassTree n)
        || n.getClassBody() != null || n.getEnclosingExpression() != null) {
      return null;
    }
    for (ExpressionTree a : n.getArguments()) {
      if (!literal(a)) {
        return null;
      }
    }
    return n;
  }

  private static boolean literal(Tree t) {
    if (t instanceof ParenthesizedTree p) {
      return literal(p.getExpression());
    }
    if (t instanceof UnaryTree u && (u.getKind() == Tree.Kind.UNARY_MINUS || u.getKind() == Tree.Kind.UNARY_PLUS)) {
      return literal(u.getExpression());
    }
    return t instanceof LiteralTree;
  }
}
