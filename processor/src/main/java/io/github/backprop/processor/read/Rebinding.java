package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Var;
import java.util.HashSet;
import java.util.Set;

/**
 * Array variables a method gives a whole new array ({@code x = f(x)}, {@code cur = next}): read
 * as variables of their own, never as a second name for another array, since what a name refers
 * to then changes as the method runs. Found on the file's trees before any body is read, by name:
 * a declaration {@code double[] tmp = cur;} must know whether {@code cur} is assigned later.
 */
final class Rebinding {
  private Rebinding() {}

  /** The names of array variables that some method of {@code unit} assigns as a whole. */
  static Set<String> names(CompilationUnitTree unit) {
    return assignedIn(unit, v -> v.getType() instanceof ArrayTypeTree, target -> target instanceof IdentifierTree id ? id : null);
  }

  /**
   * The names of matrices ({@code double[][] m}) whose rows some method of {@code unit} gives an
   * array: {@code m[0] = m[1]}, {@code m[1] = swap}, {@code m[i] = new double[k]}. A local given one of
   * their rows ({@code double[] swap = m[0]}) is then a variable of its own, not a second name
   * for {@code m[0]}, since what {@code m[0]} refers to changes as the method runs.
   */
  static Set<String> rowNames(CompilationUnitTree unit) {
    // A new array too: a name of the old row keeps it.
    return assignedIn(
        unit,
        v -> isMatrixType(v.getType()) || v.getInitializer() instanceof NewArrayTree n && isRowType(n.getType()),
        target -> target instanceof ArrayAccessTree row && row.getExpression() instanceof IdentifierTree id ? id : null);
  }

  /** {@code double[][]}, {@code int[][]}: a matrix of a primitive type, as written. */
  static boolean isMatrixType(Tree t) {
    return t instanceof ArrayTypeTree a && isRowType(a.getType());
  }

  /** {@code double[]}: a row of a primitive type, as written (in {@code new double[][] {...}}, the element type). */
  static boolean isRowType(Tree t) {
    return t instanceof ArrayTypeTree a && a.getType() instanceof PrimitiveTypeTree;
  }

  /**
   * The names, per method of {@code unit}, of variables declared as {@code declared} accepts that
   * an assignment's target (unparenthesised) names, as {@code named} finds the name in it.
   */
  private static Set<String> assignedIn(
      CompilationUnitTree unit,
      java.util.function.Predicate<VariableTree> declared,
      java.util.function.Function<Tree, IdentifierTree> named) {
    Set<String> out = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree m, Void unused) {
        Set<String> variables = new HashSet<>();
        Set<String> assigned = new HashSet<>();
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitVariable(VariableTree v, Void u) {
            if (declared.test(v)) {
              variables.add(v.getName().toString());
            }
            return super.visitVariable(v, u);
          }

          @Override
          public Void visitAssignment(AssignmentTree a, Void u) {
            Tree target = a.getVariable();
            while (target instanceof ParenthesizedTree p) {
              target = p.getExpression();
            }
            IdentifierTree id = named.apply(target);
            if (id != null) {
              assigned.add(id.getName().toString());
            }
            return super.visitAssignment(a, u);
          }
        }.scan(m, null);
        assigned.retainAll(variables);
        out.addAll(assigned);
        return null; // local classes' methods are scanned with their own declarations
      }
    }.scan(unit, null);
    return out;
  }

  /**
   * Whether {@code e} may be given to a row of a matrix, or to an array variable, where rows are
   * given other arrays: a row of {@code matrix} ({@code m[j]}), an array variable, or a choice of
   * them.
   */
  static boolean isRowValue(Expr e, Var matrix) {
    if (e instanceof Expr.Index i) {
      return i.array() instanceof Expr.Ref r && r.var() == matrix;
    }
    if (e instanceof Expr.Ref r) {
      return r.var().type().isArray();
    }
    return e instanceof Expr.Conditional c && isRowValue(c.whenTrue(), matrix) && isRowValue(c.whenFalse(), matrix);
  }

  /** Whether {@code e} is a choice ({@code c ? a : b}) one of whose arrays is created with values. */
  static boolean choosesNewElements(Expr e) {
    if (e instanceof Expr.Conditional c) {
      return isNewWithElements(c.whenTrue()) || isNewWithElements(c.whenFalse())
          || choosesNewElements(c.whenTrue()) || choosesNewElements(c.whenFalse());
    }
    return false;
  }

  private static boolean isNewWithElements(Expr e) {
    return e instanceof Expr.NewArray n && !n.elements().isEmpty();
  }

  /**
   * Whether {@code e} may be given to an array variable that is assigned again: another array
   * variable, a new array, or a choice of them ({@code c ? a : b}).
   */
  static boolean isArrayValue(Expr e) {
    if (e instanceof Expr.Ref r) {
      return r.var().type().isArray();
    }
    if (e instanceof Expr.NewArray) {
      return true;
    }
    return e instanceof Expr.Conditional c && isArrayValue(c.whenTrue()) && isArrayValue(c.whenFalse());
  }
}
