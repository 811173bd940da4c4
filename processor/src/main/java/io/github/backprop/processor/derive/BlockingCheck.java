package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
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
 * Whether {@link Blocking} may run several iterations of a fused loop side by side and give the
 * same results to the bit; and which of its statements run once for all of them.
 *
 * <p>It may where the iterations touch nothing in common but what they add into: each iteration
 * has its own locals, reads only what no iteration changes, and adds into a variable or array of
 * the method ({@code total +=}, {@code _d_w[j][k] +=}) that nothing in the loop reads. Each such
 * element must get at most one addition per iteration, at the same place of the loop nest for
 * every iteration: a scalar is added to outside any inner loop, an array element's indices include
 * the counter of every loop around the addition. Then, with the iterations side by side, every
 * element still adds the iterations' terms one by one in iteration order, as the loop does.
 *
 * <p>An inner loop or {@code if} whose header reads nothing of one iteration runs once for all
 * ("jammed"), its statements once per iteration inside. Everything else runs once per iteration
 * in turn. The tape's pushes and pops must sit in jammed code, so every iteration pushes at the
 * same places: the pops then run last iteration first. Calls are to pure functions only
 * ({@code Math}'s, not {@code random}). Where any of this fails, the loop is not blocked.
 */
final class BlockingCheck {
  /** The fused loop's counter, which starts at 0 and steps by 1. */
  final Var counter;
  /** The loop's bound: it runs while {@code counter < bound}. */
  final Expr bound;
  /** The variables each iteration needs its own copy of: the counter first. */
  final List<Var> own = new ArrayList<>();
  /** Those of {@link #own} declared before the loop: their copies are declared in the block. */
  final List<Var> outer = new ArrayList<>();
  /** The inner loops, {@code if}s and blocks that run once for all iterations side by side. */
  final Set<Stmt> jammed = Collections.newSetFromMap(new IdentityHashMap<>());

  private final Set<Var> declared = Tbr.identitySet();
  private final Set<Var> accumulators = Tbr.identitySet();
  private final Map<Var, Integer> additions = new IdentityHashMap<>();
  private final Set<Var> jammedCounters = Tbr.identitySet();
  private final Set<Var> fresh = Tbr.identitySet();
  private final GradientSites sites = new GradientSites();
  private boolean ok = true;
  /** Whether some inner loop runs once for all iterations: else blocking gains nothing. */
  private boolean anyJammedLoop;

  private BlockingCheck(Var counter, Expr bound) {
    this.counter = counter;
    this.bound = bound;
  }

  /**
   * The plan for blocking {@code loop}, or null where it cannot be blocked exactly or would gain
   * nothing (no inner loop to run once for all iterations side by side).
   *
   * @param perIteration the variables the source declares inside the loop, whatever the sweeps
   *     did with their declarations: a value of one left from an earlier iteration is never read
   */
  static BlockingCheck of(Stmt.Loop loop, Set<Var> perIteration) {
    if (!loop.testFirst()
        || loop.init().size() != 1
        || !(loop.init().get(0) instanceof Stmt.Declare d)
        || !d.var().type().equals(Type.INT)
        || !(d.init() instanceof Expr.Literal start)
        || !start.is(0)
        || !(loop.condition() instanceof Expr.Binary c)
        || c.op() != Expr.Op.LT
        || !(c.left() instanceof Expr.Ref r)
        || r.var() != d.var()
        || !isStep(loop.update(), d.var())) {
      return null;
    }
    BlockingCheck check = new BlockingCheck(d.var(), c.right());
    check.own.add(d.var());
    return check.run(loop, perIteration) ? check : null;
  }

  private boolean run(Stmt.Loop loop, Set<Var> perIteration) {
    List<Stmt> body = loop.body().statements();
    List<Var> written = new ArrayList<>();
    Set<Var> assigned = Tbr.identitySet();
    for (Stmt s : body) {
      Walk.each(s, x -> {
        Var v = x instanceof Stmt.Declare d ? d.var() : x instanceof Stmt.Assign a ? a.var()
            : x instanceof Stmt.Store st ? base(st.target()) : null;
        if (x instanceof Stmt.Declare && declared.add(v)) {
          written.add(v);
        } else if (v != null && !declared.contains(v) && assigned.add(v)) {
          written.add(v);
        }
        ok &= !(x instanceof Stmt.Store) || v != null;
      });
    }
    if (!ok || !pure(bound) || Walk.vars(bound).stream().anyMatch(v -> declared.contains(v) || assigned.contains(v))
        || assigned.contains(counter)) {
      return false;
    }
    for (Var v : written) {
      if (declared.contains(v)) {
        continue;
      }
      boolean primitive = !v.type().isArray() && (v.type().isNumeric() || v.type().equals(Type.BOOLEAN));
      if (perIteration.contains(v) && primitive) {
        outer.add(v);
      } else {
        accumulators.add(v); // checked below: only ever added into
      }
    }
    own.addAll(outer);
    for (Stmt s : body) {
      Walk.each(s, this::statement);
    }
    for (Stmt s : body) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Store st && declared.contains(base(st.target()))) {
          ok &= fresh.contains(base(st.target())); // else it may write through to another array
        }
      });
    }
    for (Var v : accumulators) {
      // Two places adding into one variable meet; into one array, GradientSites finds if they may.
      ok &= additions.getOrDefault(v, 0) == 1 || v.type().isArray() && additions.getOrDefault(v, 0) > 1;
      // An array added into is a parameter's gradient, whose rows are its own: another array
      // variable might share rows with it, and so elements.
      ok &= !v.type().isArray()
          || v.kind() == Var.Kind.ADJOINT && v.primal() != null && v.primal().kind() == Var.Kind.PARAM;
    }
    if (!ok) {
      return false;
    }
    walk(body, new ArrayList<>(), true);
    ok &= sites.apart();
    for (Var v : written) {
      if (declared.contains(v) && !jammedCounters.contains(v)) {
        own.add(v);
      }
    }
    return ok && anyJammedLoop;
  }

  /** Each statement on its own: what it may be, what it may read, what it adds into. */
  private void statement(Stmt s) {
    if (s instanceof Stmt.Declare d) {
      ok &= d.init() == null || pure(d.init()) && reads(d.init());
      if (d.var().type().isArray() && isFresh(d.init())) {
        fresh.add(d.var());
      }
    } else if (s instanceof Stmt.Assign a) {
      ok &= pure(a.value()) && reads(a.value());
      if (accumulators.contains(a.var())) {
        ok &= a.op() == Expr.Op.ADD || a.op() == Expr.Op.SUB;
        additions.merge(a.var(), 1, Integer::sum);
      } else if (a.var().type().isArray()) {
        fresh.remove(a.var()); // another array now: only one allocated here is the iteration's own
      }
    } else if (s instanceof Stmt.Store st) {
      Var base = base(st.target());
      ok &= pure(st.target()) && pure(st.value()) && reads(st.value()) && !st.value().type().isArray();
      for (Expr i : st.target().indices()) {
        ok &= reads(i);
      }
      if (accumulators.contains(base)) {
        ok &= st.op() == Expr.Op.ADD || st.op() == Expr.Op.SUB;
        additions.merge(base, 1, Integer::sum);
      }
    } else if (s instanceof Stmt.If f) {
      ok &= pure(f.condition()) && reads(f.condition());
    } else if (s instanceof Stmt.Loop l) {
      ok &= l.testFirst() && pure(l.condition()) && reads(l.condition());
    } else if (s instanceof Stmt.Push p) {
      ok &= pure(p.value()) && reads(p.value());
    } else if (s instanceof Stmt.Invoke i) {
      ok &= pure(i.expr()) && reads(i.expr());
    } else if (!(s instanceof Stmt.Block) && !(s instanceof Stmt.Comment)) {
      ok = false; // jumps, returns, throws and asserts: an iteration may end early
    }
  }

  /**
   * Statements in order, inside {@code loops}: which run once for all iterations ({@code jammed}
   * where every enclosing one does), and where each addition into an accumulator may sit.
   */
  private void walk(List<Stmt> stmts, List<Stmt.Loop> loops, boolean jam) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Loop l) {
        Var c = counterOf(l);
        boolean together = jam && c != null && shared(l);
        if (together) {
          jammed.add(l);
          jammedCounters.add(c);
          anyJammedLoop = true;
        } else if (jam) {
          ok &= !tapes(l); // each iteration in turn: its pops would not mirror its pushes
        }
        loops.add(l);
        walk(l.body().statements(), loops, together);
        loops.remove(loops.size() - 1);
      } else if (s instanceof Stmt.If f) {
        boolean together = jam && sharedExpr(f.condition());
        if (together) {
          jammed.add(f);
        } else if (jam) {
          ok &= !tapes(f);
        }
        walk(f.then().statements(), loops, together);
        if (f.otherwise() != null) {
          walk(f.otherwise().statements(), loops, together);
        }
      } else if (s instanceof Stmt.Block b) {
        if (jam) {
          jammed.add(b);
        }
        walk(b.statements(), loops, jam);
      } else if (s instanceof Stmt.Assign a && accumulators.contains(a.var())) {
        ok &= loops.isEmpty() && !tapes(a); // once per iteration, in iteration order
      } else if (s instanceof Stmt.Store st && accumulators.contains(base(st.target()))) {
        ok &= distinct(base(st.target()), st.target(), loops) && !tapes(st);
      }
    }
  }

  /**
   * Whether every loop around the addition has a counter that picks the element ({@link
   * GradientSites}): then each element gets at most one addition per iteration there, at the same
   * loop counters for all.
   */
  private boolean distinct(Var base, Expr.Index target, List<Stmt.Loop> loops) {
    List<Var> counters = new ArrayList<>();
    for (Stmt.Loop l : loops) {
      Var c = counterOf(l);
      if (c == null) {
        return false;
      }
      counters.add(c);
    }
    return sites.add(base, target, loops, counters);
  }

  /** A loop's counter: declared by its init, stepped by its update, assigned nowhere else. */
  private static Var counterOf(Stmt.Loop l) {
    if (l.init().size() != 1
        || !(l.init().get(0) instanceof Stmt.Declare d)
        || !d.var().type().equals(Type.INT)
        || l.update().size() != 1
        || !(l.update().get(0) instanceof Stmt.Assign a)
        || a.var() != d.var()
        || Walk.assigned(l.body()).contains(d.var())) {
      return null;
    }
    return d.var();
  }

  private static boolean isStep(List<Stmt> update, Var counter) {
    return update.size() == 1
        && update.get(0) instanceof Stmt.Assign a
        && a.var() == counter
        && a.op() == Expr.Op.ADD
        && a.value() instanceof Expr.Literal one
        && one.is(1);
  }

  /** Whether a loop's header reads nothing that differs between iterations. */
  private boolean shared(Stmt.Loop l) {
    Stmt.Declare d = (Stmt.Declare) l.init().get(0);
    Stmt.Assign a = (Stmt.Assign) l.update().get(0);
    Var c = d.var();
    jammedCounters.add(c); // its own condition and step read it
    boolean out = sharedExpr(d.init()) && sharedExpr(l.condition()) && sharedExpr(a.value());
    jammedCounters.remove(c);
    return out;
  }

  /** Whether {@code e} reads only what is the same for every iteration side by side. */
  private boolean sharedExpr(Expr e) {
    for (Var v : Walk.vars(e)) {
      if (v == counter || (declared.contains(v) && !jammedCounters.contains(v)) || outer.contains(v)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} pushes or pops a tape. */
  static boolean tapes(Stmt s) {
    boolean[] found = {false};
    Walk.each(s, x -> {
      found[0] |= x instanceof Stmt.Push;
      Walk.eachExpr(x, e -> found[0] |= e instanceof Expr.Pop);
    });
    return found[0];
  }

  /** Whether {@code e} reads no accumulator: its value would depend on the order of additions. */
  private boolean reads(Expr e) {
    return Walk.vars(e).stream().noneMatch(accumulators::contains);
  }

  /** The variable holding the outermost array of {@code m[i][j]}, or null if not a variable. */
  private static Var base(Expr.Index target) {
    Expr a = target.array();
    while (a instanceof Expr.Index i) {
      a = i.array();
    }
    return a instanceof Expr.Ref r ? r.var() : null;
  }

  /** An array this iteration allocates: new, holding no other arrays. */
  private static boolean isFresh(Expr init) {
    return init instanceof Expr.NewArray n && n.elements().stream().noneMatch(x -> x.type().isArray());
  }

  /**
   * Whether evaluating {@code e} changes nothing and gives the same value whenever it runs: no
   * calls but {@code Math}'s functions.
   */
  static boolean pure(Expr e) {
    boolean[] ok = {true};
    Walk.each(e, x -> ok[0] &= x instanceof Expr.Call c
        ? c.owner().isMath() && !c.onObject() && !c.name().equals("random")
        : x instanceof Expr.Literal || x instanceof Expr.Ref || x instanceof Expr.Constant
            || x instanceof Expr.Unary || x instanceof Expr.Binary || x instanceof Expr.Conditional
            || x instanceof Expr.Cast || x instanceof Expr.Index || x instanceof Expr.Length
            || x instanceof Expr.NewArray || x instanceof Expr.Pop);
    return ok[0];
  }
}
