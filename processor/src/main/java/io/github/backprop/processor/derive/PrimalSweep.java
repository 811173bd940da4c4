package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TryShape;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forward sweep of reverse mode: the primal statements, saving a value before it is
 * overwritten only where the reverse sweep reads the old one (in a temporary, or inside a loop on
 * a tape), and writing into {@link Saves} how the reverse sweep gets each back.
 */
final class PrimalSweep {
  private final ChainSteps steps;
  private final Tbr tbr;
  private final Tapes tapes;
  private final Checkpointing checkpointing;
  private final Map<Stmt, String> sources;
  private final Var value;
  /** The loop whose reverse iterations run at the end of its own, or null. */
  private final Stmt.Loop fused;
  private final Saves saves;

  PrimalSweep(
      ChainSteps steps, Tbr tbr, Tapes tapes, Checkpointing checkpointing, Map<Stmt, String> sources, Var value,
      Stmt.Loop fused, Saves saves) {
    this.steps = steps;
    this.tbr = tbr;
    this.tapes = tapes;
    this.checkpointing = checkpointing;
    this.sources = sources;
    this.value = value;
    this.fused = fused;
    this.saves = saves;
  }

  /** The forward sweep of a method body. */
  List<Stmt> run(List<Stmt> body) {
    return forward(body, Tbr.identitySet(), 0, 0);
  }

  /**
   * @param pending the variables whose current values the reverse code of earlier statements
   *     reads: one of them must be saved before it is overwritten. Updated as {@code stmts} runs:
   *     an assignment starts a value that nothing has read yet.
   * @param depth how deeply {@code stmts} is nested in blocks of the method
   * @param loops how many loops {@code stmts} is inside: there, saves go on a tape
   */
  private List<Stmt> forward(List<Stmt> stmts, Set<Var> pending, int depth, int loops) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Declare d) {
        forwardDeclare(d, pending, depth, loops, out);
        pending.remove(d.var());
        pending.remove(tbr.reference(d.var()));
      } else if (s instanceof Stmt.Assign a) {
        List<Step> own = steps.of(a);
        boolean self = ChainSteps.isSelf(a);
        // The result is assigned once a call, by the return that ends it: never saved, so the
        // reverse sweep cannot put an older value back into it.
        boolean once = a.var() == value;
        boolean undone = false;
        // x = y on arrays: the reverse sweep gives x back the array it referred to before.
        boolean rebound = tbr.isRebound(a.var());
        if (!once && (pending.contains(a.var()) || rebound || (self && Tbr.reads(own).contains(a.var())))) {
          Invertible inverse = loops > 0 ? Invertible.of(a) : null;
          if (inverse != null) {
            // Example: i += 2;  →  reverse: i -= 2;
            saves.restores.put(a, inverse.undo());
            undone = true;
          } else {
            saves.restores.put(a, new Stmt.Assign(a.var(), null, save(a.var(), depth, loops, out)));
          }
        }
        out.add(a);
        if (!undone) {
          // The undo i -= 2 reads the value i += 2 left: a later overwrite must still save it.
          pending.remove(a.var());
        }
        pending.addAll(tbr.liveReadsOf(a));
        continue;
      } else if (s instanceof Stmt.Store st) {
        Var base = st.target().base();
        boolean shared = !tbr.aliases().isUnshared(st) && tbr.aliases().anyShares(pending, base);
        if (pending.contains(base) || shared || tbr.readsOld(st)) {
          saves.restores.put(st, new Stmt.Store(st.target(), null, saveElement(st.target(), depth, loops, out)));
        }
        out.add(st);
      } else if (s instanceof Stmt.Return r) {
        if (depth == 0 && !saves.valueDeclared) {
          out.add(new Stmt.Declare(value, r.value()));
        } else {
          if (!saves.valueDeclared) {
            saves.declarations.add(new Stmt.Declare(value, null));
          }
          out.add(new Stmt.Assign(value, null, r.value()));
        }
        saves.valueDeclared = true;
      } else if (s instanceof Stmt.If f) {
        forwardIf(f, pending, depth, loops, out);
        continue;
      } else if (s instanceof Stmt.Loop l) {
        forwardLoop(l, pending, depth, loops, out);
        continue;
      } else {
        out.add(s);
      }
      pending.addAll(tbr.liveReadsOf(s));
    }
    return out;
  }

  private void forwardDeclare(Stmt.Declare d, Set<Var> pending, int depth, int loops, List<Stmt> out) {
    Var v = d.var();
    if (d.init() == null && tbr.isRebound(v)) {
      // double[] k1;  given arrays in a loop: the reverse sweep reads it after the loop all the same.
      d = new Stmt.Declare(v, new Expr.Literal(null, v.type()));
    }
    if (v == value) {
      saves.valueDeclared = true;
      out.add(d);
    } else if (depth > 0 && tbr.readsVariable(v) && !tbr.isRecomputed(v) && !tbr.isCountedIndex(v)
        && !(fused != null && fused.body().statements().contains(d))) {
      // Example: double y = 0.0; ... if (c) { y = x * x; } ... if (c) { _d_x += 2 * y; }
      saves.declarations.add(new Stmt.Declare(v, defaultValue(v)));
      boolean rebound = tbr.isRebound(v);
      if (loops > 0 && (pending.contains(v) || pending.contains(tbr.reference(v)) || rebound)) {
        // Each iteration declares it again; the reverse of the iteration before needs the old one.
        saves.restores.put(d, new Stmt.Assign(v, null, save(v, depth, loops, out)));
      }
      if (d.init() != null) {
        out.add(new Stmt.Assign(v, null, d.init()));
      }
    } else {
      out.add(d);
    }
  }

  /** Saves {@code v}'s current value; returns what gives it back in the reverse sweep. */
  private Expr save(Var v, int depth, int loops, List<Stmt> out) {
    if (loops > 0) {
      // Example: _doubles.push(x); x = x * y;  →  reverse: x = _doubles.pop();
      out.add(tapes.push(Exprs.ref(v), v));
      return tapes.pop(v);
    }
    // Example: double _t0 = x; x = x * y;
    Var temp = v.kind() == Var.Kind.RECORD ? Var.record("_t", v.recordType(), v.type()) : Var.temp("_t", v.type());
    declare(temp, Exprs.ref(v), depth, out);
    return Exprs.ref(temp);
  }

  private Expr saveElement(Expr.Index element, int depth, int loops, List<Stmt> out) {
    if (loops > 0) {
      out.add(tapes.pushElement(element));
      return tapes.popElement(element);
    }
    Var temp = Var.temp("_t", element.type());
    declare(temp, element, depth, out);
    return Exprs.ref(temp);
  }

  private void forwardIf(Stmt.If f, Set<Var> pending, int depth, int loops, List<Stmt> out) {
    Set<Var> afterThen = copy(pending);
    Set<Var> afterElse = copy(pending);
    List<Stmt> then = forward(f.then().statements(), afterThen, depth + 1, loops);
    List<Stmt> otherwise = forward(f.otherwise().statements(), afterElse, depth + 1, loops);
    pending.addAll(afterThen);
    pending.addAll(afterElse);
    if (tbr.hasReverse(f) && !Tbr.needsFlag(f)) {
      // The reverse sweep evaluates the condition again, after everything that follows.
      pending.addAll(Walk.vars(f.condition()));
    }
    Expr condition = f.condition();
    Stmt pushAfter = null;
    if (TryShape.of(f) != null) {
      forwardTry(f, then, otherwise, depth, loops, out);
      return;
    }
    if (tbr.hasReverse(f)) {
      Expr reverse = condition;
      if (Tbr.needsFlag(f)) {
        // Example: boolean _c0 = x > y; if (_c0) { x = ...; }
        Var flag = Var.temp("_c", Type.BOOLEAN);
        if (loops > 0) {
          // Example: boolean _c0 = x > y; if (_c0) { ... } _booleans.push(_c0);
          //          →  reverse: if (_booleans.pop())
          // Pushed after the branches, which push their own: the reverse pops this one first.
          out.add(new Stmt.Declare(flag, condition));
          pushAfter = tapes.push(Exprs.ref(flag), flag);
          reverse = tapes.pop(flag);
        } else {
          declare(flag, condition, depth, out);
          reverse = Exprs.ref(flag);
        }
        condition = Exprs.ref(flag);
      }
      saves.conditions.put(f, reverse);
    }
    out.add(new Stmt.If(condition, new Stmt.Block(then), new Stmt.Block(otherwise)));
    if (pushAfter != null) {
      out.add(pushAfter);
    }
  }

  /**
   * A try statement ({@link TryShape}): the flag cannot be known before the try block runs, so it
   * starts false and the try block's last statement sets it.
   */
  // Example: boolean _c0 = false; try { ...; _c0 = true; } catch (E _caught0) { ... }
  //          →  reverse: if (_c0) { <try block> } else { <catch> }
  private void forwardTry(Stmt.If f, List<Stmt> then, List<Stmt> otherwise, int depth, int loops, List<Stmt> out) {
    Stmt pushAfter = null;
    if (tbr.hasReverse(f) && !TryShape.of(f).restores()) {
      // No catch completes: where the reverse sweep runs at all, the try block ran to its end.
      saves.conditions.put(f, new Expr.Literal(true, Type.BOOLEAN));
    } else if (tbr.hasReverse(f)) {
      Var flag = Var.temp("_c", Type.BOOLEAN);
      Expr no = new Expr.Literal(false, Type.BOOLEAN);
      Expr reverse;
      if (loops > 0) {
        out.add(new Stmt.Declare(flag, no));
        pushAfter = tapes.push(Exprs.ref(flag), flag);
        reverse = tapes.pop(flag);
      } else {
        declare(flag, no, depth, out);
        reverse = Exprs.ref(flag);
      }
      then = new ArrayList<>(then);
      then.add(new Stmt.Assign(flag, null, new Expr.Literal(true, Type.BOOLEAN)));
      saves.conditions.put(f, reverse);
    }
    Stmt.If done = new Stmt.If(f.condition(), new Stmt.Block(then), new Stmt.Block(otherwise));
    sources.put(done, sources.get(f));
    out.add(done);
    if (pushAfter != null) {
      out.add(pushAfter);
    }
  }

  private void forwardLoop(Stmt.Loop l, Set<Var> pending, int depth, int loops, List<Stmt> out) {
    if (!tbr.hasReverse(l)) {
      out.add(l);
      return;
    }
    Checkpointing.Plan plan = checkpointing.plan(l);
    if (plan != null && plan.taped == null && l != fused) {
      // The tape's forward sweep runs in the reverse sweep, one turn at a time.
      plan.taped = new ArrayList<>();
      forwardLoop(l, pending, depth, loops, plan.taped);
      out.addAll(checkpointing.forward(plan, l));
      return;
    }
    Counted counted = tbr.counted(l);
    if (l == fused) {
      // Each iteration's reverse runs at its end: nothing carries over to be saved.
      List<Stmt> body = forward(l.body().statements(), copy(pending), depth + 1, loops + 1);
      saves.fusedForward = new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(), new Stmt.Block(body), l.testFirst());
      out.add(saves.fusedForward);
      pending.addAll(tbr.liveReadsOf(l));
      return;
    }
    List<Stmt> init = counted != null ? l.init() : forward(l.init(), pending, depth + 1, loops);
    // From the second iteration on, what any statement of the loop reads comes before; but not
    // the elements of an array each iteration touches only at its own index.
    Set<Var> carried = tbr.liveReadsOf(l);
    Set<Var> inside = copy(pending);
    Set<Var> own = tbr.ownElements(l);
    carried.removeIf(v -> own.contains(v) && !pending.contains(v));
    inside.addAll(carried);
    pending.addAll(tbr.liveReadsOf(l));
    List<Stmt> body = forward(l.body().statements(), inside, depth + 1, loops + 1);
    List<Stmt> update = counted != null ? l.update() : forward(l.update(), inside, depth + 1, loops + 1);
    Var counter = null;
    if (counted == null) {
      // Example: long _n0 = 0; while (x > 1) { ...; _n0++; }  (a long: trip counts of any size)
      counter = Var.temp("_n", Type.LONG);
      saves.counters.put(l, counter);
      if (loops == 0 && depth > 0) {
        saves.declarations.add(new Stmt.Declare(counter, Expr.Literal.ofInt(0)));
      } else {
        out.add(new Stmt.Declare(counter, Expr.Literal.ofInt(0)));
      }
      body.add(new Stmt.Assign(counter, Expr.Op.ADD, Expr.Literal.ofInt(1)));
    }
    Stmt.Loop done = new Stmt.Loop(l.id(), init, l.condition(), update, new Stmt.Block(body), l.testFirst());
    sources.put(done, sources.get(l));
    out.add(done);
    if (counter != null && loops > 0) {
      // The reverse of the enclosing iteration needs this count back.
      out.add(tapes.pushCount(counter));
      saves.poppedCounters.add(l);
    }
  }

  /** Declares a generated variable where it is computed, or first at depth 0 if nested. */
  private void declare(Var v, Expr init, int depth, List<Stmt> out) {
    if (depth == 0) {
      out.add(new Stmt.Declare(v, init));
    } else {
      saves.declarations.add(new Stmt.Declare(v, defaultValue(v)));
      out.add(new Stmt.Assign(v, null, init));
    }
  }

  private static Expr defaultValue(Var v) {
    Type type = v.type();
    if (v.kind() == Var.Kind.RECORD || type.isArray()) {
      return new Expr.Literal(null, type);
    }
    return Exprs.zeroOf(type); // a String or an enum starts null
  }

  private static Set<Var> copy(Set<Var> s) {
    Set<Var> c = Tbr.identitySet();
    c.addAll(s);
    return c;
  }
}
