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
    return e.accept(new Children(f));
  }

  /** Each kind of expression with its children mapped; a leaf as it is. */
  private record Children(UnaryOperator<Expr> f) implements Expr.Visitor<Expr> {
    @Override
    public Expr visit(Expr.Literal e) {
      return e;
    }

    @Override
    public Expr visit(Expr.Ref e) {
      return e;
    }

    @Override
    public Expr visit(Expr.Constant e) {
      return e;
    }

    @Override
    public Expr visit(Expr.Unary u) {
      return new Expr.Unary(u.op(), map(u.operand(), f), u.type());
    }

    @Override
    public Expr visit(Expr.Binary b) {
      return new Expr.Binary(b.op(), map(b.left(), f), map(b.right(), f), b.type());
    }

    @Override
    public Expr visit(Expr.Conditional c) {
      return new Expr.Conditional(map(c.condition(), f), map(c.whenTrue(), f), map(c.whenFalse(), f), c.type());
    }

    @Override
    public Expr visit(Expr.Cast c) {
      return new Expr.Cast(c.type(), map(c.operand(), f));
    }

    @Override
    public Expr visit(Expr.Call c) {
      return c.withArgs(all(c.args(), f));
    }

    @Override
    public Expr visit(Expr.SelfCall c) {
      return new Expr.SelfCall(c.method(), all(c.args(), f), c.type());
    }

    @Override
    public Expr visit(Expr.DiffCall c) {
      return new Expr.DiffCall(c.callee(), all(c.args(), f));
    }

    @Override
    public Expr visit(Expr.GradCall c) {
      if (map(c.call(), f) instanceof Expr.DiffCall d) {
        return new Expr.GradCall(d);
      }
      throw new IllegalStateException("a gradient call's call rewritten to another kind: " + c);
    }

    @Override
    public Expr visit(Expr.Foreign x) {
      List<Object> parts = new ArrayList<>();
      x.parts().forEach(p -> parts.add(p instanceof Expr v ? map(v, f) : p));
      return new Expr.Foreign(parts, x.type());
    }

    @Override
    public Expr visit(Expr.Component e) {
      return e;
    }

    @Override
    public Expr visit(Expr.Index i) {
      return new Expr.Index(map(i.array(), f), map(i.index(), f), i.type());
    }

    @Override
    public Expr visit(Expr.Length l) {
      return new Expr.Length(map(l.array(), f));
    }

    @Override
    public Expr visit(Expr.NewArray n) {
      return new Expr.NewArray(n.type(), all(n.dims(), f), all(n.elements(), f));
    }

    @Override
    public Expr visit(Expr.Pop e) {
      return e;
    }

    @Override
    public Expr visit(Expr.Access a) {
      return new Expr.Access(map(a.object(), f), a.name(), a.call(), a.type());
    }

    @Override
    public Expr visit(Expr.NewRecord r) {
      return new Expr.NewRecord(r.grad(), r.record(), all(r.args(), f));
    }
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
