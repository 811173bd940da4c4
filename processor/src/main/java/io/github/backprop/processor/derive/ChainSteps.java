package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.analysis.Aliases;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.StaticType;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain-rule {@link Step}s of each assignment, declaration, store and return of a body, from
 * {@link Differ}: what the reverse sweep emits for each, and what {@link Tbr} reads to find what the
 * forward sweep must save.
 */
final class ChainSteps {
  private final Activity activity;
  private final Adjoints adjoints;
  private final Differ differ;
  /** The result variable: a return's rule may reuse it as the function's value. */
  private final Var value;
  private final Map<Stmt, List<Step>> steps = new IdentityHashMap<>();
  /** Array variables that may share an array: a store through one changes what the others read. */
  private final Aliases aliases;

  ChainSteps(Stmt.Block body, Activity activity, Adjoints adjoints, Var value) {
    this.activity = activity;
    this.adjoints = adjoints;
    this.value = value;
    this.differ = new Differ(activity, adjoints::of);
    this.aliases = Aliases.of(body);
    Walk.each(body, this::derive);
  }

  private void derive(Stmt s) {
    if (s instanceof Stmt.Declare d && d.init() != null && activity.isActive(d.var())) {
      if (d.var().type().isArray()) {
        if (d.init() instanceof Expr.NewArray n) {
          steps.put(s, differ.deriveElements(Exprs.ref(d.var()), n));
        }
        return;
      }
      Expr g = Exprs.ref(adjoints.of(d.var()));
      if (d.init() instanceof Expr.GradCall call) {
        steps.put(s, differ.deriveCall(d.var(), call.call(), g));
      } else {
        steps.put(s, differ.derive(d.init(), g, result(d.var(), d.init())));
      }
    } else if (s instanceof Stmt.Assign a && a.var().type().isArray()) {
      // x = y: the two names share one array and so one adjoint array; nothing passes between them.
      if (a.value() instanceof Expr.NewArray n && activity.isActive(a.var())) {
        steps.put(s, differ.deriveElements(Exprs.ref(a.var()), n));
      }
    } else if (s instanceof Stmt.Assign a && activity.isActive(a.var()) && activity.isUseful(a.var())) {
      Expr rhs = rhs(a);
      Expr g = Exprs.ref(isSelf(a) ? newSelfAdjoint(a) : adjoints.of(a.var()));
      steps.put(s, differ.derive(rhs, g, result(a.var(), rhs)));
    } else if (s instanceof Stmt.Store st && activity.isActive(st.target().base())) {
      steps.put(s, storeSteps(st));
    } else if (s instanceof Stmt.Return r) {
      Expr r0 = r.value() instanceof Expr.Call ? Exprs.ref(value) : null;
      steps.put(s, differ.derive(r.value(), Exprs.ONE, r0));
    }
  }

  /**
   * The reverse of {@code a[i] op= v}. When {@code v} does not read {@code a}, the element's
   * adjoint passes on as it is; otherwise it is taken first, as {@code i} may equal any index
   * {@code v} reads.
   */
  private List<Step> storeSteps(Stmt.Store st) {
    Expr.Index target = st.target();
    Expr.Index d = differ.adjointOf(target);
    if (Aliases.isRowStore(st)) {
      // m[i] = v: the row and v are one array with one adjoint row; nothing passes between them.
      // The reverse sweep gives m[i] back its old array and that array's adjoint (AdjointSweep).
      return List.of();
    }
    if (target.type().isArray() && st.value() instanceof Expr.NewArray n) {
      // Example: a[i] = new double[] {x, y};  →  (a[i] is the old row again)
      //          _d_x += _d_a[i][0]; _d_y += _d_a[i][1]; _d_a[i] = a[i] == null ? null : new double[a[i].length];
      List<Step> out = new ArrayList<>(n.elements().isEmpty() ? List.of() : differ.deriveElements(target, n));
      if (aliases.hasRowsGiven(target.base())) {
        return out; // the old row may be another name's array: AdjointSweep finds its adjoint
      }
      Expr none = new Expr.Literal(null, target.type());
      out.add(new Step.SetElement(d, new Expr.Conditional(
          new Expr.Binary(Expr.Op.EQ, target, none, Type.BOOLEAN), none,
          new Expr.NewArray(target.type(), List.of(new Expr.Length(target)), List.of()), target.type())));
      return out;
    }
    boolean readsSelf = aliases.readsAlias(st) || Walk.vars(st.value()).contains(target.base());
    Expr.Op op = st.op();
    if (!readsSelf && (op == Expr.Op.ADD || op == Expr.Op.SUB)) {
      // Example: a[i] += x * y;  →  _d_x += _d_a[i] * y; ...
      return differ.derive(st.value(), op == Expr.Op.SUB ? Exprs.neg(d) : d, null);
    }
    if (!readsSelf && op == null) {
      // Example: a[i] = x * y;  →  _d_x += _d_a[i] * y; ...; _d_a[i] = 0.0;
      // A rule such as tanh's reads the result back from the element: 1 - h[j] * h[j].
      Expr result = st.value() instanceof Expr.Call ? target : null;
      List<Step> out = new ArrayList<>(differ.derive(st.value(), d, result));
      out.add(new Step.ClearElement(d));
      return out;
    }
    Expr rhs = op == null ? st.value() : new Expr.Binary(op, target, st.value(), StaticType.promote(target, st.value()));
    if (onlyItself(st.value(), target) && !aliases.readsAlias(st)) {
      // The element is read only at its own index, like a variable: the other adjoints read it
      // first, then it restarts. Example: a[i] *= k;  →  _d_k += _d_a[i] * a[i]; _d_a[i] *= k;
      List<Step> raw = differ.derive(rhs, d, null);
      List<Step> out = new ArrayList<>();
      Expr self = Exprs.ZERO;
      boolean branches = false;
      for (Step step : raw) {
        if (step instanceof Step.UpdateElement u && u.target().equals(d)) {
          self = Exprs.add(self, u.delta());
        } else {
          branches |= step instanceof Step.Branch;
          out.add(step);
        }
      }
      if (!branches) {
        if (Exprs.isZero(self)) {
          out.add(new Step.ClearElement(d));
        } else if (!self.equals(d)) {
          out.add(new Step.SetElement(d, self));
        }
        return out;
      }
    }
    // Example: double _r0 = _d_a[i]; _d_a[i] = 0.0; _d_a[i] += _r0 * a[j]; ...
    Var r = Var.temp("_r", d.type());
    List<Step> out = new ArrayList<>();
    out.add(new Step.Temp(r, d));
    out.add(new Step.ClearElement(d));
    out.addAll(differ.derive(rhs, Exprs.ref(r), null));
    return out;
  }

  /** Whether {@code value} reads the array of {@code target} only at {@code target} itself. */
  private static boolean onlyItself(Expr value, Expr.Index target) {
    boolean[] ok = {true};
    Walk.each(
        value,
        e -> {
          if (e instanceof Expr.Index i && i.base() == target.base() && !i.equals(target)
              && !(i.type().isArray())) {
            ok[0] = false;
          }
        });
    // Rows of the same array read whole (passed on) are not elements: be conservative.
    Walk.each(value, e -> ok[0] &= !(e instanceof Expr.DiffCall));
    return ok[0];
  }


  /** The value a rule may reuse as the function's result: the target, unless it is an argument. */
  private static Expr result(Var target, Expr rhs) {
    return rhs instanceof Expr.Call && !Walk.vars(rhs).contains(target) ? Exprs.ref(target) : null;
  }

  /** {@code x op= e} means {@code x = x op e}. */
  static Expr rhs(Stmt.Assign a) {
    return a.op() == null
        ? a.value()
        : new Expr.Binary(a.op(), Exprs.ref(a.var()), a.value(), StaticType.promote(Exprs.ref(a.var()), a.value()));
  }

  static boolean isSelf(Stmt.Assign a) {
    return Walk.vars(rhs(a)).contains(a.var());
  }

  /**
   * For {@code x = f(x)} whose adjoint flows through a branch, the old {@code _d_x} is copied
   * first: {@code _d_x} is both read and restarted by the same statement.
   */
  private final Map<Stmt.Assign, Var> selfAdjoints = new IdentityHashMap<>();

  private Var newSelfAdjoint(Stmt.Assign a) {
    Var copy = Var.temp("_r", adjoints.of(a.var()).type());
    selfAdjoints.put(a, copy);
    return copy;
  }

  /** The steps of {@code s}, none where it has none. */
  List<Step> of(Stmt s) {
    return steps.getOrDefault(s, List.of());
  }

  /** The steps of {@code s}, or null where it has none. */
  List<Step> get(Stmt s) {
    return steps.get(s);
  }

  boolean has(Stmt s) {
    return steps.containsKey(s);
  }

  /** Every statement's steps, by identity. */
  Map<Stmt, List<Step>> all() {
    return steps;
  }

  /** For {@code x = f(x)} whose adjoint flows through a branch, the copy of the old {@code _d_x}; else null. */
  Var selfAdjoint(Stmt.Assign a) {
    return selfAdjoints.get(a);
  }
}
