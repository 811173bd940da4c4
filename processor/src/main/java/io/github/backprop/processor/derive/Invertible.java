package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;

/**
 * An integer update {@code i += k} or {@code i -= k} that the reverse sweep undoes by the inverse
 * update instead of a tape: integer arithmetic wraps, so {@code (i + k) - k == i} always.
 */
record Invertible(Var var, Op op, Expr amount) {
  static Invertible of(Stmt.Assign a) {
    Var v = a.var();
    if (v.type().isArray() || (v.type().prim() != io.github.backprop.processor.ir.Type.Prim.INT
        && v.type().prim() != io.github.backprop.processor.ir.Type.Prim.LONG)) {
      return null;
    }
    if (a.value().type().isDifferentiable()) {
      return null; // i += 0.5 rounds: not undone by i -= 0.5
    }
    if ((a.op() == Op.ADD || a.op() == Op.SUB) && !Walk.vars(a.value()).contains(v)) {
      return new Invertible(v, a.op(), a.value());
    }
    if (a.op() == null
        && a.value() instanceof Expr.Binary b
        && (b.op() == Op.ADD || b.op() == Op.SUB)
        && b.left() instanceof Expr.Ref r
        && r.var() == v
        && !Walk.vars(b.right()).contains(v)
        && b.type().equals(v.type())) {
      return new Invertible(v, b.op(), b.right());
    }
    return null;
  }

  /** {@code i -= k} for {@code i += k}. */
  Stmt undo() {
    return new Stmt.Assign(var, op == Op.ADD ? Op.SUB : Op.ADD, amount);
  }
}
