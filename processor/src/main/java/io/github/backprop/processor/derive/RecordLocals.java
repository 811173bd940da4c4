package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Rewrite;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A callee's result record that the reverse sweep reads, called in a branch or loop of the forward
 * sweep, is declared where it is called, and what the reverse sweep reads of it is kept in scalar
 * locals declared first:
 *
 * <pre>
 * double _t0 = 0.0;                 // was: Erf _g0 = null;
 * ...
 * if (c) { Erf _g0 = CGrad.erf(y); _t0 = _g0.y(); q = _g0.value() * z; }
 * ...
 * _d_y = _d_q * z * _t0;            // was: _g0.y()
 * </pre>
 *
 * A record declared null and assigned in a branch is one that HotSpot's escape analysis (JDK 17)
 * cannot remove: each call allocated it. Declared where it is called and read only there, it is
 * scalar-replaced once the callee's gradient is inlined.
 */
final class RecordLocals {
  private RecordLocals() {}

  /**
   * The sweeps of {@code model}'s gradient with that change, or as they are where no record
   * qualifies. A recursive call's record stays: HotSpot does not inline the call, so the record
   * is allocated all the same.
   */
  static Sweeps apply(Sweeps in, MethodModel model) {
    Sweeps out = in;
    for (Stmt s : in.declarations()) {
      if (s instanceof Stmt.Declare d && d.var().kind() == Var.Kind.RECORD) {
        Sweeps next = localize(out, d, model);
        if (next != null) {
          out = next;
        }
      }
    }
    return out;
  }

  /** The three parts of a gradient method this pass changes. */
  record Sweeps(List<Stmt> declarations, List<Stmt> forward, List<Stmt> reverse, List<Expr> gradients) {}

  private static Sweeps localize(Sweeps in, Stmt.Declare declared, MethodModel model) {
    Var v = declared.var();
    List<Stmt.Assign> sets = new ArrayList<>();
    in.forward().forEach(s -> Walk.each(s, x -> {
      if (x instanceof Stmt.Assign a && a.var() == v) {
        sets.add(a);
      }
    }));
    if (sets.size() != 1 || sets.get(0).op() != null || !(sets.get(0).value() instanceof Expr.GradCall call)
        || call.call().callee().owner().equals(model.owner()) && call.call().callee().name().equals(model.name())) {
      return null;
    }
    Stmt.Assign set = sets.get(0);
    for (Stmt s : in.reverse()) {
      if (Walk.assigned(s).contains(v)) {
        return null; // restored from a tape
      }
    }
    // Every forward read follows the call in its block; the reverse reads components only.
    int[] forwardReads = {0};
    in.forward().forEach(s -> forwardReads[0] += reads(s, v));
    int after = readsAfter(in.forward(), set, v);
    if (after < 0 || after != forwardReads[0]) {
      return null;
    }
    Map<String, Var> kept = new LinkedHashMap<>();
    boolean[] whole = {false};
    for (Stmt s : in.reverse()) {
      Walk.each(s, n -> Walk.eachExpr(n, x -> {
        if (x instanceof Expr.Component c && c.record() == v) {
          kept.computeIfAbsent(c.accessor(), a -> Var.temp("_t", c.type()));
        } else if (x instanceof Expr.Ref r && r.var() == v) {
          whole[0] = true;
        }
      }));
    }
    boolean[] returned = {false};
    in.gradients().forEach(g -> Walk.each(g, x -> returned[0] |= x instanceof Expr.Component c && c.record() == v
        || x instanceof Expr.Ref r && r.var() == v));
    if (whole[0] || returned[0] || reads(in.declarations(), v)) {
      return null;
    }
    List<Stmt> declarations = new ArrayList<>();
    for (Stmt s : in.declarations()) {
      if (s != declared) {
        declarations.add(s);
        continue;
      }
      kept.values().forEach(t -> declarations.add(
          new Stmt.Declare(t, t.type().isArray() ? new Expr.Literal(null, t.type()) : Exprs.zeroOf(t.type()))));
    }
    List<Stmt> called = new ArrayList<>();
    called.add(new Stmt.Declare(v, set.value()));
    kept.forEach((accessor, t) -> called.add(new Stmt.Assign(t, null, new Expr.Component(v, accessor, t.type()))));
    List<Stmt> forward = map(in.forward(), set, called, x -> x);
    List<Stmt> reverse = map(in.reverse(), null, List.of(), x ->
        x instanceof Expr.Component c && c.record() == v ? new Expr.Ref(kept.get(c.accessor())) : x);
    if (reads(reverse, v)) {
      return null; // read where this does not map
    }
    return new Sweeps(declarations, forward, reverse, in.gradients());
  }

  private static boolean reads(List<Stmt> stmts, Var v) {
    int n = 0;
    for (Stmt s : stmts) {
      n += reads(s, v);
    }
    return n > 0;
  }

  /** How many expressions in {@code s} and its nested statements read {@code v} or a component of it. */
  private static int reads(Stmt s, Var v) {
    int[] n = {0};
    Walk.each(s, x -> Walk.eachExpr(x, e -> {
      if (e instanceof Expr.Component c && c.record() == v || e instanceof Expr.Ref r && r.var() == v) {
        n[0]++;
      }
    }));
    return n[0];
  }

  /** The reads of {@code v} after {@code set} in the block that holds it; -1 if none holds it. */
  private static int readsAfter(List<Stmt> stmts, Stmt set, Var v) {
    for (int i = 0; i < stmts.size(); i++) {
      if (stmts.get(i) == set) {
        int n = 0;
        for (Stmt s : stmts.subList(i + 1, stmts.size())) {
          n += reads(s, v);
        }
        return n;
      }
      for (Stmt nested : Walk.nested(stmts.get(i))) {
        int n = readsAfter(nested instanceof Stmt.Block b ? b.statements() : List.of(nested), set, v);
        if (n >= 0) {
          return n;
        }
      }
    }
    return -1;
  }

  /** {@code stmts} with {@code target} replaced by {@code with}, and every expression mapped by {@code f}. */
  private static List<Stmt> map(List<Stmt> stmts, Stmt target, List<Stmt> with, UnaryOperator<Expr> f) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s == target) {
        out.addAll(with);
      } else {
        out.add(map(s, target, with, f));
      }
    }
    return out;
  }

  private static Stmt map(Stmt s, Stmt target, List<Stmt> with, UnaryOperator<Expr> f) {
    UnaryOperator<Expr> e = x -> x == null ? null : Rewrite.map(x, f);
    if (s instanceof Stmt.Declare d) {
      return new Stmt.Declare(d.var(), e.apply(d.init()));
    } else if (s instanceof Stmt.Assign a) {
      return new Stmt.Assign(a.var(), a.op(), e.apply(a.value()));
    } else if (s instanceof Stmt.Store st) {
      return new Stmt.Store((Expr.Index) e.apply(st.target()), st.op(), e.apply(st.value()));
    } else if (s instanceof Stmt.Return r) {
      return new Stmt.Return(e.apply(r.value()));
    } else if (s instanceof Stmt.If i) {
      return new Stmt.If(e.apply(i.condition()), block(i.then(), target, with, f), block(i.otherwise(), target, with, f));
    } else if (s instanceof Stmt.Block b) {
      return block(b, target, with, f);
    } else if (s instanceof Stmt.Loop l) {
      return new Stmt.Loop(
          l.id(), map(l.init(), target, with, f), e.apply(l.condition()), map(l.update(), target, with, f),
          block(l.body(), target, with, f), l.testFirst());
    } else if (s instanceof Stmt.Push p) {
      return new Stmt.Push(p.tape(), e.apply(p.value()));
    } else if (s instanceof Stmt.Invoke i) {
      return new Stmt.Invoke(e.apply(i.expr()));
    } else if (s instanceof Stmt.ForEach fe) {
      return new Stmt.ForEach(fe.item(), e.apply(fe.array()), block(fe.body(), target, with, f));
    }
    return s; // throws, asserts, comments: no reads of a callee's record
  }

  private static Stmt.Block block(Stmt.Block b, Stmt target, List<Stmt> with, UnaryOperator<Expr> f) {
    return new Stmt.Block(map(b.statements(), target, with, f));
  }
}
