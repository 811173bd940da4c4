package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** Replaces reads of one variable by another in an expression. */
final class Substitute {
  private Substitute() {}

  static Expr of(Expr e, Var from, Var to) {
    if (e instanceof Expr.Ref r) {
      return r.var() == from ? new Expr.Ref(to) : e;
    }
    if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), of(u.operand(), from, to), u.type());
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), of(b.left(), from, to), of(b.right(), from, to), b.type());
    }
    if (e instanceof Expr.Conditional c) {
      return new Expr.Conditional(
          of(c.condition(), from, to), of(c.whenTrue(), from, to), of(c.whenFalse(), from, to), c.type());
    }
    if (e instanceof Expr.Cast c) {
      return new Expr.Cast(c.type(), of(c.operand(), from, to));
    }
    if (e instanceof Expr.Call c) {
      List<Expr> args = new ArrayList<>();
      c.args().forEach(a -> args.add(of(a, from, to)));
      return new Expr.Call(c.owner(), c.name(), args, c.type());
    }
    return e;
  }
}
