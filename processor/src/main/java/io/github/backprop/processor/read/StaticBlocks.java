package io.github.backprop.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The value a {@code static {}} block gives a blank final field, as one expression: where the
 * block assigns it once, at its top level, from locals that are each set once where declared,
 * {@code A = 3 * k2 * k2 / k1} is {@code A}'s initializer with the locals' own initializers in
 * their place. The block runs straight through to that statement, so the expression computes the
 * same value, operation for operation. An {@code if} on a constant counts as the branch it runs.
 */
final class StaticBlocks {
  private StaticBlocks() {}

  /** The expression assigned, and the block's locals it may read by name. */
  record Assigned(ExpressionTree value, Map<String, VariableTree> locals) {}

  static Assigned find(Trees trees, Elements elements, VariableElement field) throws FieldCopies.Refused {
    String name = field.getSimpleName().toString();
    ClassTree type = trees.getTree((TypeElement) field.getEnclosingElement());
    if (type == null) {
      throw refused(name, "its class is not in this compilation");
    }
    Resolver resolver = resolver(trees, elements, field);
    Assigned found = null;
    int assignments = 0;
    for (Tree member : type.getMembers()) {
      if (!(member instanceof BlockTree block) || !block.isStatic()) {
        continue;
      }
      List<StatementTree> live = live(block.getStatements(), resolver);
      for (StatementTree s : live) {
        assignments += count(s, name);
      }
      Map<String, VariableTree> locals = new HashMap<>();
      for (StatementTree s : live) {
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
  static Tree initialisedAt(Trees trees, Elements elements, VariableElement field) {
    Tree declared = trees.getTree(field);
    ClassTree type = trees.getTree((TypeElement) field.getEnclosingElement());
    if (!(declared instanceof VariableTree v) || v.getInitializer() != null || type == null) {
      return declared;
    }
    String name = field.getSimpleName().toString();
    Resolver resolver = resolver(trees, elements, field);
    for (Tree member : type.getMembers()) {
      if (member instanceof BlockTree block && block.isStatic()) {
        for (StatementTree s : live(block.getStatements(), resolver)) {
          if (s instanceof ExpressionStatementTree e && e.getExpression() instanceof AssignmentTree a && names(a.getVariable(), name)) {
            return s;
          }
        }
      }
    }
    return declared;
  }

  private static Resolver resolver(Trees trees, Elements elements, VariableElement field) {
    return new Resolver(elements, (TypeElement) field.getEnclosingElement(), trees.getPath(field).getCompilationUnit());
  }

  /**
   * The statements that run, in order: an {@code if} whose condition is a constant variable, such
   * as {@code if (RECOMPUTE_TABLES_AT_RUNTIME)} with {@code private static final boolean
   * RECOMPUTE_TABLES_AT_RUNTIME = false}, stands for the branch Java runs, written out in its
   * place. The condition's value is fixed by the language when the class is compiled, as javac
   * drops the other branch, so reading it here cannot differ from the JVM.
   */
  static List<StatementTree> live(List<? extends StatementTree> statements, Resolver resolver) {
    List<StatementTree> out = new ArrayList<>();
    for (StatementTree s : statements) {
      Boolean taken = s instanceof IfTree i ? constant(i.getCondition(), resolver) : null;
      if (taken == null) {
        out.add(s);
        continue;
      }
      IfTree i = (IfTree) s;
      StatementTree branch = taken ? i.getThenStatement() : i.getElseStatement();
      if (branch instanceof BlockTree b) {
        out.addAll(live(b.getStatements(), resolver));
      } else if (branch != null) {
        out.addAll(live(List.of(branch), resolver));
      }
    }
    return out;
  }

  /** Whether {@code t} is the branch of a constant {@code if} that never runs. */
  static boolean dead(TreePath t, Resolver resolver) {
    for (TreePath p = t; p.getParentPath() != null; p = p.getParentPath()) {
      if (p.getParentPath().getLeaf() instanceof IfTree i && p.getLeaf() != i.getCondition()) {
        Boolean taken = constant(i.getCondition(), resolver);
        if (taken != null && p.getLeaf() == (taken ? i.getElseStatement() : i.getThenStatement())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The value of a condition that is a boolean literal or constant variable, negated or not; else null. */
  private static Boolean constant(ExpressionTree c, Resolver resolver) {
    if (c instanceof ParenthesizedTree p) {
      return constant(p.getExpression(), resolver);
    }
    if (c instanceof UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      Boolean inner = constant(u.getExpression(), resolver);
      return inner == null ? null : !inner;
    }
    if (c instanceof LiteralTree l && l.getValue() instanceof Boolean b) {
      return b;
    }
    VariableElement f = null;
    if (c instanceof IdentifierTree id) {
      for (TypeElement scope : resolver.staticScopes(id.getName().toString())) {
        f = Resolver.field(scope, id.getName().toString());
        if (f != null) {
          break;
        }
      }
    } else if (c instanceof MemberSelectTree s) {
      TypeElement owner = resolver.type(s.getExpression());
      f = owner == null ? null : Resolver.field(owner, s.getIdentifier().toString());
    }
    return f != null && f.getConstantValue() instanceof Boolean b ? b : null;
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

  /** How many times the statement assigns or increments a variable called {@code name}. */
  private static int count(Tree block, String name) {
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
