package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes adjoint updates into the reverse sweep, tracking which adjoints are known to be zero so
 * that an adjoint is declared at its first write ({@code double _d_x = g;}), never zeroed and then
 * only assigned, and a zero adjoint is never read.
 */
final class Adjoints {
  /** A block of the reverse sweep under construction. */
  static final class Frame {
    final Frame parent;
    final List<Stmt> out = new ArrayList<>();
    /** Declarations that must precede the statement this frame is building. */
    final List<Stmt> pending = new ArrayList<>();

    Frame(Frame parent) {
      this.parent = parent;
    }

    boolean isWithin(Frame other) {
      for (Frame f = this; f != null; f = f.parent) {
        if (f == other) {
          return true;
        }
      }
      return false;
    }
  }

  /** What is known of one adjoint at the current point of the reverse sweep. */
  private static final class State {
    /** The adjoint's value is zero. */
    boolean zero = true;
    /** Zero in meaning, but its variable still holds an old value. */
    boolean stale;

    State copy() {
      State s = new State();
      s.zero = zero;
      s.stale = stale;
      return s;
    }
  }

  private final Map<Var, Var> adjoint;
  private final Map<Var, Frame> home = new IdentityHashMap<>();
  /** Declared adjoints; not per branch, as a declaration serves every branch after it. */
  private final java.util.Set<Var> declared = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private Map<Var, State> states = new LinkedHashMap<>();
  private Var deferred;
  private final List<Expr> deferredTerms = new ArrayList<>();

  Adjoints() {
    adjoint = new IdentityHashMap<>();
  }

  /** Adjoints that start again from none declared, under the names {@code names} gave. */
  Adjoints(Adjoints names) {
    adjoint = names.adjoint;
  }

  /** The adjoint variable of {@code v}. */
  Var of(Var v) {
    return adjoint.computeIfAbsent(v, Var::adjointOf);
  }

  /** Declares that {@code v}'s adjoint lives in {@code frame}, the mirror of v's block. */
  void home(Var v, Frame frame) {
    home.put(v, frame);
  }

  private State state(Var v) {
    return states.computeIfAbsent(v, k -> new State());
  }

  /** The adjoint of {@code v} as an expression: zero when it is known to be zero. */
  Expr value(Var v) {
    State s = states.get(v);
    return s == null || !declared.contains(v) || s.zero ? Exprs.ZERO : Exprs.ref(of(v));
  }

  /** {@code _d_v += g}, written in the cheapest form the known state allows. */
  void add(Var v, Expr g, Frame frame) {
    if (v == deferred) {
      deferredTerms.add(g);
      return;
    }
    State s = state(v);
    Var d = of(v);
    if (!declared.contains(v)) {
      Frame h = home.get(v);
      declared.add(v);
      if (h == frame) {
        frame.out.add(new Stmt.Declare(d, g));
        s.zero = false;
        return;
      }
      h.pending.add(new Stmt.Declare(d, Exprs.ZERO));
    }
    if (s.zero) {
      frame.out.add(new Stmt.Assign(d, null, g));
      s.zero = false;
      s.stale = false;
    } else {
      frame.out.add(new Stmt.Assign(d, Expr.Op.ADD, g));
    }
  }

  /** The primal {@code v} was overwritten: its adjoint restarts from zero. */
  void clear(Var v) {
    State s = states.get(v);
    if (s != null && declared.contains(v) && !s.zero) {
      s.zero = true;
      s.stale = true;
    }
  }

  /**
   * Collects the updates to {@code v}'s adjoint instead of writing them, for {@code x = f(x,
   * ...)}: the other adjoints must read the old {@code _d_x} first.
   */
  void defer(Var v) {
    deferred = v;
    deferredTerms.clear();
  }

  /** Writes {@code _d_v = sum of deferred updates}, and ends deferring. */
  void settle(Var v, Frame frame) {
    deferred = null;
    Expr sum = Exprs.ZERO;
    for (Expr t : deferredTerms) {
      sum = Exprs.add(sum, t);
    }
    deferredTerms.clear();
    Var d = of(v);
    if (sum instanceof Expr.Ref r && r.var() == d) {
      return;
    }
    if (Exprs.isZero(sum)) {
      clear(v);
      return;
    }
    State s = state(v);
    if (!declared.contains(v)) {
      // Not declared means zero, so nothing was deferred that reads it; this is its first write.
      add(v, sum, frame);
      return;
    }
    frame.out.add(new Stmt.Assign(d, null, sum));
    s.zero = false;
    s.stale = false;
  }

  /** Whether {@code v}'s adjoint has been declared in the reverse sweep built so far. */
  boolean isDeclared(Var v) {
    return declared.contains(v);
  }

  /** An adjoint array, allocated zero where its array is declared: always written as {@code +=}. */
  void declareArray(Var v) {
    declared.add(v);
    state(v).zero = false;
  }

  /**
   * Before a reverse loop: every adjoint that its iterations pass on holds its true value in its
   * variable (declared, zero written where it was only zero in meaning), as each iteration reads
   * what the one before left.
   */
  void enterLoop(java.util.Set<Var> carried, Frame frame) {
    for (Var v : carried) {
      State s = state(v);
      if (!declared.contains(v)) {
        declared.add(v);
        home.get(v).pending.add(new Stmt.Declare(of(v), Exprs.ZERO));
      } else if (s.zero && s.stale) {
        frame.out.add(new Stmt.Assign(of(v), null, Exprs.ZERO));
      }
      s.zero = false;
      s.stale = false;
    }
  }

  /** At the end of a reverse iteration: what the next one reads must be in the variables. */
  void endIteration(java.util.Set<Var> carried, Frame body) {
    for (Var v : carried) {
      State s = state(v);
      if (s.zero && s.stale) {
        body.out.add(new Stmt.Assign(of(v), null, Exprs.ZERO));
      }
    }
  }

  /** After a reverse loop, nothing is known of the adjoints it passed on. */
  void leaveLoop(java.util.Set<Var> carried) {
    for (Var v : carried) {
      State s = state(v);
      s.zero = false;
      s.stale = false;
    }
  }

  /** A copy of what is known, to start another branch from. */
  Object snapshot() {
    Map<Var, State> copy = new LinkedHashMap<>();
    states.forEach((k, v) -> copy.put(k, v.copy()));
    return copy;
  }

  @SuppressWarnings("unchecked")
  void restore(Object snapshot) {
    Map<Var, State> copy = new LinkedHashMap<>();
    ((Map<Var, State>) snapshot).forEach((k, v) -> copy.put(k, v.copy()));
    states = copy;
  }

  /**
   * After two branches of an {@code if}: the current state is what {@code otherwise} left, {@code
   * thenState} what {@code then} left. An adjoint is zero after both only if both left it zero; a
   * branch that left it zero in meaning but not in storage then writes the zero.
   */
  @SuppressWarnings("unchecked")
  void join(Frame then, Object thenState, Frame otherwise) {
    Map<Var, State> t = (Map<Var, State>) thenState;
    Map<Var, State> joined = new LinkedHashMap<>();
    java.util.Set<Var> all = new java.util.LinkedHashSet<>(t.keySet());
    all.addAll(states.keySet());
    for (Var v : all) {
      State a = t.getOrDefault(v, new State());
      State b = states.getOrDefault(v, new State());
      State j = new State();
      j.zero = a.zero && b.zero;
      j.stale = j.zero && (a.stale || b.stale);
      if (!j.zero) {
        zeroIfStale(v, a, then);
        zeroIfStale(v, b, otherwise);
      }
      joined.put(v, j);
    }
    states = joined;
  }

  private void zeroIfStale(Var v, State s, Frame frame) {
    if (s.zero && s.stale) {
      frame.out.add(new Stmt.Assign(of(v), null, Exprs.ZERO));
    }
  }
}
