package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TryShape;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse sweep: the statements last to first, loops by their indices run back or by a count
 * of their iterations, putting back what {@link Saves} says the forward sweep saved, with {@link
 * Adjoints} deciding where each adjoint is declared.
 */
final class AdjointSweep {
  private final Adjoints adjoints;
  private final Activity activity;
  private final ChainSteps steps;
  private final Saves saves;
  private final Tbr tbr;
  private final Tapes tapes;
  private final Checkpointing checkpointing;
  private final Map<Stmt, String> sources;
  /** The loop whose reverse iterations run at the end of its own, or null. */
  private final Stmt.Loop fused;

  AdjointSweep(
      Adjoints adjoints, Activity activity, ChainSteps steps, Saves saves, Tbr tbr, Tapes tapes,
      Checkpointing checkpointing, Map<Stmt, String> sources, Stmt.Loop fused) {
    this.adjoints = adjoints;
    this.activity = activity;
    this.steps = steps;
    this.saves = saves;
    this.tbr = tbr;
    this.tapes = tapes;
    this.checkpointing = checkpointing;
    this.sources = sources;
    this.fused = fused;
    this.rows = new RowAdjoints(tbr.aliases(), live, adjoints::of);
  }

  /** {@code double[] _d_a = new double[a.length];}, or zeros shaped like a two-dimensional one. */
  Stmt allocate(Var array) {
    Var d = adjoints.of(array);
    adjoints.declareArray(array);
    Stmt out = new Stmt.Declare(d, adjointOf(array));
    if (tbr.aliases().isRebound(array)) {
      live.add(array);
    }
    return out;
  }

  /**
   * The adjoint array of the array {@code array} refers to now: that of another name in scope that
   * refers to the same array, else new zeros shaped like it, where nothing has added to it yet.
   */
  // Example: _d_cur = cur == tmp ? _d_tmp : cur == next ? _d_next : new double[cur.length];
  private Expr adjointOf(Var array) {
    // Where rows of a matrix may be this array: the adjoint of the name that holds it, or zeros.
    Expr rows = array.type().dims() == 1 ? this.rows.of(Exprs.ref(array), array, null, null) : this.rows.zerosLike(array);
    if (rows != null) {
      return rows;
    }
    Expr out =
        array.type().dims() == 1
            ? new Expr.NewArray(array.type(), List.of(new Expr.Length(Exprs.ref(array))), List.of())
            : new Expr.Call(Owner.ADJOINT, "zerosLike", List.of(Exprs.ref(array)), array.type());
    List<Var> others = new ArrayList<>(tbr.aliases().classOf(array));
    java.util.Collections.reverse(others);
    for (Var other : others) {
      if (other != array && live.contains(other) && other.type().equals(array.type())) {
        out = new Expr.Conditional(
            new Expr.Binary(Expr.Op.EQ, Exprs.ref(array), Exprs.ref(other), Type.BOOLEAN),
            Exprs.ref(adjoints.of(other)), out, array.type());
      }
    }
    if (tbr.aliases().mayBeNull(array)) {
      // Example: _d_k1 = k1 == null ? null : new double[k1.length];  (double[] k1; given arrays later)
      Expr none = new Expr.Literal(null, array.type());
      out = new Expr.Conditional(new Expr.Binary(Expr.Op.EQ, Exprs.ref(array), none, Type.BOOLEAN), none, out, array.type());
    }
    return out;
  }

  /**
   * The rebound array variables in scope at the point the reverse sweep has reached, each with
   * its adjoint array declared: those the reverse sweep may find an array's adjoint under.
   */
  private final Set<Var> live = Tbr.identitySet();

  private final RowAdjoints rows;

  /** The reverse of {@code stmts}, last first, into {@code frame}. */
  void reverse(List<Stmt> stmts, Adjoints.Frame frame) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Declare d) {
        adjoints.home(d.var(), frame);
        if (d.var().type().isArray() && activity.isActive(d.var()) && !adjoints.isDeclared(d.var())) {
          // Example: double[] _d_h = new double[h.length];
          frame.out.add(allocate(d.var()));
        }
      }
    }
    for (int i = stmts.size() - 1; i >= 0; i--) {
      Stmt s = stmts.get(i);
      int mark = frame.out.size();
      if (s instanceof Stmt.Declare d) {
        if (steps.has(s) && !Exprs.isZero(adjoints.value(d.var()))) {
          emit(steps.get(s), frame);
        }
        Stmt restore = saves.restores.get(s);
        if (restore != null) {
          frame.out.add(restore);
        }
        live.remove(d.var()); // not declared yet where the forward sweep is before this
      } else if (s instanceof Stmt.Assign a) {
        reverseAssign(a, frame);
      } else if (s instanceof Stmt.Store st) {
        reverseStore(st, frame);
      } else if (s instanceof Stmt.Return) {
        emit(steps.get(s), frame);
      } else if (s instanceof Stmt.If f) {
        reverseIf(f, frame);
        continue;
      } else if (s instanceof Stmt.Loop l) {
        reverseLoop(l, frame);
        continue;
      }
      String source = sources.get(s);
      if (frame.out.size() > mark && source != null) {
        frame.out.add(mark, new Stmt.Comment("grad of: " + source));
      }
    }
  }

  private void reverseAssign(Stmt.Assign a, Adjoints.Frame frame) {
    Stmt restore = saves.restores.get(a);
    if (a.var().type().isArray()) {
      // x = new double[] {u, v}: the elements' adjoints; then x refers to its old array again.
      List<Step> own = steps.get(a);
      if (own != null) {
        emit(own, frame);
      }
      if (restore != null) {
        frame.out.add(restore);
      }
      if (live.contains(a.var())) {
        // Example: cur = (double[]) _objects.pop(); _d_cur = cur == tmp ? _d_tmp : new double[cur.length];
        frame.out.add(new Stmt.Assign(adjoints.of(a.var()), null, adjointOf(a.var())));
      }
      return;
    }
    boolean self = ChainSteps.isSelf(a);
    if (restore != null && self) {
      frame.out.add(restore);
    }
    List<Step> own = steps.get(a);
    if (own != null && !Exprs.isZero(adjoints.value(a.var()))) {
      Var copy = steps.selfAdjoint(a);
      if (copy != null && own.stream().anyMatch(st -> st instanceof Step.Branch)) {
        // Example: double _r0 = _d_x; if (c) { _d_x = 2 * _r0; } else { _d_x = 0.0; }
        frame.out.add(new Stmt.Declare(copy, Exprs.ref(adjoints.of(a.var()))));
        adjoints.clear(a.var());
        emit(own, frame);
      } else if (copy != null) {
        // Example: _d_y += _d_x * x; _d_x *= y;
        adjoints.defer(a.var());
        emit(substitute(own, copy, adjoints.of(a.var())), frame);
        adjoints.settle(a.var(), frame);
      } else {
        emit(own, frame);
        adjoints.clear(a.var());
      }
    }
    if (restore != null && !self) {
      frame.out.add(restore);
    }
  }

  private void reverseStore(Stmt.Store st, Adjoints.Frame frame) {
    Stmt restore = saves.restores.get(st);
    List<Step> own = steps.of(st);
    boolean first = restore != null && tbr.readsOld(st);
    Var m = st.target().base();
    boolean row = restore != null && st.target().type().isArray() && tbr.aliases().hasRowsGiven(m) && activity.isActive(m);
    Var given = null;
    if (row && readsRowsOf(st.value(), m)) {
      // m[i] = m[j] with j == i gives m[i] its own array: then its adjoint row stays.
      given = Var.temp("_row", st.target().type());
      frame.out.add(new Stmt.Declare(given, st.target()));
    }
    if (first) {
      frame.out.add(restore);
    }
    emit(own, frame);
    if (restore != null && !first) {
      frame.out.add(restore);
    }
    if (row) {
      // Example: m[1] = (double[]) _objects.pop(); _d_m[1] = m[1] == swap ? _d_swap : Rows.of(m[1], m, _d_m, 1);
      Expr.Index d = new Expr.Index(Exprs.ref(adjoints.of(m)), st.target().index(), st.target().type());
      Expr adjoint = rows.of(st.target(), null, m, st.target().index());
      if (given != null) {
        adjoint = new Expr.Conditional(
            new Expr.Binary(Expr.Op.EQ, st.target(), Exprs.ref(given), Type.BOOLEAN), d, adjoint, d.type());
      }
      frame.out.add(new Stmt.Store(d, null, adjoint));
    }
  }

  /** Whether {@code value} may be a row of {@code m}: {@code m[j]}, or a choice with one. */
  private static boolean readsRowsOf(Expr value, Var m) {
    boolean[] found = {false};
    Walk.each(value, e -> found[0] |= e instanceof Expr.Index i && i.type().isArray() && i.base() == m);
    return found[0];
  }

  private void reverseIf(Stmt.If f, Adjoints.Frame frame) {
    Expr condition = saves.conditions.get(f);
    if (condition == null) {
      return;
    }
    if (TryShape.of(f) != null && !TryShape.of(f).restores()) {
      reverse(f.then().statements(), frame);
      return;
    }
    Adjoints.Frame then = new Adjoints.Frame(frame);
    Adjoints.Frame otherwise = new Adjoints.Frame(frame);
    Object before = adjoints.snapshot();
    reverse(f.then().statements(), then);
    Object afterThen = adjoints.snapshot();
    adjoints.restore(before);
    reverse(f.otherwise().statements(), otherwise);
    adjoints.join(then, afterThen, otherwise);
    close(condition, then, otherwise, frame);
  }

  /**
   * The loop's iterations, last first: a counted loop runs its indices back; any other loop runs
   * as many times as the forward sweep counted. Adjoints the body passes on across iterations
   * are declared before the loop.
   */
  private void reverseLoop(Stmt.Loop l, Adjoints.Frame frame) {
    if (!tbr.hasReverse(l)) {
      return;
    }
    Adjoints.Frame body = reverseIteration(l, frame);
    Set<Var> carried = carried(l);
    Counted counted = tbr.counted(l);
    Var counter = saves.counters.get(l);
    if (counter != null && saves.poppedCounters.contains(l)) {
      // Example: long _n1 = _longs.pop();
      frame.out.add(new Stmt.Declare(counter, tapes.popCount(counter)));
    }
    frame.out.addAll(frame.pending);
    frame.pending.clear();
    boolean work = body.out.size() > tbr.recomputed(l).size();
    if (work) {
      Stmt.Loop loop =
          counted != null
              ? counted.reverse(body.out)
              // Example: for (; _n0 > 0; _n0--) { ... }
              : new Stmt.Loop(
                  null,
                  List.of(),
                  new Expr.Binary(Expr.Op.GT, Exprs.ref(counter), Expr.Literal.ofInt(0), Type.BOOLEAN),
                  List.of(new Stmt.Assign(counter, Expr.Op.SUB, Expr.Literal.ofInt(1))),
                  new Stmt.Block(body.out),
                  true);
      String source = sources.get(l);
      if (source != null) {
        frame.out.add(new Stmt.Comment("grad of: " + source));
      }
      Checkpointing.Plan plan = checkpointing.plan(l);
      frame.out.add(plan != null && plan.taped != null ? checkpointing.reverse(plan, l, loop) : loop);
    }
    adjoints.leaveLoop(carried);
    reverse(l.init(), frame);
  }

  /** The reverse of one iteration of {@code l}, last statement first, in a frame of its own. */
  Adjoints.Frame reverseIteration(Stmt.Loop l, Adjoints.Frame frame) {
    for (Stmt s : l.init()) {
      if (s instanceof Stmt.Declare d) {
        adjoints.home(d.var(), frame);
      }
    }
    Set<Var> carried = carried(l);
    adjoints.enterLoop(carried, frame);
    Adjoints.Frame body = new Adjoints.Frame(frame);
    if (tbr.counted(l) == null) {
      // First, as the locals computed again below read what the iteration started with.
      reverse(l.update(), body);
    }
    for (Stmt.Declare d : tbr.recomputed(l)) {
      // Example: double t = x[i + 1] - x[i] * x[i];  (again, instead of a tape)
      body.out.add(new Stmt.Declare(d.var(), d.init()));
    }
    reverse(l.body().statements(), body);
    adjoints.endIteration(carried, body);
    if (l == fused) {
      frame.out.addAll(frame.pending);
      frame.pending.clear();
    }
    return body;
  }

  /**
   * The variables declared outside {@code l} whose adjoints its reverse body passes on or
   * restarts: they carry over from one reverse iteration to the next.
   */
  private Set<Var> carried(Stmt.Loop l) {
    Set<Var> inside = Tbr.identitySet();
    Walk.each(l.body(), s -> {
      if (s instanceof Stmt.Declare d) {
        inside.add(d.var());
      }
    });
    Set<Var> out = new LinkedHashSet<>();
    Walk.each(
        l,
        s -> {
          updated(steps.of(s), out);
          if (s instanceof Stmt.Assign a && activity.isActive(a.var())) {
            out.add(a.var());
          }
        });
    out.removeIf(v -> inside.contains(v) || v.type().isArray());
    return out;
  }

  private static void updated(List<Step> list, Set<Var> out) {
    for (Step s : list) {
      if (s instanceof Step.Update u) {
        out.add(u.var());
      } else if (s instanceof Step.Branch b) {
        updated(b.then(), out);
        updated(b.otherwise(), out);
      }
    }
  }

  private void emit(List<Step> list, Adjoints.Frame frame) {
    for (Step s : list) {
      if (s instanceof Step.Temp t) {
        frame.out.add(new Stmt.Declare(t.var(), t.value()));
      } else if (s instanceof Step.Update u) {
        adjoints.add(u.var(), u.delta(), frame);
      } else if (s instanceof Step.UpdateElement u) {
        frame.out.add(new Stmt.Store(u.target(), Expr.Op.ADD, u.delta()));
      } else if (s instanceof Step.ClearElement c) {
        frame.out.add(new Stmt.Store(c.target(), null, Exprs.ZERO));
      } else if (s instanceof Step.SetElement c) {
        frame.out.add(new Stmt.Store(c.target(), null, c.value()));
      } else if (s instanceof Step.AddArray a) {
        frame.out.add(
            new Stmt.Invoke(
                new Expr.Call(Owner.ADJOINT, "addTo", List.of(a.target(), a.scale(), a.source()), Type.VOID)));
      } else if (s instanceof Step.Branch b) {
        Adjoints.Frame then = new Adjoints.Frame(frame);
        Adjoints.Frame otherwise = new Adjoints.Frame(frame);
        Object before = adjoints.snapshot();
        emit(b.then(), then);
        Object afterThen = adjoints.snapshot();
        adjoints.restore(before);
        emit(b.otherwise(), otherwise);
        adjoints.join(then, afterThen, otherwise);
        close(b.condition(), then, otherwise, frame);
      }
    }
  }

  /** Appends {@code if (c) {then} else {otherwise}}, dropping empty branches. */
  private static void close(Expr c, Adjoints.Frame then, Adjoints.Frame otherwise, Adjoints.Frame frame) {
    for (Stmt p : frame.pending) {
      Stmt.Declare d = (Stmt.Declare) p;
      // Example: double _d_y; if (c) { _d_y = x; } else { _d_y = Math.cos(y); }
      boolean assignedByBoth = assignsFirst(then.out, d.var()) && assignsFirst(otherwise.out, d.var());
      frame.out.add(assignedByBoth ? new Stmt.Declare(d.var(), null) : d);
    }
    frame.pending.clear();
    if (then.out.isEmpty() && otherwise.out.isEmpty()) {
      if (containsPop(c)) {
        frame.out.add(new Stmt.Invoke(c)); // the flag was pushed; take it off all the same
      }
      return;
    }
    if (then.out.isEmpty()) {
      frame.out.add(
          new Stmt.If(
              Exprs.not(c),
              new Stmt.Block(otherwise.out),
              new Stmt.Block(List.of())));
      return;
    }
    frame.out.add(new Stmt.If(c, new Stmt.Block(then.out), new Stmt.Block(otherwise.out)));
  }

  private static boolean containsPop(Expr e) {
    boolean[] found = {false};
    Walk.each(e, x -> found[0] |= x instanceof Expr.Pop);
    return found[0];
  }

  /** Whether {@code v} is assigned, not read, by the first of {@code stmts} that mentions it. */
  private static boolean assignsFirst(List<Stmt> stmts, Var v) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Assign a && a.var() == v) {
        return a.op() == null && !Walk.vars(a.value()).contains(v);
      }
      if (s instanceof Stmt.If f && mentions(f, v)) {
        return !Walk.vars(f.condition()).contains(v)
            && assignsFirst(f.then().statements(), v)
            && assignsFirst(f.otherwise().statements(), v);
      }
      if (mentions(s, v)) {
        return false;
      }
    }
    return false;
  }

  private static boolean mentions(Stmt s, Var v) {
    boolean[] found = {false};
    Walk.each(
        s,
        x -> {
          for (Expr e : Walk.exprs(x)) {
            found[0] |= Walk.vars(e).contains(v);
          }
          found[0] |= Walk.assigned(x).contains(v);
        });
    return found[0];
  }

  /** The steps with adjoint {@code from} read as {@code to}. */
  private static List<Step> substitute(List<Step> list, Var from, Var to) {
    List<Step> out = new ArrayList<>();
    for (Step s : list) {
      if (s instanceof Step.Temp t) {
        out.add(new Step.Temp(t.var(), Substitute.of(t.value(), from, to)));
      } else if (s instanceof Step.Update u) {
        out.add(new Step.Update(u.var(), Substitute.of(u.delta(), from, to)));
      } else if (s instanceof Step.UpdateElement u) {
        out.add(new Step.UpdateElement(u.target(), Substitute.of(u.delta(), from, to)));
      } else if (s instanceof Step.AddArray a) {
        out.add(new Step.AddArray(a.target(), Substitute.of(a.scale(), from, to), a.source()));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
