package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Rewrite;
import io.github.backprop.processor.ir.StaticType;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the scalar adjoints that only ever hold a constant or a copy, {@code double _d_s = 1.0;}
 * or {@code double _d_e = f;} assigned nowhere else, into their readers: {@code _d_x += 2 * _d_s * x}
 * becomes {@code _d_x += 2 * x}. A copy of a variable is folded only where nothing after the
 * declaration assigns that variable, so every reader sees the value the declaration saw.
 */
final class AdjointCopies {
  /** The sweeps and gradients after folding. */
  record Folded(List<Stmt> forward, List<Stmt> reverse, List<Expr> gradients) {}

  private AdjointCopies() {}

  /**
   * @param forward the forward sweep, which holds the reverse of a loop run inside it
   * @param reverse the reverse sweep, run right after {@code forward} in the same scope
   */
  static Folded fold(List<Stmt> forward, List<Stmt> reverse, List<Expr> gradients) {
    Folded f = new Folded(forward, reverse, gradients);
    // Folding replaces reads and drops one declaration: no assignment changes, so what is
    // assigned, what a declaration's reads are, and which declarations are unstable stay true
    // from one fold to the next (an expression or declaration left as it was keeps its identity).
    // Keeping them is what makes a long second-order sweep fold in linear time per fold.
    Set<Var> assigned = assigned(f);
    Set<Stmt.Declare> unstable = identitySet();
    Map<Expr, Set<Var>> reads = new IdentityHashMap<>();
    for (Candidate c = find(f, assigned, unstable); c != null;
        c = find(f, assigned, unstable)) {
      Substitution s = new Substitution(c.declare.var(), c.declare.init(), reads);
      List<Expr> g = new ArrayList<>();
      f.gradients().forEach(x -> g.add(s.expr(x)));
      f = new Folded(s.list(f.forward(), c.declare), s.list(f.reverse(), c.declare), g);
    }
    return f;
  }

  private record Candidate(Stmt.Declare declare) {}

  /** Assigned, or declared more than once (in two branches): then one value does not fit all. */
  private static Set<Var> assigned(Folded f) {
    List<Stmt> all = new ArrayList<>(f.forward());
    all.addAll(f.reverse());
    Set<Var> assigned = identitySet();
    Set<Var> declared = identitySet();
    for (Stmt s : all) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Assign a) {
          assigned.add(a.var());
        } else if (x instanceof Stmt.Declare d && !declared.add(d.var())) {
          assigned.add(d.var());
        }
      });
    }
    return assigned;
  }

  private static Candidate find(Folded f, Set<Var> assigned, Set<Stmt.Declare> unstable) {
    Candidate c = find(f.forward(), f.reverse(), assigned, unstable);
    return c != null ? c : find(f.reverse(), List.of(), assigned, unstable);
  }

  /** The first foldable declaration in {@code list} or nested in it; {@code tail} runs after it. */
  private static Candidate find(
      List<Stmt> list, List<Stmt> tail, Set<Var> assigned, Set<Stmt.Declare> unstable) {
    for (int k = 0; k < list.size(); k++) {
      Stmt s = list.get(k);
      if (s instanceof Stmt.Declare d && foldable(d, assigned) && !unstable.contains(d)) {
        List<Stmt> rest = new ArrayList<>(list.subList(k + 1, list.size()));
        rest.addAll(tail);
        if (stable(d.init(), rest)) {
          return new Candidate(d);
        }
        unstable.add(d);
      }
      for (Stmt n : Walk.nested(s)) {
        List<Stmt> inner = n instanceof Stmt.Block b ? b.statements() : List.of(n);
        Candidate c = find(inner, List.of(), assigned, unstable);
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }

  /**
   * A scalar double adjoint (or {@code _r0}, an adjoint several operands share), assigned nowhere,
   * declared as a double literal, variable or component.
   */
  private static boolean foldable(Stmt.Declare d, Set<Var> assigned) {
    Var v = d.var();
    Expr init = d.init();
    boolean adjoint = v.kind() == Var.Kind.ADJOINT || (v.kind() == Var.Kind.TEMP && v.name().equals("_r"));
    if (!adjoint || !v.type().equals(Type.DOUBLE) || init == null || assigned.contains(v)) {
      return false;
    }
    if (init instanceof Expr.Literal l) {
      return l.type().equals(Type.DOUBLE);
    }
    return (init instanceof Expr.Ref || init instanceof Expr.Component)
        && StaticType.of(init).equals(Type.DOUBLE)
        && !init.type().isArray();
  }

  /** Whether nothing in {@code rest} assigns what {@code init} reads. */
  private static boolean stable(Expr init, List<Stmt> rest) {
    Set<Var> reads = Walk.vars(init);
    if (init instanceof Expr.Component c) {
      reads.add(c.record());
    }
    for (Var v : Walk.assigned(rest)) {
      if (reads.contains(v)) {
        return false;
      }
    }
    return true;
  }

  /** Replaces reads of one variable by an expression, simplifying the arithmetic around them. */
  private static final class Substitution {
    private final Var from;
    private final Expr to;
    private final Map<Expr, Set<Var>> reads;

    Substitution(Var from, Expr to, Map<Expr, Set<Var>> reads) {
      this.from = from;
      this.to = to;
      this.reads = reads;
    }

    /** {@code list} without {@code dropped}, and without a comment it leaves heading nothing. */
    List<Stmt> list(List<Stmt> list, Stmt.Declare dropped) {
      List<Stmt> out = new ArrayList<>();
      for (int k = 0; k < list.size(); k++) {
        Stmt s = list.get(k);
        if (s == dropped) {
          // A section of the reverse ends at the next comment, or at a loop (which has its own).
          boolean ends = k + 1 == list.size() || list.get(k + 1) instanceof Stmt.Comment
              || list.get(k + 1) instanceof Stmt.Loop;
          if (ends && !out.isEmpty() && out.get(out.size() - 1) instanceof Stmt.Comment c
              && c.text().startsWith("grad of: ")) {
            out.remove(out.size() - 1);
          }
          continue;
        }
        out.add(stmt(s, dropped));
      }
      return out;
    }

    private Stmt.Block block(Stmt.Block b, Stmt.Declare dropped) {
      List<Stmt> out = list(b.statements(), dropped);
      return out.equals(b.statements()) ? b : new Stmt.Block(out);
    }

    private Stmt stmt(Stmt s, Stmt.Declare dropped) {
      if (s instanceof Stmt.Declare d) {
        return d.init() == null || !mentions(d.init()) ? s : new Stmt.Declare(d.var(), expr(d.init()));
      }
      if (s instanceof Stmt.Assign a) {
        return !mentions(a.value()) ? s : new Stmt.Assign(a.var(), a.op(), expr(a.value()));
      }
      if (s instanceof Stmt.Store st) {
        if (!mentions(st.target()) && !mentions(st.value())) {
          return s;
        }
        return new Stmt.Store((Expr.Index) expr(st.target()), st.op(), expr(st.value()));
      }
      if (s instanceof Stmt.If f) {
        return new Stmt.If(expr(f.condition()), block(f.then(), dropped), block(f.otherwise(), dropped));
      }
      if (s instanceof Stmt.Loop l) {
        return new Stmt.Loop(
            l.id(), list(l.init(), dropped), expr(l.condition()), list(l.update(), dropped),
            block(l.body(), dropped), l.testFirst());
      }
      if (s instanceof Stmt.Block b) {
        return block(b, dropped);
      }
      if (s instanceof Stmt.Push p) {
        return !mentions(p.value()) ? s : new Stmt.Push(p.tape(), expr(p.value()));
      }
      if (s instanceof Stmt.Invoke i) {
        return !mentions(i.expr()) ? s : new Stmt.Invoke(expr(i.expr()));
      }
      if (s instanceof Stmt.Return r) {
        return !mentions(r.value()) ? s : new Stmt.Return(expr(r.value()));
      }
      if (s instanceof Stmt.Throw || s instanceof Stmt.Assert || s instanceof Stmt.ReturnRecord) {
        // Kept as written: they never read an adjoint.
        return s;
      }
      return s;
    }

    private boolean mentions(Expr e) {
      return e != null && reads.computeIfAbsent(e, Walk::vars).contains(from);
    }

    Expr expr(Expr e) {
      if (!mentions(e)) {
        return e;
      }
      Set<Expr> changed = identitySet();
      return Rewrite.map(e, x -> {
        Expr out = x;
        if (x instanceof Expr.Ref r && r.var() == from) {
          out = to;
        } else if (Walk.children(x).stream().anyMatch(changed::contains)) {
          out = simplified(x);
        } else {
          return x;
        }
        changed.add(out);
        return out;
      });
    }

    /** {@code 2 * g * x} with {@code g} now 1.0 as {@code 2 * x}. */
    private static Expr simplified(Expr x) {
      if (x instanceof Expr.Binary b && b.type().isFloating()) {
        switch (b.op()) {
          case ADD: return Exprs.add(b.left(), b.right());
          case SUB: return Exprs.sub(b.left(), b.right());
          case MUL: return Exprs.mul(b.left(), b.right());
          case DIV: return Exprs.div(b.left(), b.right());
          default: return x;
        }
      }
      if (x instanceof Expr.Unary u && u.op() == Expr.Op.NEG && u.type().isFloating()) {
        return Exprs.neg(u.operand());
      }
      return x;
    }
  }

  private static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
