package io.github.backprop.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A record local that starts as {@code null}, {@code Point last = null;} meaning "none yet", as
 * {@link NullableBoxes} holds {@code Double best = null}: its components, zero, and a flag,
 * {@code double last_x = 0.0; double last_y = 0.0; boolean _lastNull = true;}. {@code last ==
 * null} reads the flag, {@code last = q} clears it, and a read of {@code last} first throws the
 * NullPointerException Java would. The flag is kept under the record's first scalar component.
 */
final class NullableRecords extends SessionPart {
  private NullableRecords(ReadSession session) {
    super(session);
  }

  static NullableRecords of(ReadSession session) {
    NullableRecords r = new NullableRecords(session);
    r.join();
    return r;
  }

  // Example: Point last = null;  →  double last_x = 0.0; double last_y = 0.0; boolean _lastNull = true;
  Stmt declare(VariableTree v, TypeElement type) {
    String name = v.getName().toString();
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    List<Records.Component> components = Records.isValueClass(type) ? Records.valueFields(type) : records.componentsOf(type, v);
    for (Records.Component c : components) {
      if (c.record() == null && c.type().isArray()) {
        throw reporter.abort(
            Tag.UNSUPPORTED,
            "a " + type.getSimpleName() + " variable can start as null ('none yet') when its components are"
                + " numbers, booleans, Strings, enums or such records, and component '" + c.name() + "' is an"
                + " array: give the variable its first value where it is declared",
            v.getInitializer(),
            unit);
      }
    }
    List<Stmt> declared = new ArrayList<>();
    RecordValue r = records.freshRecord(type, name, v, declared);
    if (r.scalars().isEmpty()) {
      throw reporter.abort(Tag.UNSUPPORTED, "a record variable cannot be null in a differentiable method: give it a value", v.getInitializer(), unit);
    }
    for (Stmt s : declared) {
      Var part = ((Stmt.Declare) s).var();
      session.prelude.add(new Stmt.Declare(part, MutableObjects.zero(part.type())));
    }
    Var flag = Var.temp("_" + name + "Null", Type.BOOLEAN);
    root.nullFlags.put(r.scalars().get(0), flag);
    scopes.peek().put(name, r);
    return new Stmt.Declare(flag, new Expr.Literal(true, Type.BOOLEAN));
  }

  /** The flag of record local {@code r} that may be null, or null. */
  static Var flag(ReadSession session, RecordValue r) {
    List<Var> scalars = r.scalars();
    return scalars.isEmpty() ? null : session.root.nullFlags.get(scalars.get(0));
  }

  /** {@code last = null} of a record that may be null: the flag set; null for any other assignment. */
  Stmt assignNull(RecordValue target, AssignmentTree a) {
    Var flag = flag(session, target);
    return flag != null && isNull(a.getExpression()) ? new Stmt.Assign(flag, null, new Expr.Literal(true, Type.BOOLEAN)) : null;
  }

  /** After {@code last = q}: the flag cleared, if {@code target} may be null. */
  static void assigned(ReadSession session, RecordValue target) {
    Var flag = flag(session, target);
    if (flag != null) {
      session.prelude.add(new Stmt.Assign(flag, null, new Expr.Literal(false, Type.BOOLEAN)));
    }
  }

  /** {@code r}, before which the NullPointerException Java would throw if it may be null. */
  static RecordValue read(ReadSession session, RecordValue r, String name, Tree at) {
    List<Var> scalars = r.scalars();
    if (!scalars.isEmpty() && session.root.nullFlags.containsKey(scalars.get(0)) && session.prelude != null) {
      NullableBoxes.read(session, scalars.get(0), at, name);
    }
    return r;
  }
}
