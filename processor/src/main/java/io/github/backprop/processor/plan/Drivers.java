package io.github.backprop.processor.plan;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements the methods built around derived ones share ({@link HessianMethods}, {@link
 * JacobianMethod}): counted loops, unit directions, argument lists.
 */
final class Drivers {
  /**
   * The positions of the array parameters {@code model} writes into, through any name that may
   * refer to the caller's array: a driver that runs the method more than once on them restores
   * them in between.
   */
  static List<Integer> writtenParams(io.github.backprop.processor.ir.MethodModel model) {
    io.github.backprop.processor.analysis.Aliases aliases = io.github.backprop.processor.analysis.Aliases.of(model.body());
    List<Var> stored = new ArrayList<>();
    io.github.backprop.processor.ir.Walk.each(model.body(), s -> {
      if (s instanceof Stmt.Store st && !stored.contains(st.target().base())) {
        stored.add(st.target().base());
      }
    });
    List<Integer> out = new ArrayList<>();
    for (int q = 0; q < model.params().size(); q++) {
      Var p = model.params().get(q);
      if (p.type().isArray() && stored.stream().anyMatch(v -> v == p || aliases.mayShare(v, p))) {
        out.add(q);
      }
    }
    return out;
  }

  private Drivers() {}

  /** {@code for (int v = 0; v < bound; v++, also++) {body}}. */
  static Stmt loop(Var v, Expr bound, List<Stmt> body, Var... also) {
    List<Stmt> update = new ArrayList<>();
    update.add(new Stmt.Assign(v, Expr.Op.ADD, Expr.Literal.ofInt(1)));
    for (Var a : also) {
      update.add(new Stmt.Assign(a, Expr.Op.ADD, Expr.Literal.ofInt(1)));
    }
    return new Stmt.Loop(
        null, List.of(new Stmt.Declare(v, Expr.Literal.ofInt(0))),
        new Expr.Binary(Expr.Op.LT, Exprs.ref(v), bound, Type.BOOLEAN), update, new Stmt.Block(body), true);
  }

  /**
   * The unit direction along flattened parameter {@code j} ({@link Slots#comparedWith}) for a
   * scalar or array parameter {@code p}, declared as {@code t}:
   * {@code double _v_x = _j == 0 ? 1 : 0;} or {@code double[] _v_w = new double[w.length];
   * if (_k >= 0 && _k < w.length) { _v_w[_k] = 1; } _k -= w.length;}.
   */
  static void unitDirection(Var t, Var p, Slots slots, List<Stmt> out) {
    if (p.type().isArray()) {
      Var k = slots.counter(out);
      Expr length = new Expr.Length(Exprs.ref(p));
      out.add(new Stmt.Declare(t, new Expr.NewArray(p.type(), List.of(length), List.of())));
      out.add(unit(Exprs.ref(t), Exprs.ref(p), k));
      out.add(new Stmt.Assign(k, Expr.Op.SUB, length));
    } else {
      out.add(new Stmt.Declare(t, new Expr.Conditional(slots.isHere(), Expr.Literal.ofInt(1), Expr.Literal.ofInt(0), Type.INT)));
      slots.skip();
    }
  }

  /** {@code if (_k >= 0 && _k < of.length) { direction[_k] = 1; }} */
  static Stmt unit(Expr direction, Expr of, Var k) {
    Expr inside = new Expr.Binary(
        Expr.Op.AND,
        new Expr.Binary(Expr.Op.GE, Exprs.ref(k), Expr.Literal.ofInt(0), Type.BOOLEAN),
        new Expr.Binary(Expr.Op.LT, Exprs.ref(k), new Expr.Length(of), Type.BOOLEAN),
        Type.BOOLEAN);
    Stmt set = new Stmt.Store(new Expr.Index(direction, Exprs.ref(k)), null, Expr.Literal.ofInt(1));
    return new Stmt.If(inside, new Stmt.Block(List.of(set)), new Stmt.Block(List.of()));
  }

  /** {@code a + b + c}, or {@code a} alone. */
  static Expr sum(List<Expr> parts) {
    Expr sum = parts.get(0);
    for (Expr part : parts.subList(1, parts.size())) {
      sum = new Expr.Binary(Expr.Op.ADD, sum, part, Type.INT);
    }
    return sum;
  }

  static List<Expr> refs(List<Var> vars) {
    List<Expr> out = new ArrayList<>();
    vars.forEach(v -> out.add(Exprs.ref(v)));
    return out;
  }

  /** The record {@code name} nested in the Grad class {@code grad}, as a type. */
  static Type nested(Owner grad, String name) {
    return Type.objectOf(new Owner(grad.packageName(), grad.simpleNames() + "." + name));
  }
}
