package io.github.backprop.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rebuilds expressions bottom-up, so a pass can replace some nodes and keep the rest. */
public final class Rewrite {
  private Rewrite() {}

  /** {@code e} with its children rewritten first, then {@code f} applied to the result. */
  public static Expr map(Expr e, UnaryOperator<Expr> f) {
    return f.apply(children(e, f));
  }

  private static Expr children(Expr e, UnaryOperator<Expr> f) {
    if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), map(u.operand(), f), u.type());
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), map(b.left(), f), map(b.right(), f), b.type());
    }
    if (e instanceof Expr.Conditional c) {
      return new Expr.Conditional(map(c.condition(), f), map(c.whenTrue(), f), map(c.whenFalse(), f), c.type());
    }
    if (e instanceof Expr.Cast c) {
      return new Expr.Cast(c.type(), map(c.operand(), f));
    }
    if (e instanceof Expr.Call c) {
      return c.withArgs(all(c.args(), f));
    }
    if (e instanceof Expr.DiffCall c) {
      return new Expr.DiffCall(c.callee(), all(c.args(), f));
    }
    if (e instanceof Expr.Index i) {
      return new Expr.Index(map(i.array(), f), map(i.index(), f), i.type());
    }
    if (e instanceof Expr.Length l) {
      return new Expr.Length(map(l.array(), f));
    }
    if (e instanceof Expr.NewArray n) {
      return new Expr.NewArray(n.type(), all(n.dims(), f), all(n.elements(), f));
    }
    if (e instanceof Expr.Foreign x) {
      List<Object> parts = new ArrayList<>();
      x.parts().forEach(p -> parts.add(p instanceof Expr v ? map(v, f) : p));
      return new Expr.Foreign(parts, x.type());
    }
    return e;
  }

  private static List<Expr> all(List<Expr> es, UnaryOperator<Expr> f) {
    List<Expr> out = new ArrayList<>();
    es.forEach(x -> out.add(map(x, f)));
    return out;
  }

  /** {@code e} with every read of {@code from} replaced by {@code to}. */
  public static Expr substitute(Expr e, Var from, Expr to) {
    return map(e, x -> x instanceof Expr.Ref r && r.var() == from ? to : x);
  }
}
