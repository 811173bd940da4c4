package io.github.backprop.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.TreePath;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A static field read through an instance, {@code this.SCALE} or {@code g.SCALE}, as Java allows
 * (with a lint warning): it is the class's field, read as {@code Gaps.SCALE} is. Only a receiver
 * that runs nothing (a name, {@code this}, a chain of names) is dropped so; Java would evaluate any
 * other and throw away its value.
 */
final class StaticThroughInstance {
  private StaticThroughInstance() {}

  /** {@code named} when the receiver names a class; else the class whose static field {@code t} reads, or null. */
  static TypeElement typeOr(TypeElement named, ReadSession session, MemberSelectTree t) {
    if (named != null) {
      return named;
    }
    TreePath path = session.trees.getPath(session.unit, t);
    if (path != null
        && session.trees.getElement(path) instanceof VariableElement f
        && f.getKind() == ElementKind.FIELD
        && f.getModifiers().contains(Modifier.STATIC)
        && f.getEnclosingElement() instanceof TypeElement owner) {
      if (!runsNothing(t.getExpression())) {
        throw session.reporter.abort(
            Tag.UNSUPPORTED,
            "'" + t + "' reads the static field '" + f.getSimpleName() + "' through '" + t.getExpression()
                + "', which Java runs and then ignores: read it as " + owner.getSimpleName() + "."
                + f.getSimpleName() + ", and call '" + t.getExpression() + "' on its own if it must run",
            t,
            session.unit);
      }
      return owner;
    }
    return null;
  }

  private static boolean runsNothing(ExpressionTree e) {
    return e instanceof IdentifierTree || e instanceof MemberSelectTree m && runsNothing(m.getExpression());
  }
}
