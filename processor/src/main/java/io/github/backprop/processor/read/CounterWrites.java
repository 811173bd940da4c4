package io.github.backprop.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.UnaryTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * {@code evaluations++;}, {@code converged = true;}: a statement that writes a static integer or
 * boolean field, as code that counts its calls or records a state does. Such a field carries no
 * derivative, so the generated code writes it as the method does, once per run of the code.
 */
final class CounterWrites {
  private CounterWrites() {}

  /** The write as a statement of generated code, or null where {@code e} writes no such field. */
  static Stmt of(AssignmentReader r, ExpressionTree e) {
    ExpressionTree variable;
    String op;
    ExpressionTree value = null;
    if (e instanceof AssignmentTree a) {
      variable = a.getVariable();
      op = " = ";
      value = a.getExpression();
    } else if (e instanceof CompoundAssignmentTree c) {
      variable = c.getVariable();
      op = " " + CompoundOps.of(c.getKind()).symbol() + "= ";
      value = c.getExpression();
    } else if (e instanceof UnaryTree u) {
      variable = u.getExpression();
      op = switch (e.getKind()) {
        case PREFIX_INCREMENT, POSTFIX_INCREMENT -> "++";
        default -> "--";
      };
    } else {
      return null;
    }
    VariableElement field = staticField(r, variable);
    if (field == null || field.getModifiers().contains(Modifier.FINAL) || !counts(field)) {
      return null;
    }
    if (field.getModifiers().contains(Modifier.PRIVATE)) {
      throw r.reporter.abort(
          Tag.FIELD,
          "writing the private field '" + field.getSimpleName() + "' is not supported: the generated"
              + " class beside this one cannot reach it; make it package-private, or keep the count"
              + " outside the method",
          variable,
          r.unit);
    }
    r.root.fieldWrites.write(field, variable, r.unit, r.reporter);
    List<Object> parts = new ArrayList<>();
    parts.add(Resolver.owner((TypeElement) field.getEnclosingElement()));
    parts.add("." + field.getSimpleName() + op);
    if (value != null) {
      parts.add(r.expressions.value(value));
    }
    return new Stmt.Invoke(new Expr.Foreign(parts, Type.VOID));
  }

  /** The static field {@code t} names, where no local or parameter hides it; null otherwise. */
  private static VariableElement staticField(AssignmentReader r, ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    VariableElement field = null;
    if (t instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (r.session.lookupAny(name) != null) {
        return null;
      }
      for (TypeElement scope : r.resolver.staticScopes(name)) {
        field = r.expressions.field(scope, name);
        if (field != null) {
          break;
        }
      }
    } else if (t instanceof MemberSelectTree ms) {
      TypeElement type = r.resolver.type(ms.getExpression());
      field = type == null ? null : r.expressions.field(type, ms.getIdentifier().toString());
    }
    return field != null && Resolver.isStatic(field) ? field : null;
  }

  /** An integer, char or boolean field: a count, an index, a flag. */
  private static boolean counts(VariableElement field) {
    return switch (field.asType().getKind()) {
      case INT, LONG, SHORT, BYTE, CHAR, BOOLEAN -> true;
      default -> false;
    };
  }
}
