package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the intermediate values the reverse sweep reads, so the forward sweep computes each once
 * and the reverse sweep reads it: an operand of a product or quotient whose other operand is
 * active, where that operand is itself a product, a quotient or a call. Without this, the reverse
 * of a Horner polynomial of degree n, {@code ((a * s + b) * s + c) * s + d}, rebuilds every inner
 * polynomial for the adjoint of {@code s}: O(n²) work. With it, each level is a local
 * ({@code double _p1 = _p0 * s + c;}) and the reverse costs O(n).
 *
 * <p>Operands are named innermost first, just before their statement. Only operands Java evaluates
 * whenever the statement runs are named: not the branches of {@code ?:}, not conditions, not
 * indices, not a loop's header. Inside a loop, a name costs a tape slot unless {@link Tbr} can
 * compute it again in the reverse iteration, so there only what it can is named: an operand free
 * of calls, in a statement at the top of the loop body, reading nothing that this statement or a
 * later one of the body assigns.
 */
final class Intermediates {
  private final Activity activity;
  private final Differ differ;
  private final Map<Stmt, String> sources;

  Intermediates(Activity activity, Map<Stmt, String> sources) {
    this.activity = activity;
    this.differ = new Differ(activity);
    this.sources = sources;
  }

  /** Where a statement stands: outside loops, at the top of a loop body, or deeper in one. */
  private enum Place {
    OUTSIDE,
    LOOP_TOP,
    LOOP_NESTED
  }

  private Place place = Place.OUTSIDE;
  /** At {@link Place#LOOP_TOP}: what the current statement and the rest of the body assign. */
  private Set<Var> assignedLater = Set.of();

  Stmt.Block block(Stmt.Block in) {
    return block(in, place == Place.OUTSIDE ? Place.OUTSIDE : Place.LOOP_NESTED);
  }

  private Stmt.Block block(Stmt.Block in, Place inside) {
    Place outer = place;
    Set<Var> outerAssigned = assignedLater;
    place = inside;
    List<Stmt> out = new ArrayList<>();
    List<Stmt> stmts = in.statements();
    for (int k = 0; k < stmts.size(); k++) {
      if (place == Place.LOOP_TOP) {
        assignedLater = Walk.assigned(stmts.subList(k, stmts.size()));
      }
      statement(stmts.get(k), out);
    }
    place = outer;
    assignedLater = outerAssigned;
    return new Stmt.Block(out);
  }

  private void statement(Stmt s, List<Stmt> out) {
    Stmt result;
    if (s instanceof Stmt.Declare d && d.init() != null && activity.isActive(d.init())) {
      result = new Stmt.Declare(d.var(), value(d.init(), out));
    } else if (s instanceof Stmt.Assign a && activity.isActive(a.value())) {
      result = new Stmt.Assign(a.var(), a.op(), value(a.value(), out));
    } else if (s instanceof Stmt.Return r && activity.isActive(r.value())) {
      result = new Stmt.Return(value(r.value(), out));
    } else if (s instanceof Stmt.Store st && activity.isActive(st.value())) {
      result = new Stmt.Store(st.target(), st.op(), value(st.value(), out));
    } else if (s instanceof Stmt.If f) {
      result = new Stmt.If(f.condition(), block(f.then()), block(f.otherwise()));
    } else if (s instanceof Stmt.Block b) {
      result = block(b);
    } else if (s instanceof Stmt.Loop l) {
      result = new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(), block(l.body(), Place.LOOP_TOP), l.testFirst());
    } else {
      result = s;
    }
    String source = sources.get(s);
    if (source != null) {
      sources.put(result, source);
    }
    out.add(result);
  }

  /**
   * A statement's value with its intermediates named. Inside a loop the reverse iteration computes
   * the names again, which pays only for a chain, where one name holds another ({@code _p1 = _p0 *
   * s + c}): a single level is read once by the reverse sweep either way.
   */
  private Expr value(Expr e, List<Stmt> out) {
    if (place == Place.OUTSIDE) {
      return expr(e, out);
    }
    List<Stmt> names = new ArrayList<>();
    Expr named = expr(e, names);
    Set<Var> made = new java.util.HashSet<>();
    boolean chain = false;
    for (Stmt n : names) {
      Stmt.Declare d = (Stmt.Declare) n;
      chain |= Walk.vars(d.init()).stream().anyMatch(made::contains);
      made.add(d.var());
    }
    if (!chain) {
      return e;
    }
    out.addAll(names);
    return named;
  }

  /** {@code e} with the intermediates the reverse sweep reads named by statements in {@code out}. */
  private Expr expr(Expr e, List<Stmt> out) {
    if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), expr(u.operand(), out), u.type());
    }
    if (e instanceof Expr.Cast c) {
      return new Expr.Cast(c.type(), expr(c.operand(), out));
    }
    if (e instanceof Expr.Call c && Hoist.isPure(c)) {
      List<Expr> args = new ArrayList<>();
      for (int k = 0; k < c.args().size(); k++) {
        Expr a = c.args().get(k);
        Expr named = expr(a, out);
        // Example: double _sin0 = Math.sin(x); (from: Math.sin(Math.sin(x)), whose partial is cos of it)
        boolean read = a.type().isFloating() && activity.isActive(e) && differ.readsArgument(c, k);
        args.add(read && dear(a) && worthNaming(a, named) ? name(named, out) : named);
      }
      return c.withArgs(args);
    }
    if (e instanceof Expr.GradCall g) {
      return new Expr.GradCall((Expr.DiffCall) expr(g.call(), out));
    }
    if (e instanceof Expr.DiffCall c) {
      List<Expr> args = new ArrayList<>();
      c.args().forEach(a -> args.add(expr(a, out)));
      return new Expr.DiffCall(c.callee(), args);
    }
    if (e instanceof Expr.NewArray n) {
      List<Expr> elements = new ArrayList<>();
      n.elements().forEach(x -> elements.add(expr(x, out)));
      return new Expr.NewArray(n.type(), n.dims(), elements);
    }
    if (e instanceof Expr.Binary b && b.type().isFloating() && !b.op().isComparison() && !b.op().isLogical()) {
      Expr l = expr(b.left(), out);
      Expr r = expr(b.right(), out);
      boolean leftActive = activity.isActive(b.left());
      boolean rightActive = activity.isActive(b.right());
      if (b.op() == Expr.Op.MUL) {
        // Example: double _p0 = 0.5 * s + 2.25; (from: (0.5 * s + 2.25) * s)
        l = rightActive && worthNaming(b.left(), l) ? name(l, out) : l;
        r = leftActive && worthNaming(b.right(), r) ? name(r, out) : r;
      } else if (b.op() == Expr.Op.DIV) {
        // The partial of l / r with respect to r reads both.
        r = (leftActive || rightActive) && worthNaming(b.right(), r) ? name(r, out) : r;
        l = rightActive && worthNaming(b.left(), l) ? name(l, out) : l;
      }
      return new Expr.Binary(b.op(), l, r, b.type());
    }
    return e;
  }

  /**
   * Whether an operand is costly to read again and may be named where this statement stands:
   * {@code original} as this pass found it (activity knows its variables), {@code e} with its own
   * intermediates named.
   */
  private boolean worthNaming(Expr original, Expr e) {
    Set<Var> reads = Walk.vars(e);
    if (!costly(original) || Exprs.isAtom(e) || reads.isEmpty()) {
      return false; // nor a constant such as Math.sqrt(2)
    }
    switch (place) {
      case OUTSIDE:
        return true;
      case LOOP_TOP:
        return callFree(e) && reads.stream().noneMatch(assignedLater::contains);
      default:
        return false;
    }
  }

  /**
   * Whether an argument holds a call or a division: read again by each partial of a nested call,
   * {@code sin(sin(sin(x)))}, it would make the gradient's code grow with the square of the depth.
   * A product read again costs a multiplication, which naming would not save.
   */
  private static boolean dear(Expr e) {
    boolean[] dear = {false};
    Walk.each(e, x -> dear[0] |= x instanceof Expr.Call || x instanceof Expr.DiffCall
        || (x instanceof Expr.Binary b && (b.op() == Expr.Op.DIV || b.op() == Expr.Op.REM)));
    return dear[0];
  }

  private static boolean callFree(Expr e) {
    boolean[] free = {true};
    Walk.each(e, x -> free[0] &= !(x instanceof Expr.Call || x instanceof Expr.DiffCall || x instanceof Expr.Foreign));
    return free[0];
  }

  /**
   * Whether reading {@code e} again would repeat a multiplication, a division or a call: scaling by
   * a constant or by a value with no derivative ({@code 0.5 * s}, {@code c[2] * x}), or a sum of
   * such terms, costs about what reading a local does.
   */
  boolean costly(Expr e) {
    if (e instanceof Expr.Call c) {
      return c.type().isFloating();
    }
    if (e instanceof Expr.Unary u) {
      return costly(u.operand());
    }
    if (e instanceof Expr.Cast c) {
      return c.operand().type().isFloating() && costly(c.operand());
    }
    if (e instanceof Expr.Binary b && b.type().isFloating()) {
      switch (b.op()) {
        case ADD:
        case SUB:
          return costly(b.left()) || costly(b.right());
        case MUL:
        case DIV:
        case REM:
          return !(scale(b.left()) || scale(b.right())) || costly(b.left()) || costly(b.right());
        default:
          return false;
      }
    }
    return false;
  }

  /** A factor that only scales: one load of something with no derivative ({@code -0.5}, {@code C.T[1]}, {@code k}). */
  private boolean scale(Expr e) {
    return Exprs.isAtom(e) && !activity.isActive(e);
  }

  private static Expr name(Expr value, List<Stmt> out) {
    String base = value instanceof Expr.Call c ? "_" + c.name() : "_p";
    Var temp = Var.temp(base, value.type());
    out.add(new Stmt.Declare(temp, value));
    return Exprs.ref(temp);
  }
}
