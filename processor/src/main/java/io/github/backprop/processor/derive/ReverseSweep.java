package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.MethodModel;
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
 * Reverse-mode differentiation of one method body, in named passes:
 *
 * <ol>
 *   <li>{@link TailReturns}: every {@code return} ends a path;
 *   <li>{@link Hoist}: calls the reverse sweep must not repeat get names;
 *   <li>{@link Differ}: the chain-rule {@link Step}s of each statement, and what they read;
 *   <li>forward sweep: the primal code, saving a value before it is overwritten only where the
 *       reverse sweep reads the old value (values that must be stored, TBR);
 *   <li>reverse sweep: the statements last to first, restoring saved values, with {@link Adjoints}
 *       deciding where each adjoint is declared.
 * </ol>
 */
public final class ReverseSweep {
  private final MethodModel model;
  private final Map<Stmt, String> sources = new IdentityHashMap<>();
  private final Adjoints adjoints = new Adjoints();
  private final Var value = Var.temp("_value", Type.DOUBLE);
  private Activity activity;

  /** The chain-rule steps of each assignment, declaration and return. */
  private final Map<Stmt, List<Step>> steps = new IdentityHashMap<>();
  /** Every variable some reverse code reads: steps, and conditions evaluated again. */
  private final Set<Var> reverseReads = identitySet();
  /** The variables the chain-rule steps read. */
  private final Set<Var> stepReads = identitySet();
  /** How the reverse sweep decides each {@code if}: the condition again, or a saved flag. */
  private final Map<Stmt.If, Expr> conditions = new IdentityHashMap<>();
  private final Map<Stmt.Assign, Var> saves = new IdentityHashMap<>();
  private final List<Stmt> declarations = new ArrayList<>();
  private boolean valueDeclared;

  private ReverseSweep(MethodModel model) {
    this.model = model;
  }

  public static GradMethod derive(MethodModel model, Activity activity, ErrorReporter reporter) {
    return new ReverseSweep(model).run(activity, reporter);
  }

  private GradMethod run(Activity readActivity, ErrorReporter reporter) {
    checkRemainders(readActivity, reporter);
    model.sources().forEach((k, v) -> {
      if (k instanceof Stmt s) {
        sources.put(s, v);
      }
    });
    Stmt.Block body = TailReturns.normalize(model.body(), sources);
    body = new Hoist(readActivity, sources).block(body);
    activity = Activity.of(model.params(), body);
    Differ differ = new Differ(activity);
    Walk.each(body, s -> derive(s, differ));
    collectReads(body);

    List<Stmt> forward = forward(body.statements(), identitySet(), 0);

    Adjoints.Frame root = new Adjoints.Frame(null);
    model.params().forEach(p -> adjoints.home(p, root));
    reverse(body.statements(), root);
    root.out.addAll(0, root.pending);

    List<Expr> gradients = new ArrayList<>();
    for (Var p : model.params()) {
      if (p.type().isDifferentiable()) {
        gradients.add(adjoints.value(p));
      }
    }
    return new GradMethod(declarations, forward, root.out, Exprs.ref(value), gradients);
  }

  /** {@code %} on a differentiable value has a derivative with a jump at every multiple. */
  private void checkRemainders(Activity readActivity, ErrorReporter reporter) {
    Walk.each(
        model.body(),
        s -> {
          if (s instanceof Stmt.Assign a
              && a.op() == Expr.Op.REM
              && readActivity.isActive(a.var())) {
            com.sun.source.tree.Tree at = model.trees().get(s);
            if (at instanceof com.sun.source.tree.ExpressionStatementTree e) {
              at = e.getExpression(); // the %= itself
            }
            throw reporter.abort(Tag.UNSUPPORTED, REMAINDER, at, model.unit());
          }
          if (s instanceof Stmt.If) {
            return; // a condition needs no derivative
          }
          Walk.eachExpr(
              s,
              e -> {
                if (e instanceof Expr.Binary b
                    && b.op() == Expr.Op.REM
                    && readActivity.isActive(b)) {
                  throw reporter.abort(Tag.UNSUPPORTED, REMAINDER, model.trees().get(e), model.unit());
                }
              });
        });
  }

  private static final String REMAINDER =
      "'%' on a differentiable value is not supported yet: write x - n * Math.floor(x / n) with"
          + " Math.floor, which backprop differentiates";


  // ---- steps and reads ----

  private void derive(Stmt s, Differ differ) {
    if (s instanceof Stmt.Declare d && d.init() != null && activity.isActive(d.var())) {
      Expr g = Exprs.ref(adjoints.of(d.var()));
      if (d.init() instanceof Expr.DiffCall call) {
        steps.put(s, differ.deriveCall(d.var(), call, g));
      } else {
        steps.put(s, differ.derive(d.init(), g, result(d.var(), d.init())));
      }
    } else if (s instanceof Stmt.Assign a && activity.isActive(a.var())) {
      Expr rhs = rhs(a);
      Expr g = Exprs.ref(isSelf(a) ? selfAdjoint(a) : adjoints.of(a.var()));
      steps.put(s, differ.derive(rhs, g, result(a.var(), rhs)));
    } else if (s instanceof Stmt.Return r) {
      Expr r0 = r.value() instanceof Expr.Call ? Exprs.ref(value) : null;
      steps.put(s, differ.derive(r.value(), Exprs.ONE, r0));
    }
  }

  /** The value a rule may reuse as the function's result: the target, unless it is an argument. */
  private static Expr result(Var target, Expr rhs) {
    return rhs instanceof Expr.Call && !Walk.vars(rhs).contains(target) ? Exprs.ref(target) : null;
  }

  /** {@code x op= e} means {@code x = x op e}. */
  private static Expr rhs(Stmt.Assign a) {
    return a.op() == null ? a.value() : new Expr.Binary(a.op(), Exprs.ref(a.var()), a.value(), Type.DOUBLE);
  }

  private static boolean isSelf(Stmt.Assign a) {
    return Walk.vars(rhs(a)).contains(a.var());
  }

  /**
   * For {@code x = f(x)} whose adjoint flows through a branch, the old {@code _d_x} is copied
   * first: {@code _d_x} is both read and restarted by the same statement.
   */
  private final Map<Stmt.Assign, Var> selfAdjoints = new IdentityHashMap<>();

  private Var selfAdjoint(Stmt.Assign a) {
    Var copy = Var.temp("_r", Type.DOUBLE);
    selfAdjoints.put(a, copy);
    return copy;
  }

  private void collectReads(Stmt.Block body) {
    for (List<Step> s : steps.values()) {
      stepReads.addAll(reads(s));
    }
    reverseReads.addAll(stepReads);
    Walk.each(
        body,
        s -> {
          if (s instanceof Stmt.If f && hasReverse(f) && !needsFlag(f)) {
            reverseReads.addAll(Walk.vars(f.condition()));
          }
        });
  }

  /** The primal variables a list of steps reads. */
  private static Set<Var> reads(List<Step> list) {
    Set<Var> vars = identitySet();
    Set<Var> local = identitySet();
    for (Step s : list) {
      if (s instanceof Step.Temp t) {
        local.add(t.var());
        vars.addAll(Walk.vars(t.value()));
      } else if (s instanceof Step.Update u) {
        vars.addAll(Walk.vars(u.delta()));
      } else if (s instanceof Step.Branch b) {
        vars.addAll(Walk.vars(b.condition()));
        vars.addAll(reads(b.then()));
        vars.addAll(reads(b.otherwise()));
      }
    }
    vars.removeIf(v -> v.kind() == Var.Kind.ADJOINT || local.contains(v));
    return vars;
  }

  /** What the reverse code of {@code s} reads, as seen by the statements after it. */
  private Set<Var> readsOf(Stmt s) {
    Set<Var> vars = identitySet();
    Walk.each(
        s,
        x -> {
          List<Step> st = steps.get(x);
          if (st != null) {
            vars.addAll(reads(st));
          }
          if (x instanceof Stmt.If f && hasReverse(f)) {
            vars.addAll(needsFlag(f) ? Set.of() : Walk.vars(f.condition()));
          }
        });
    return vars;
  }

  /** Whether the reverse sweep may have work inside {@code f}, so it must know the branch. */
  private boolean hasReverse(Stmt.If f) {
    boolean[] work = {false};
    Walk.each(
        f,
        x -> {
          List<Step> st = steps.get(x);
          work[0] |= st != null && !st.isEmpty();
          work[0] |= x instanceof Stmt.Assign a && reverseReadsMayInclude(a.var());
        });
    return work[0];
  }

  private boolean reverseReadsMayInclude(Var v) {
    return stepReads.contains(v);
  }

  /** A condition is evaluated again in the reverse sweep unless its value could differ there. */
  private static boolean needsFlag(Stmt.If f) {
    if (Hoist.needsNaming(f.condition())) {
      return true;
    }
    Set<Var> assigned = Walk.assigned(f);
    for (Var v : Walk.vars(f.condition())) {
      if (assigned.contains(v)) {
        return true;
      }
    }
    return false;
  }

  // ---- forward sweep ----

  /**
   * @param before what the reverse code of earlier statements reads: a variable in it must be
   *     saved before it is overwritten
   */
  private List<Stmt> forward(List<Stmt> stmts, Set<Var> before, int depth) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Declare d) {
        if (depth > 0 && reverseReads.contains(d.var())) {
          // Example: double y = 0.0; ... if (c) { y = x * x; } ... if (c) { _d_x += 2 * y; }
          declarations.add(new Stmt.Declare(d.var(), defaultValue(d.var())));
          if (d.init() != null) {
            out.add(new Stmt.Assign(d.var(), null, d.init()));
          }
        } else {
          out.add(d);
        }
      } else if (s instanceof Stmt.Assign a) {
        List<Step> own = steps.getOrDefault(a, List.of());
        if (before.contains(a.var()) || (isSelf(a) && reads(own).contains(a.var()))) {
          // Example: double _t0 = x; x = x * y;
          Var save = Var.temp("_t", a.var().type());
          saves.put(a, save);
          declare(save, Exprs.ref(a.var()), depth, out);
        }
        out.add(a);
      } else if (s instanceof Stmt.Return r) {
        if (depth == 0 && !valueDeclared) {
          out.add(new Stmt.Declare(value, r.value()));
        } else {
          if (!valueDeclared) {
            declarations.add(new Stmt.Declare(value, null));
          }
          out.add(new Stmt.Assign(value, null, r.value()));
        }
        valueDeclared = true;
      } else if (s instanceof Stmt.If f) {
        List<Stmt> then = forward(f.then().statements(), copy(before), depth + 1);
        List<Stmt> otherwise = forward(f.otherwise().statements(), copy(before), depth + 1);
        Expr condition = f.condition();
        if (hasReverse(f)) {
          if (needsFlag(f)) {
            // Example: boolean _c0 = x > y; if (_c0) { x = ...; }
            Var flag = Var.temp("_c", Type.BOOLEAN);
            declare(flag, condition, depth, out);
            condition = Exprs.ref(flag);
          }
          conditions.put(f, condition);
        }
        out.add(new Stmt.If(condition, new Stmt.Block(then), new Stmt.Block(otherwise)));
      } else {
        out.add(s);
      }
      before.addAll(readsOf(s));
    }
    return out;
  }

  /** Declares a generated variable where it is computed, or first at depth 0 if nested. */
  private void declare(Var v, Expr init, int depth, List<Stmt> out) {
    if (depth == 0) {
      out.add(new Stmt.Declare(v, init));
    } else {
      declarations.add(new Stmt.Declare(v, defaultValue(v)));
      out.add(new Stmt.Assign(v, null, init));
    }
  }

  private static Expr defaultValue(Var v) {
    Type type = v.type();
    if (v.kind() == Var.Kind.RECORD) {
      return new Expr.Literal(null, type);
    }
    if (type.equals(Type.BOOLEAN)) {
      return new Expr.Literal(false, Type.BOOLEAN);
    }
    if (type.equals(Type.INT)) {
      return Expr.Literal.ofInt(0);
    }
    if (type.equals(Type.LONG)) {
      return new Expr.Literal(0L, Type.LONG);
    }
    return Exprs.ZERO;
  }

  // ---- reverse sweep ----

  private void reverse(List<Stmt> stmts, Adjoints.Frame frame) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Declare d) {
        adjoints.home(d.var(), frame);
      }
    }
    for (int i = stmts.size() - 1; i >= 0; i--) {
      Stmt s = stmts.get(i);
      int mark = frame.out.size();
      if (s instanceof Stmt.Declare d) {
        if (steps.containsKey(s) && !Exprs.isZero(adjoints.value(d.var()))) {
          emit(steps.get(s), frame);
        }
      } else if (s instanceof Stmt.Assign a) {
        reverseAssign(a, frame);
      } else if (s instanceof Stmt.Return) {
        emit(steps.get(s), frame);
      } else if (s instanceof Stmt.If f) {
        reverseIf(f, frame);
        continue;
      }
      String source = sources.get(s);
      if (frame.out.size() > mark && source != null) {
        frame.out.add(mark, new Stmt.Comment("grad of: " + source));
      }
    }
  }

  private void reverseAssign(Stmt.Assign a, Adjoints.Frame frame) {
    Var save = saves.get(a);
    boolean self = isSelf(a);
    if (save != null && self) {
      frame.out.add(new Stmt.Assign(a.var(), null, Exprs.ref(save)));
    }
    List<Step> own = steps.get(a);
    if (own != null && !Exprs.isZero(adjoints.value(a.var()))) {
      Var copy = selfAdjoints.get(a);
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
    if (save != null && !self) {
      frame.out.add(new Stmt.Assign(a.var(), null, Exprs.ref(save)));
    }
  }

  private void reverseIf(Stmt.If f, Adjoints.Frame frame) {
    Expr condition = conditions.get(f);
    if (condition == null) {
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

  private void emit(List<Step> list, Adjoints.Frame frame) {
    for (Step s : list) {
      if (s instanceof Step.Temp t) {
        frame.out.add(new Stmt.Declare(t.var(), t.value()));
      } else if (s instanceof Step.Update u) {
        adjoints.add(u.var(), u.delta(), frame);
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
      return;
    }
    if (then.out.isEmpty()) {
      frame.out.add(
          new Stmt.If(
              new Expr.Unary(Expr.Op.NOT, c, Type.BOOLEAN),
              new Stmt.Block(otherwise.out),
              new Stmt.Block(List.of())));
      return;
    }
    frame.out.add(new Stmt.If(c, new Stmt.Block(then.out), new Stmt.Block(otherwise.out)));
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
          if (x instanceof Stmt.Declare d) {
            found[0] |= d.var() == v || (d.init() != null && Walk.vars(d.init()).contains(v));
          } else if (x instanceof Stmt.Assign a) {
            found[0] |= a.var() == v || Walk.vars(a.value()).contains(v);
          } else if (x instanceof Stmt.If f) {
            found[0] |= Walk.vars(f.condition()).contains(v);
          }
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
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private static Set<Var> copy(Set<Var> s) {
    Set<Var> c = identitySet();
    c.addAll(s);
    return c;
  }
}
