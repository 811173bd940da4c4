package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Moves an update of a gradient element up to the update of the same element before it, past
 * updates of other elements of that array:
 *
 * <pre>
 * _d_x[i] -= _d_u;                  _d_x[i] -= _d_u;
 * // grad of: double t = ...         // grad of: double t = ...
 * _d_x[i + 1] += _d_t;        →     _d_x[i] -= 2 * _d_t * x[i];
 * _d_x[i] -= 2 * _d_t * x[i];       _d_x[i + 1] += _d_t;
 * </pre>
 *
 * HotSpot cannot tell {@code _d_x[i + 1]} from {@code _d_x[i]} (it compares constant offsets
 * only), so between the two it stores the element and loads it again, and loads {@code x[i]}
 * again, which may be the same array for all it knows; adjacent, it keeps the element in a
 * register (Rosenbrock's fused loop took 0.75× the time). Every element still gets the same
 * additions in the same order, so the results are the same to the bit: an update moves only past
 * updates of elements it provably is not (same array and row, indices {@code e + a} and {@code e
 * + b} with constants a ≠ b) and past locals it does not read, none of which read its array.
 */
final class Gathering {
  private Gathering() {}

  static List<Stmt> apply(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      Stmt done = nested(s);
      int at = done instanceof Stmt.Store st ? place(out, st) : -1;
      if (at < 0) {
        out.add(done);
      } else {
        out.add(at, done);
      }
    }
    return out;
  }

  private static Stmt nested(Stmt s) {
    if (s instanceof Stmt.Block b) {
      return new Stmt.Block(apply(b.statements()));
    }
    if (s instanceof Stmt.If f) {
      return new Stmt.If(f.condition(), new Stmt.Block(apply(f.then().statements())),
          new Stmt.Block(apply(f.otherwise().statements())));
    }
    if (s instanceof Stmt.Loop l) {
      return new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(), new Stmt.Block(apply(l.body().statements())),
          l.testFirst());
    }
    return s;
  }

  /**
   * Where in {@code out} the update {@code s} goes: right after the last update of its element,
   * or after the comment that heads {@code s}'s own statements where that comment follows the
   * update directly; -1 to leave it last.
   */
  private static int place(List<Stmt> out, Stmt.Store s) {
    Var array = s.target().base();
    if (array.kind() != Var.Kind.ADJOINT || (s.op() != Expr.Op.ADD && s.op() != Expr.Op.SUB)
        || !s.target().type().isFloating() || !pure(s.target(), true) || !pure(s.value(), true)) {
      return -1;
    }
    Set<Var> reads = Walk.vars(s.value()); // and the indices' variables, but not the array's
    s.target().indices().forEach(i -> reads.addAll(Walk.vars(i)));
    int comment = -1;
    for (int k = out.size() - 1; k >= 0; k--) {
      Stmt m = out.get(k);
      if (m instanceof Stmt.Store st && st.target().equals(s.target())) {
        if (k == out.size() - 1) {
          return -1; // adjacent already
        }
        if (comment < 0) {
          return k + 1;
        }
        for (int c = k + 1; c < comment; c++) {
          if (!(out.get(c) instanceof Stmt.Comment)) {
            return -1; // it would leave its comment's statements
          }
        }
        return comment + 1;
      }
      if (m instanceof Stmt.Comment) {
        comment = comment < 0 ? k : comment;
      } else if (!passable(m, s, array, reads)) {
        return -1;
      }
    }
    return -1;
  }

  /** Whether {@code s} may run before {@code m}, which runs before it now. */
  private static boolean passable(Stmt m, Stmt.Store s, Var array, Set<Var> reads) {
    if (m instanceof Stmt.Store st) {
      return st.target().base() == array && st.target().type().isFloating() && apart(st.target(), s.target())
          && pure(st.target(), false) && pure(st.value(), false) && !Walk.vars(st.value()).contains(array) && !reads.contains(array);
    }
    // Never past what binds the array's own variable: _d_c = _d_a makes _d_c another array.
    if (m instanceof Stmt.Declare d) {
      return d.init() != null && d.var() != array && !reads.contains(d.var()) && pure(d.init(), false) && !Walk.vars(d.init()).contains(array);
    }
    if (m instanceof Stmt.Assign a) {
      return a.var() != array && !reads.contains(a.var()) && pure(a.value(), false) && !Walk.vars(a.value()).contains(array);
    }
    return false;
  }

  /** Whether two elements of one array are provably different: one row, indices e + a and e + b, a ≠ b. */
  private static boolean apart(Expr.Index a, Expr.Index b) {
    if (!a.array().equals(b.array())) {
      return false;
    }
    Offset x = Offset.of(a.index());
    Offset y = Offset.of(b.index());
    return x.constant != y.constant && java.util.Objects.equals(x.rest, y.rest);
  }

  /** An int expression as {@code rest + constant}; {@code rest} null for a literal. */
  private record Offset(Expr rest, int constant) {
    // int arithmetic wraps as the indices' does
    static Offset of(Expr e) {
      if (e instanceof Expr.Literal l && l.value() instanceof Integer i) {
        return new Offset(null, i);
      }
      if (e instanceof Expr.Binary b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
        Offset left = of(b.left());
        Offset right = of(b.right());
        if (right.rest == null) {
          return new Offset(left.rest, b.op() == Expr.Op.ADD ? left.constant + right.constant : left.constant - right.constant);
        }
        if (left.rest == null && b.op() == Expr.Op.ADD) {
          return new Offset(right.rest, left.constant + right.constant);
        }
      }
      return new Offset(e, 0);
    }
  }

  /**
   * Whether evaluating {@code e} changes nothing and gives the same value wherever it runs; an
   * update that moves must not pop a tape either, which would change the order of the pops.
   */
  private static boolean pure(Expr e, boolean moves) {
    boolean[] pops = {false};
    Walk.each(e, x -> pops[0] |= x instanceof Expr.Pop);
    return BlockingCheck.pure(e) && !(moves && pops[0]);
  }
}
