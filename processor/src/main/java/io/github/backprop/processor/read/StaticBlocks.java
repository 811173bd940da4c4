package io.github.backprop.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The value a {@code static {}} block gives a blank final field, as one expression: where the
 * block assigns it once, at its top level, from locals that are each set once where declared,
 * {@code A = 3 * k2 * k2 / k1} is {@code A}'s initializer with the locals' own initializers in
 * their place. The block runs straight through to that statement, so the expression computes the
 * same value, operation for operation.
 */
final class StaticBlocks {
  private StaticBlocks() {}

  /** The expression assigned, and the block's locals it may read by name. */
  record Assigned(ExpressionTree value, Map<String, VariableTree> locals) {}

  static Assigned find(Trees trees, VariableElement field) throws FieldCopies.Refused {
    String name = field.getSimpleName().toString();
    ClassTree type = trees.getTree((TypeElement) field.getEnclosingElement());
    if (type == null) {
      throw refused(name, "its class is not in this compilation");
    }
    Assigned found = null;
    int assignments = 0;
    for (Tree member : type.getMembers()) {
      if (!(member instanceof BlockTree block) || !block.isStatic()) {
        continue;
      }
      assignments += count(block, name);
      Map<String, VariableTree> locals = new HashMap<>();
      for (StatementTree s : block.getStatements()) {
        if (s instanceof VariableTree v) {
          locals.put(v.getName().toString(), v);
        } else if (s instanceof ExpressionStatementTree e
            && e.getExpression() instanceof AssignmentTree a
            && names(a.getVariable(), name)) {
          found = new Assigned(a.getExpression(), Map.copyOf(locals));
        }
      }
      if (found != null) {
        for (VariableTree local : found.locals().values()) {
          if (!(local.getType() instanceof PrimitiveTypeTree) && local.getType() != null) {
            throw refused(name, "the local '" + local.getName() + "' of that block is not of a primitive type");
          }
          if (local.getInitializer() == null || count(block, local.getName().toString()) > 0) {
            throw refused(name, "the local '" + local.getName() + "' of that block is not set once where it is declared");
          }
        }
      }
    }
    if (found == null || assignments != 1) {
      throw refused(name, assignments > 1 ? "it is assigned more than once" : "it is assigned inside an if, a loop or a try");
    }
    return found;
  }

  /**
   * Where a static field gets its value, in the order the class initialises: its declaration, or
   * for a blank final the statement of a {@code static {}} block that assigns it.
   */
  static Tree initialisedAt(Trees trees, VariableElement field) {
    Tree declared = trees.getTree(field);
    ClassTree type = trees.getTree((TypeElement) field.getEnclosingElement());
    if (!(declared instanceof VariableTree v) || v.getInitializer() != null || type == null) {
      return declared;
    }
    String name = field.getSimpleName().toString();
    for (Tree member : type.getMembers()) {
      if (member instanceof BlockTree block && block.isStatic()) {
        for (StatementTree s : block.getStatements()) {
          if (s instanceof ExpressionStatementTree e && e.getExpression() instanceof AssignmentTree a && names(a.getVariable(), name)) {
            return s;
          }
        }
      }
    }
    return declared;
  }

  private static FieldCopies.Refused refused(String name, String why) {
    return new FieldCopies.Refused(
        "'" + name + "' gets its value in a static {} block, which the generated class can copy only"
            + " where it assigns the field once, outside any if, loop or try, from locals set once;"
            + " here " + why);
  }

  /** Whether {@code target} is the field {@code name}, plain or qualified. */
  private static boolean names(ExpressionTree target, String name) {
    return target instanceof IdentifierTree id && id.getName().contentEquals(name)
        || target instanceof MemberSelectTree s && s.getIdentifier().contentEquals(name);
  }

  /** How many times the block assigns or increments a variable called {@code name}. */
  private static int count(BlockTree block, String name) {
    int[] n = {0};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree a, Void v) {
        n[0] += names(a.getVariable(), name) ? 1 : 0;
        return super.visitAssignment(a, v);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree a, Void v) {
        n[0] += names(a.getVariable(), name) ? 1 : 0;
        return super.visitCompoundAssignment(a, v);
      }

      @Override
      public Void visitUnary(UnaryTree u, Void v) {
        n[0] += FieldInitializer.unary(u.getKind()) == null && names(u.getExpression(), name) ? 1 : 0;
        return super.visitUnary(u, v);
      }
    }.scan(block, null);
    return n[0];
  }
}
