package io.github.backprop.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * {@code p.equals(q)}, {@code p.hashCode()} and {@code p.toString()} of a record the reader holds
 * as its components. They carry no derivative; the generated code makes the record again from
 * its components, {@code new Point(p_x, p_y).equals(new Point(q_x, q_y))}, so that the record's
 * own methods (Java's, or the user's) answer exactly as in the source. Only where making it
 * again gives the same record: a constructor that changes a component ({@code x = Math.abs(x);})
 * would change it twice.
 */
final class RecordObjectMethods {
  private RecordObjectMethods() {}

  /**
   * The call as the record answers it, or null where it is not one of these or cannot be made;
   * {@code why[0]} then says why, for a call of one of them.
   */
  static Expr call(ReadSession session, RecordValue r, String name, List<Expr> args, String[] why) {
    Type result = switch (name) {
      case "equals" -> args.size() == 1 ? Type.BOOLEAN : null;
      case "hashCode" -> args.isEmpty() ? Type.INT : null;
      case "toString" -> args.isEmpty() ? Type.STRING : null;
      default -> null;
    };
    List<Object> parts = result == null ? null : made(session, r, why);
    if (parts == null) {
      return null;
    }
    parts.add("." + name + "(");
    if (!args.isEmpty()) {
      RecordValue other = session.records.aggregateOf(args.get(0));
      if (other == null || !other.type.equals(r.type)) {
        why[0] = "its argument is not a " + r.name() + " record: compare the components";
        return null;
      }
      List<Object> made = made(session, other, why);
      if (made == null) {
        return null;
      }
      parts.addAll(made);
    }
    parts.add(")");
    return new Expr.Foreign(parts, result);
  }

  /**
   * {@code e} in a string concatenation ({@code "p = " + p}): a record's own text, as {@code
   * p.toString()} gives it; any other value as it is; null for a record whose text cannot be made.
   */
  static Expr text(ReadSession session, Expr e) {
    RecordValue r = session.records.aggregateOf(e);
    return r == null ? e : call(session, r, "toString", List.of(), new String[1]);
  }

  /** {@code new Point(p_x, p_y)} as the parts of a foreign expression; null where it cannot be made. */
  private static List<Object> made(ReadSession session, RecordValue r, String[] why) {
    ExecutableElement ctor = Records.isRecord(r.type) ? Records.canonical(r.type) : null;
    if (ctor == null || !Resolver.visibleFrom(r.type, Resolver.packageOf(session.owner))) {
      why[0] = "record " + r.name() + " is private, so the generated class cannot make one: make it package-private";
      return null;
    }
    if (!Records.implicit(session.elements, ctor) && !keepsItsParameters(session.trees.getTree(ctor))) {
      why[0] = "the constructor of " + r.name() + " assigns a component, which making it again would do twice";
      return null;
    }
    List<Object> out = new ArrayList<>(List.of("new ", Resolver.owner(r.type), "("));
    String comma = "";
    for (java.util.Map.Entry<String, Object> component : r.parts.entrySet()) {
      Object part = component.getValue();
      out.add(comma);
      comma = ", ";
      if (part instanceof RecordValue nested) {
        List<Object> inner = made(session, nested, why);
        if (inner == null) {
          return null;
        }
        out.addAll(inner);
      } else if (part instanceof Expr e && e.type() != null) {
        out.add(e);
      } else {
        why[0] = "component '" + component.getKey() + "' is held as parts of its own, not as a value";
        return null; // an array of records, or an object the reader holds as its fields
      }
    }
    out.add(")");
    return out;
  }

  /** Whether a compact constructor assigns none of its parameters, so that it leaves the components as given. */
  private static boolean keepsItsParameters(MethodTree ctor) {
    if (ctor == null || ctor.getBody() == null) {
      return false;
    }
    boolean[] assigns = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree t, Void v) {
        assigns[0] |= t.getVariable() instanceof IdentifierTree;
        return super.visitAssignment(t, v);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree t, Void v) {
        assigns[0] |= t.getVariable() instanceof IdentifierTree;
        return super.visitCompoundAssignment(t, v);
      }

      @Override
      public Void visitUnary(UnaryTree t, Void v) {
        assigns[0] |= t.getExpression() instanceof IdentifierTree && t.getKind().name().contains("CREMENT");
        return super.visitUnary(t, v);
      }
    }.scan(ctor.getBody(), null);
    return !assigns[0];
  }
}
