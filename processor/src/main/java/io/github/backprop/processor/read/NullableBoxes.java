package io.github.backprop.processor.read;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/**
 * A box local that starts as {@code null}, {@code Double best = null;} meaning "none yet": held as
 * its primitive and a flag, {@code double best = 0.0; boolean _bestNull = true;}. {@code best ==
 * null} reads the flag, {@code best = v} clears it, {@code best = null} sets it, and a read of the
 * number first throws the NullPointerException Java's unboxing would.
 */
final class NullableBoxes extends SessionPart {
  private NullableBoxes(ReadSession session) {
    super(session);
  }

  static NullableBoxes of(ReadSession session) {
    NullableBoxes boxes = new NullableBoxes(session);
    boxes.join();
    return boxes;
  }

  // Example: Double best = null;  →  double best = 0.0; boolean _bestNull = true;
  Stmt declare(VariableTree v, Type held) {
    String name = v.getName().toString();
    if (session.declaredLocally(name)) {
      throw reporter.abortQuietly();
    }
    Var local = session.declare(name, held, Var.Kind.LOCAL);
    root.boxed.put(local, held);
    Var flag = Var.temp("_" + name + "Null", Type.BOOLEAN);
    root.nullFlags.put(local, flag);
    session.prelude.add(new Stmt.Declare(local, zero(held)));
    return new Stmt.Declare(flag, new Expr.Literal(true, Type.BOOLEAN));
  }

  /** {@code best = null} or {@code best = v} of a box that may be null; null for any other local. */
  Stmt assign(Var target, ExpressionTree value, java.util.function.Supplier<Stmt> assignment) {
    Var flag = root.nullFlags.get(target);
    if (flag == null) {
      return null;
    }
    if (isNull(value)) {
      return new Stmt.Assign(flag, null, new Expr.Literal(true, Type.BOOLEAN));
    }
    session.prelude.add(assignment.get());
    return new Stmt.Assign(flag, null, new Expr.Literal(false, Type.BOOLEAN));
  }

  /** {@code best == null} (or {@code !=}) of a box that may be null: its flag; else null. */
  Expr comparison(BinaryTree t, Op op) {
    ExpressionTree other = isNull(t.getRightOperand()) ? t.getLeftOperand() : isNull(t.getLeftOperand()) ? t.getRightOperand() : null;
    Var flag = other == null ? null : root.nullFlags.get(local(other));
    if (flag == null) {
      return null;
    }
    Expr isNull = new Expr.Ref(flag);
    return op == Op.EQ ? isNull : new Expr.Unary(Op.NOT, isNull, Type.BOOLEAN);
  }

  /**
   * Before {@code best} is read as a number: {@code if (_bestNull) throw new
   * NullPointerException(...)}, as unboxing null throws.
   */
  static void read(ReadSession session, Var v, Tree at) {
    Var flag = session.root.nullFlags.get(v);
    if (flag == null) {
      return;
    }
    if (session.prelude == null) {
      throw session.noPrelude(at);
    }
    Expr.Foreign thrown = new Expr.Foreign(List.of("new ", new Owner("java.lang", "NullPointerException"),
        "(\"'" + v.name() + "' is null\")"), null);
    session.prelude.add(new Stmt.If(new Expr.Ref(flag), new Stmt.Block(List.of(new Stmt.Throw(thrown))),
        new Stmt.Block(List.of())));
  }

  private Var local(ExpressionTree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t instanceof IdentifierTree id && session.lookupAny(id.getName().toString()) instanceof Var v ? v : null;
  }

  private static Expr zero(Type held) {
    return switch (held.prim()) {
      case BOOLEAN -> new Expr.Literal(false, Type.BOOLEAN);
      case DOUBLE -> Expr.Literal.of(0);
      case FLOAT -> new Expr.Literal(0f, Type.FLOAT);
      case LONG -> new Expr.Literal(0L, Type.LONG);
      default -> new Expr.Literal(0, held);
    };
  }
}
