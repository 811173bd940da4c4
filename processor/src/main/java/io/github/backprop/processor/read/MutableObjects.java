package io.github.backprop.processor.read;

import com.sun.source.tree.MemberSelectTree;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;

/**
 * Objects made in the method whose fields it changes, {@code Acc acc = new Acc(); acc.sum += x;}
 * or {@code acc.add(x)}: held as one local per field, as a value object is, and written in place.
 * Each local is the object itself, so a second name for it (another variable, an argument, a
 * branch of {@code ?:}) would be a copy that does not see the changes: such uses are errors.
 */
final class MutableObjects {
  private MutableObjects() {}

  /** The local holding field {@code ms} of {@code held}, where it is an object the method made and changes; else null. */
  static Var field(ReadSession session, RecordValue held, MemberSelectTree ms) {
    return held != null && session.root.mutable.contains(held) && held.parts.get(ms.getIdentifier().toString()) instanceof Expr.Ref r
        ? r.var() : null;
  }

  /**
   * Marks {@code r}, an object just made and bound to its one name, as a holder or as a mutable
   * object where its class is one; records and value classes stay values.
   */
  static void made(ReadSession session, RecordValue r) {
    if (Records.isHolderClass(r.type)) {
      session.root.holders.add(r);
    } else if (Records.isMutableLocal(r.type)) {
      session.root.mutable.add(r);
    }
  }

  /** Whether {@code r} is such an object. */
  static boolean isMutable(ReadSession session, RecordValue r) {
    return r != null && session.root.mutable.contains(r);
  }

  /** The error for a second name of such an object, at {@code what}. */
  static String escape(RecordValue r, String what) {
    return "an object of class " + r.name() + " made in the method, whose fields it changes, is held as"
        + " one local per field, so " + what + " would be a copy that does not see later changes:"
        + " use the one variable it was made in (call its methods and read its fields there),"
        + " or make " + r.name() + " a record whose methods return a new one";
  }

  /** A field's value before a constructor sets it: zero, false or null, as Java starts it. */
  static Expr zero(Type t) {
    if (t.isReference()) {
      return new Expr.Literal(null, t);
    }
    return switch (t.prim()) {
      case BOOLEAN -> new Expr.Literal(false, Type.BOOLEAN);
      case DOUBLE -> Expr.Literal.of(0);
      case FLOAT -> new Expr.Literal(0f, Type.FLOAT);
      case LONG -> new Expr.Literal(0L, Type.LONG);
      default -> new Expr.Literal(0, t);
    };
  }
}
