package io.github.backprop.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Scans the whole file for the field's name (conservatively: a local of the same name counts
 * too). A copy is exact only if nothing changes the original after initialisation: a {@code
 * static {}} block that uses it may, and so may code that writes an array's elements or passes
 * the array (or a row) on where {@link ReadOnly} cannot follow it. Reads in {@code
 * @Differentiable} methods are backprop's own to check.
 */
final class FieldUses {
  private final Trees trees;
  private final Elements elements;
  private final VariableElement field;
  private final CompilationUnitTree unit;
  private final String name;
  private final int dims;

  FieldUses(Trees trees, Elements elements, VariableElement field, CompilationUnitTree unit) {
    this.trees = trees;
    this.elements = elements;
    this.field = field;
    this.unit = unit;
    this.name = field.getSimpleName().toString();
    int d = 0;
    for (TypeMirror t = field.asType(); t instanceof ArrayType a; t = a.getComponentType()) {
      d++;
    }
    this.dims = d;
  }

  void check() throws FieldCopies.Refused {
    Tree top = trees.getTree(FieldCopies.outermost(field));
    TreePath topPath = trees.getPath(FieldCopies.outermost(field));
    if (top == null || topPath == null) {
      return;
    }
    FieldCopies.Refused[] found = {null};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree t, Void v) {
        if (found[0] == null && t.getName().contentEquals(name)) {
          found[0] = judge(getCurrentPath());
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree t, Void v) {
        if (found[0] == null && t.getIdentifier().contentEquals(name)) {
          found[0] = judge(getCurrentPath());
        }
        return super.visitMemberSelect(t, v);
      }
    }.scan(topPath, null);
    if (found[0] != null) {
      throw found[0];
    }
  }

  /** Why the use at {@code path} could change the original, or null. */
  private FieldCopies.Refused judge(TreePath path) {
    boolean differentiable = false;
    boolean inMethod = false;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof BlockTree b && b.isStatic()
          && p.getParentPath().getLeaf() instanceof ClassTree) {
        if (initialises(path) || (trees.getElement(p.getParentPath()) instanceof TypeElement owner
            && StaticBlocks.dead(path, new Resolver(elements, owner, unit)))) {
          return null; // the copy's own value, or a branch Java never runs
        }
        return new FieldCopies.Refused(
            "the static {} block at " + line(b) + " uses '" + name + "', and a copy"
                + " would not see what it does");
      }
      if (p.getLeaf() instanceof MethodTree m && !inMethod) {
        inMethod = true;
        differentiable =
            m.getModifiers().getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().endsWith("Differentiable"));
      }
    }
    if (dims == 0 || differentiable) {
      return null; // an object's methods are backprop's to call; a table's reads its own
    }
    return new ReadOnly(trees, elements, unit, name).judge(path, dims);
  }

  /** Whether the use at {@code path} is the target of the statement that gives the field its value. */
  private boolean initialises(TreePath path) {
    TreePath up = path.getParentPath();
    return up.getLeaf() instanceof AssignmentTree a && a.getVariable() == path.getLeaf()
        && up.getParentPath().getLeaf() == StaticBlocks.initialisedAt(trees, elements, field);
  }

  private String line(Tree t) {
    long pos = trees.getSourcePositions().getStartPosition(unit, t);
    return "line " + unit.getLineMap().getLineNumber(pos);
  }
}
