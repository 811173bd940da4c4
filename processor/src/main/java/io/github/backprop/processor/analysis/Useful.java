package io.github.backprop.processor.analysis;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which values may flow into a method's result: a fixed point backwards from its returns. The
 * adjoint of anything else is zero, and derivative code for it would only multiply that zero by a
 * partial that may be NaN ({@code b = cosh(b % nan)} never read again). An array read only at
 * constant indices passes on only what is stored at those elements; any other read makes the
 * whole array useful. (A store to an element nothing reads still gets its reverse, which keeps
 * the sweeps' saves and restores in step; its adjoint is a runtime zero.)
 */
final class Useful {
  private final Set<Var> whole = new HashSet<>();
  private final Map<Var, Set<Integer>> elements = new HashMap<>();
  private boolean grew;

  private Useful() {}

  /**
   * Usefulness in {@code body}, whose result is its returns, assignments to {@code result} and
   * whatever is stored into the arrays {@code kept}.
   */
  static Useful of(Stmt.Block body, Var result, java.util.Collection<Var> kept, Aliases aliases) {
    Useful u = new Useful();
    if (result != null) {
      u.whole.add(result);
    }
    u.whole.addAll(kept);
    List<Stmt> all = new ArrayList<>();
    Walk.each(body, all::add);
    for (Stmt s : all) {
      if (s instanceof Stmt.Return r) {
        u.flowsFrom(r.value());
      }
    }
    do {
      u.grew = false;
      for (Stmt s : all) {
        if (s instanceof Stmt.Declare d && d.init() != null && u.var(d.var())) {
          u.flowsFrom(d.init());
        } else if (s instanceof Stmt.Assign a && u.var(a.var())) {
          u.flowsFrom(a.value());
        } else if (s instanceof Stmt.Store st && u.store(st)) {
          u.flowsFrom(st.value());
        }
      }
      for (Var v : aliases.all()) {
        if (u.var(v)) {
          // What is written through another name of the array is read through this one.
          for (Var other : aliases.classOf(v)) {
            u.grew |= u.whole.add(other);
          }
        }
      }
    } while (u.grew);
    return u;
  }

  /** Whether a value assigned to {@code v}, or to one of its elements, may reach the result. */
  boolean var(Var v) {
    return whole.contains(v) || elements.containsKey(v);
  }

  /** Whether the element a store writes may reach the result. */
  private boolean store(Stmt.Store st) {
    Var base = st.target().base();
    if (whole.contains(base)) {
      return true;
    }
    Set<Integer> read = elements.get(base);
    Integer k = constantIndex(st.target());
    return read != null && (k == null || read.contains(k));
  }

  /** Marks what flows into {@code e}: not the arguments a callee never reads. */
  private void flowsFrom(Expr e) {
    if (e instanceof Expr.Ref r) {
      grew |= whole.add(r.var());
    } else if (e instanceof Expr.Component c) {
      grew |= whole.add(c.record());
    } else if (e instanceof Expr.Index i && constantIndex(i) != null) {
      Var base = ((Expr.Ref) i.array()).var();
      if (!whole.contains(base)) {
        grew |= elements.computeIfAbsent(base, v -> new HashSet<>()).add(constantIndex(i));
      }
    } else if (e instanceof Expr.DiffCall d) {
      for (int i = 0; i < d.args().size(); i++) {
        if (!d.callee().unread().contains(i)) {
          flowsFrom(d.args().get(i));
        }
      }
    } else {
      for (Expr child : Walk.children(e)) {
        flowsFrom(child);
      }
    }
  }

  /** {@code k} of {@code a[k]} for a literal {@code k} on an array variable, else null. */
  private static Integer constantIndex(Expr.Index i) {
    return i.array() instanceof Expr.Ref
            && i.index() instanceof Expr.Literal l
            && l.type().equals(Type.INT)
            && l.value() instanceof Number n
        ? n.intValue()
        : null;
  }
}
