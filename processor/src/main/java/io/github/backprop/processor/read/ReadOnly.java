package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether a use of a static table only reads it, following it where the file's own code hands it
 * on: into a local ({@code final double[] row = TABLE[i]}) or the loop variable of a for-each,
 * whose uses are then judged the same way, and into a parameter of a method of the same file
 * ({@code evaluateRational(num, DENOM, z)}), whose uses in that method's body are. Anything else
 * that holds the array (a field, a call of another file's method, a return) might change it
 * later, so the copy is refused. Locals and parameters are matched by name in their method: a
 * second variable of the same name counts too, which can only refuse more.
 */
final class ReadOnly {
  private final Trees trees;
  private final Elements elements;
  private final CompilationUnitTree unit;
  private final String field;
  /** Parameters already being followed (method and index), so recursion ends. */
  private final Set<String> following = new HashSet<>();

  ReadOnly(Trees trees, Elements elements, CompilationUnitTree unit, String field) {
    this.trees = trees;
    this.elements = elements;
    this.unit = unit;
    this.field = field;
  }

  /** Why the use at {@code path}, an array of {@code dims} dimensions, could change it, or null. */
  FieldCopies.Refused judge(TreePath path, int dims) {
    // Climb the element accesses: TABLE[i][j] is two levels deep.
    TreePath p = path;
    int levels = 0;
    while (p.getParentPath() != null) {
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof ParenthesizedTree
          || (parent instanceof ArrayAccessTree a && a.getExpression() == p.getLeaf())) {
        levels += parent instanceof ArrayAccessTree ? 1 : 0;
        p = p.getParentPath();
      } else {
        break;
      }
    }
    Tree leaf = p.getLeaf();
    TreePath up = p.getParentPath();
    Tree parent = up == null ? null : up.getLeaf();
    boolean written =
        (parent instanceof AssignmentTree a && a.getVariable() == leaf)
            || (parent instanceof CompoundAssignmentTree c && c.getVariable() == leaf)
            || (parent instanceof UnaryTree u && FieldInitializer.unary(u.getKind()) == null);
    if (written) {
      return refused(leaf, " writes into '");
    }
    int left = dims - levels;
    if (left <= 0 || parent instanceof MemberSelectTree s && s.getIdentifier().contentEquals("length")) {
      return null;
    }
    if (left == 1 && parent instanceof MemberSelectTree s && s.getIdentifier().contentEquals("clone")
        && up.getParentPath().getLeaf() instanceof MethodInvocationTree) {
      return null; // a copy of a row of numbers; a table's clone would share its rows
    }
    if (parent instanceof EnhancedForLoopTree f && f.getExpression() == leaf) {
      // for (double[] row : TABLE): the rows go through the loop variable
      return left == 1 ? null : usesIn(up, f.getVariable().getName().toString(), left - 1, leaf);
    }
    if (parent instanceof VariableTree v && v.getInitializer() == leaf && up.getParentPath() != null
        && !(up.getParentPath().getLeaf() instanceof ClassTree)) {
      TreePath scope = scope(up);
      return scope == null ? refused(leaf, " passes on '") : usesIn(scope, v.getName().toString(), left, leaf);
    }
    if (parent instanceof MethodInvocationTree call && call.getArguments().contains(leaf)) {
      return argument(up, call, call.getArguments().indexOf(leaf), left, leaf);
    }
    return refused(leaf, " passes on '");
  }

  /** The array passed as argument {@code index} of a call: each method it may call must only read it. */
  private FieldCopies.Refused argument(TreePath at, MethodInvocationTree call, int index, int dims, Tree leaf) {
    List<ExecutableElement> callees = callees(at, call);
    if (callees.isEmpty()) {
      return refused(leaf, " passes on '");
    }
    for (ExecutableElement m : callees) {
      TreePath body = trees.getPath(m);
      if (m.isVarArgs() || body == null || body.getCompilationUnit() != unit
          || !(body.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
        return refused(leaf, " passes on '");
      }
      if (!following.add(m + "#" + index)) {
        continue; // a recursive call: its uses are being judged already
      }
      String param = tree.getParameters().get(index).getName().toString();
      FieldCopies.Refused why = usesIn(body, param, dims, leaf);
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  /**
   * The methods of this file a call may reach, by name and argument count, or an empty list where
   * it may reach another's: an unqualified call resolves in the innermost enclosing class that has
   * a method of that name, inherited ones included; {@code C.m(...)} in C's.
   */
  private List<ExecutableElement> callees(TreePath at, MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    String name;
    List<TypeElement> scopes = new ArrayList<>();
    if (select instanceof IdentifierTree id) {
      name = id.getName().toString();
      for (TreePath p = at; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof ClassTree && trees.getElement(p) instanceof TypeElement t) {
          scopes.add(t);
        }
      }
    } else if (select instanceof MemberSelectTree s && s.getExpression() instanceof IdentifierTree q) {
      name = s.getIdentifier().toString();
      TypeElement owner = new Resolver(elements, enclosingType(at), unit).type(q);
      if (owner == null || isVariable(at, q.getName().toString())) {
        return List.of();
      }
      scopes.add(owner);
    } else {
      return List.of();
    }
    for (TypeElement scope : scopes) {
      List<ExecutableElement> named = new ArrayList<>();
      for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(scope))) {
        if (m.getSimpleName().contentEquals(name)) {
          named.add(m);
        }
      }
      if (!named.isEmpty()) {
        named.removeIf(m -> !m.isVarArgs() && m.getParameters().size() != call.getArguments().size());
        return named;
      }
    }
    return List.of();
  }

  private TypeElement enclosingType(TreePath at) {
    for (TreePath p = at; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree && trees.getElement(p) instanceof TypeElement t) {
        return t;
      }
    }
    return null;
  }

  /** Whether {@code name} may be a variable where {@code at} is: then {@code name.m()} is a call on it. */
  private boolean isVariable(TreePath at, String name) {
    for (TreePath p = at; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree && trees.getElement(p) instanceof TypeElement t) {
        for (Element e : elements.getAllMembers(t)) {
          if (e.getKind().isField() && e.getSimpleName().contentEquals(name)) {
            return true;
          }
        }
      }
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof LambdaExpressionTree
          || p.getLeaf() instanceof BlockTree) {
        boolean[] declared = {false};
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitVariable(VariableTree v, Void x) {
            declared[0] |= v.getName().contentEquals(name);
            return super.visitVariable(v, x);
          }
        }.scan(p, null);
        if (declared[0]) {
          return true;
        }
      }
    }
    return false;
  }

  /** The method, lambda or initializer block a local declared at {@code decl} lives in. */
  private static TreePath scope(TreePath decl) {
    for (TreePath p = decl.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof LambdaExpressionTree) {
        return p;
      }
      if (p.getLeaf() instanceof BlockTree && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof ClassTree) {
        return p;
      }
    }
    return null;
  }

  /** Why a use of the variable {@code name} in {@code scope}, holding the array, could change it. */
  private FieldCopies.Refused usesIn(TreePath scope, String name, int dims, Tree handedOn) {
    FieldCopies.Refused[] found = {null};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree t, Void v) {
        if (found[0] == null && t.getName().contentEquals(name)) {
          found[0] = judge(getCurrentPath(), dims);
        }
        return null;
      }
    }.scan(scope, null);
    return found[0] == null ? null
        : new FieldCopies.Refused(
            "'" + handedOn + "' at " + line(handedOn) + " hands on '" + field + "', and "
                + found[0].getMessage());
  }

  private FieldCopies.Refused refused(Tree leaf, String how) {
    return new FieldCopies.Refused(
        "'" + leaf + "' at " + line(leaf) + how + field + "', and a copy would not see what changes"
            + " the original");
  }

  private String line(Tree t) {
    long pos = trees.getSourcePositions().getStartPosition(unit, t);
    return "line " + unit.getLineMap().getLineNumber(pos);
  }
}
