package io.github.backprop.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A field read through an array element, {@code bodies[i].mass} of a record or {@code
 * all[i].mass} of an enum constant, as the record's or class's own code writes it: the element
 * read once, then its component (a record held as its components) or its field (an object of
 * data, which carries no derivative, as {@code p.mass} of a variable does).
 */
final class ElementFields extends SessionPart {
  private ElementFields(ReadSession session) {
    super(session);
  }

  static ElementFields of(ReadSession session) {
    ElementFields f = new ElementFields(session);
    f.join();
    return f;
  }

  /** Whether {@code t} reads a field through an array element, {@code q[i].name}. */
  static boolean throughElement(MemberSelectTree t) {
    return unwrapped(t.getExpression()) instanceof ArrayAccessTree;
  }

  private static ExpressionTree unwrapped(ExpressionTree q) {
    while (q instanceof ParenthesizedTree p) {
      q = p.getExpression();
    }
    return q;
  }

  /** {@code q[i].name}; null where the element holds no such field backprop can read. */
  Expr read(MemberSelectTree t) {
    ExpressionTree q = unwrapped(t.getExpression());
    String name = t.getIdentifier().toString();
    Expr element = calls.typed(expressions.value(q));
    RecordValue held = records.aggregateOf(element);
    if (held != null) {
      if (held.parts.containsKey(name) || Records.hasComponent(held.type, name)) {
        return records.component(held, name); // bodies[i].mass, as the record's own code may read it
      }
      String why = Records.hiddenField(held.type, name);
      if (why != null) {
        throw reporter.abort(Tag.FIELD, why, t, unit);
      }
      throw reporter.abortQuietly(); // javac: no such field
    }
    Type type = element.type();
    if (type == null || type.isArray() || type.ref() == null || (type.prim() != Type.Prim.ENUM && type.prim() != Type.Prim.OBJECT)) {
      return null;
    }
    TypeElement declared = session.elements.getTypeElement(type.ref().canonicalName());
    VariableElement field = declared == null ? null : Resolver.field(declared, name);
    if (field == null || Resolver.isStatic(field)) {
      return null;
    }
    Type read = Resolver.typeOf(field.asType());
    if (read == null || read.isArray() || !read.isNumeric() && read != Type.BOOLEAN) {
      return null;
    }
    // A record of data is read through its accessor, as its field is private; an enum's or
    // class's field where the generated class can see it.
    String access = Records.isRecord(declared) ? "." + name + "()"
        : Resolver.visibleFrom(field, Resolver.packageOf(owner)) ? "." + name : null;
    return access == null ? null : new Expr.Foreign(List.of(element, access), read);
  }
}
