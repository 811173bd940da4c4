package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.List;
import java.util.Set;

/**
 * A method that ends {@code for (...) { ... } return f;} needs its reverse iterations only to
 * add into gradients, often: {@code f += g(x[i])} passes the same {@code _d_f} to every
 * iteration. Then each iteration's reverse can run at the end of that iteration, while its values
 * are current: one loop instead of two, and nothing to store or compute again. This is the loop
 * a person writes by hand for such a sum.
 *
 * <p>It holds when the iterations' reverses do not depend on each other: every adjoint from
 * outside the loop is either only read (as {@code _d_f}) or only added to (as {@code _d_x[i] +=})
 * there, and the reverse of an iteration changes no value but its own locals.
 */
final class Fusion {
  private Fusion() {}

  /** The final counted loop of the method, before its last {@code return}, or null. */
  static Stmt.Loop candidate(Stmt.Block body, Tbr tbr) {
    List<Stmt> s = body.statements();
    if (s.size() < 2
        || !(s.get(s.size() - 1) instanceof Stmt.Return)
        || !(s.get(s.size() - 2) instanceof Stmt.Loop l)
        || tbr.counted(l) == null
        || !tbr.hasReverse(l)) {
      return null;
    }
    return l;
  }

  /**
   * Whether the loop's reverse iterations may run inside it.
   *
   * @param forward the loop as the forward sweep runs it
   * @param seed the return's reverse, which runs before the loop
   * @param inside one iteration's reverse
   * @param result the variable the return assigns after the loop
   */
  static boolean check(Stmt.Loop loop, Stmt.Loop forward, List<Stmt> seed, List<Stmt> inside, Var result) {
    Set<Var> changed = Walk.assigned(loop);
    Set<Var> locals = Tbr.identitySet();
    Walk.each(loop.body(), s -> {
      if (s instanceof Stmt.Declare d) {
        locals.add(d.var());
      }
    });
    // A name the iteration's reverse declares must not be in scope there already: declared at the
    // top of the iteration (the reverse runs in the same block).
    Set<Var> forwardDeclared = Tbr.identitySet();
    for (Stmt s : forward.body().statements()) {
      if (s instanceof Stmt.Declare d) {
        forwardDeclared.add(d.var());
      }
    }
    for (Stmt top : inside) {
      boolean[] clash = {false};
      Walk.each(top, s -> clash[0] |= s instanceof Stmt.Declare d && forwardDeclared.contains(d.var()));
      if (clash[0]) {
        return false;
      }
    }
    // The return's adjoints are computed before the loop: from values the loop leaves alone, and
    // not from the result, which exists only after it (tanh's rule reads it).
    // The seed may branch (the return of a ?:), so its nested statements count too.
    boolean[] readsLoop = {false};
    for (Stmt top : seed) {
      Walk.each(top, s -> {
        for (Expr e : Walk.exprs(s)) {
          for (Var v : Walk.vars(e)) {
            readsLoop[0] |= v == result || v.kind() != Var.Kind.ADJOINT && changed.contains(v);
          }
        }
      });
    }
    if (readsLoop[0]) {
      return false;
    }
    Set<Var> declared = Tbr.identitySet();
    Set<Var> read = Tbr.identitySet();
    Set<Var> added = Tbr.identitySet();
    boolean[] ok = {true};
    for (Stmt top : inside) {
      Walk.each(
          top,
          s -> {
            if (s instanceof Stmt.Declare d) {
              declared.add(d.var());
            }
            if (s instanceof Stmt.Assign a) {
              Var v = a.var();
              if (v.kind() == Var.Kind.ADJOINT) {
                if (a.op() == Expr.Op.ADD || a.op() == Expr.Op.SUB) {
                  added.add(v);
                } else {
                  read.add(v); // overwritten: what the next iteration sees would depend on this one
                  added.add(v);
                }
              } else if (!locals.contains(v) && !declared.contains(v)) {
                ok[0] = false; // puts back a value the next iteration reads
              }
            }
            if (s instanceof Stmt.Store st) {
              Var base = st.target().base();
              if (base.kind() == Var.Kind.ADJOINT) {
                if (st.op() != Expr.Op.ADD && st.op() != Expr.Op.SUB) {
                  read.add(base);
                }
                added.add(base);
                for (Expr i : st.target().indices()) {
                  read.addAll(Walk.vars(i));
                }
              } else if (!locals.contains(base) && !declared.contains(base)) {
                ok[0] = false;
              }
              read.addAll(Walk.vars(st.value()));
              return;
            }
            for (Expr e : Walk.exprs(s)) {
              read.addAll(Walk.vars(e));
            }
          });
    }
    for (Var v : added) {
      if (!declared.contains(v) && read.contains(v)) {
        return false;
      }
    }
    return ok[0];
  }
}
