package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.StaticType;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TailReturns;
import io.github.backprop.processor.ir.TryShape;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode differentiation of one method body, in named passes:
 *
 * <ol>
 *   <li>{@link Blocks}: nested blocks spliced into the statements around them;
 *   <li>{@link Jumps}: {@code break}, {@code continue} and {@code return} inside loops become
 *       flags, so every loop runs its body to the end;
 *   <li>{@link TailReturns}: every other {@code return} ends a path;
 *   <li>{@link Hoist}: calls the reverse sweep must not repeat get names;
 *   <li>{@link Intermediates}: so do the products and quotients inside an expression that the
 *       reverse sweep reads, so it reads each once;
 *   <li>{@link Differ}: the chain-rule {@link Step}s of each statement;
 *   <li>{@link Tbr}: what the reverse sweep reads, so what the forward sweep must save;
 *   <li>forward sweep: the primal code, saving a value before it is overwritten only where the
 *       reverse sweep reads the old value: in a temporary, or inside a loop on a tape;
 *   <li>reverse sweep: the statements last to first, loops by their indices run back or by a
 *       count of their iterations, restoring saved values, with {@link Adjoints} deciding where
 *       each adjoint is declared.
 * </ol>
 */
public final class ReverseSweep {
  private final MethodModel model;
  private final Map<Stmt, String> sources = new IdentityHashMap<>();
  private final Adjoints adjoints = new Adjoints();
  private final Tapes tapes = new Tapes();
  private final Var value;
  private Activity activity;
  private Differ differ;
  private Tbr tbr;
  private Checkpointing checkpointing;

  /** The chain-rule steps of each assignment, declaration, store and return. */
  private final Map<Stmt, List<Step>> steps = new IdentityHashMap<>();
  /** How the reverse sweep decides each {@code if}: the condition again, a flag, or a pop. */
  private final Map<Stmt.If, Expr> conditions = new IdentityHashMap<>();
  /** How the reverse sweep puts back the value a statement overwrote. */
  private final Map<Stmt, Stmt> restores = new IdentityHashMap<>();
  /** How the reverse sweep runs each loop it mirrors. */
  private final Map<Stmt.Loop, Var> counters = new IdentityHashMap<>();
  private final Set<Stmt.Loop> poppedCounters = Tbr.identitySet();
  private final List<Stmt> declarations = new ArrayList<>();
  private boolean valueDeclared;

  /** Whether to try running a final loop's reverse inside it; see {@link Fusion}. */
  private final boolean tryFusion;
  /** The loop whose reverse iterations run at the end of its own, or null. */
  private Stmt.Loop fused;
  private Stmt.Loop fusedForward;

  private ReverseSweep(MethodModel model, boolean tryFusion) {
    this.model = model;
    this.tryFusion = tryFusion;
    this.value = Var.temp("_value", model.resultType());
  }

  public static GradMethod derive(MethodModel model, Activity activity, ErrorReporter reporter) {
    ReverseSweep first = new ReverseSweep(model, true);
    GradMethod fused = first.run(activity, reporter);
    ReverseSweep done = first;
    if (fused == null) {
      done = new ReverseSweep(model, false);
      fused = done.run(activity, reporter);
    }
    // Only the sweep that is kept says what its stages did.
    done.traces.forEach(t -> reporter.trace(t[0], t[1]));
    return fused;
  }

  private final List<String[]> traces = new ArrayList<>();

  private GradMethod run(Activity readActivity, ErrorReporter reporter) {
    model.sources().forEach((k, v) -> {
      if (k instanceof Stmt s) {
        sources.put(s, v);
      }
    });
    trace(reporter, "read", model.body().statements());
    checkpointing = new Checkpointing(model, reporter, sources);
    Stmt.Block body = Jumps.structure(Blocks.flatten(checkpointing.rewrite(model.body()), sources), value, sources);
    trace(reporter, "jumps", body.statements());
    body = TailReturns.normalize(body, sources);
    trace(reporter, "tail returns", body.statements());
    // Activity again: the passes above copy statements with fresh locals.
    body = new Hoist(Activity.of(model.independents(), body, value), sources).block(body);
    trace(reporter, "hoist", body.statements());
    body = new Intermediates(Activity.of(model.independents(), body, value), sources).block(body);
    trace(reporter, "intermediates", body.statements());
    activity = Activity.of(model.independents(), body, value);
    differ = new Differ(activity, adjoints::of);
    Walk.each(body, this::derive);
    checkpointing.locate(body);
    tbr = new Tbr(body, steps, activity, checkpointing.loops());
    fused = tryFusion ? Fusion.candidate(body, tbr) : null;
    if (tryFusion && fused == null) {
      return null;
    }

    if (!valueDeclared && !TailReturns.endsInReturn(body) && !Walk.assigned(body).contains(value)) {
      // A body that may end without a return (javac's "missing return statement", or a loop it
      // never leaves): the result still needs a value for the generated code to compile.
      declarations.add(new Stmt.Declare(value, Exprs.ZERO));
      valueDeclared = true;
    }
    List<Stmt> forward = forward(body.statements(), Tbr.identitySet(), 0, 0);
    List<Var> snapshots = new ArrayList<>();
    for (Var p : writtenParams()) {
      // Example: double[] _w0 = Adjoint.copyOf(w); ... Adjoint.copyInto(_w0, w);
      Var snap = Var.temp("_" + p.name(), p.type());
      forward.add(new Stmt.Declare(snap, new Expr.Call(Owner.ADJOINT, "copyOf", List.of(Exprs.ref(p)), p.type())));
      snapshots.add(snap);
    }

    Adjoints.Frame root = new Adjoints.Frame(null);
    model.params().forEach(p -> adjoints.home(p, root));
    List<Stmt> allocations = new ArrayList<>();
    for (Var p : model.params()) {
      if (p.type().isArray() && activity.isActive(p)) {
        (model.independents().contains(p) ? allocations : root.out).add(allocate(p));
      }
    }
    if (valueDeclared && Walk.assigned(body).contains(value)) {
      // A return inside a loop assigned the result: its adjoint starts at one.
      adjoints.home(value, root);
      adjoints.add(value, Exprs.ONE, root);
    }
    if (fused != null) {
      forward = fuse(body, forward, root);
      if (forward == null) {
        return null;
      }
    } else {
      reverse(body.statements(), root);
    }
    root.out.addAll(0, root.pending);
    List<Var> written = writtenParams();
    for (int i = 0; i < written.size(); i++) {
      Var p = written.get(i);
      root.out.add(
          new Stmt.Invoke(
              new Expr.Call(Owner.ADJOINT, "copyInto", List.of(Exprs.ref(snapshots.get(i)), Exprs.ref(p)), Type.INT)));
    }

    List<Expr> gradients = new ArrayList<>();
    for (Var p : model.independents()) {
      gradients.add(adjoints.value(p));
    }
    AdjointCopies.Folded folded = DeadAdjoints.drop(AdjointCopies.fold(forward, root.out, gradients));
    List<Stmt> all = new ArrayList<>(tapes.declarations());
    all.addAll(declarations);
    trace(reporter, "forward sweep" + (fused != null ? " (with the final loop's reverse inside)" : ""), folded.forward());
    trace(reporter, "reverse sweep", folded.reverse());
    return new GradMethod(
        all, folded.forward(), allocations, folded.reverse(), Exprs.ref(value), folded.gradients(), accumulators(body));
  }

  private void trace(ErrorReporter reporter, String stage, List<Stmt> stmts) {
    if (reporter.tracing()) {
      traces.add(new String[] {model.name() + ", " + stage, reporter.show(stmts)});
    }
  }

  /**
   * The reverse sweep with {@link #fused}'s reverse iterations inside it: the return's adjoints
   * first, before the loop; each iteration's reverse at the end of that iteration, where every
   * value it reads is still current; the statements before the loop reversed after it. Null
   * where {@link Fusion#check} finds an iteration's reverse would depend on another's.
   */
  private List<Stmt> fuse(Stmt.Block body, List<Stmt> forward, Adjoints.Frame root) {
    List<Stmt> stmts = body.statements();
    Stmt.Return ret = (Stmt.Return) stmts.get(stmts.size() - 1);
    List<Stmt> seed = new ArrayList<>(root.out);
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Declare d) {
        adjoints.home(d.var(), root);
        if (d.var().type().isArray() && activity.isActive(d.var())) {
          seed.add(allocate(d.var())); // the loop adds into it at once
        }
      }
    }
    // Example: double _d_f = 1.0;  (from: return f;)
    root.out.clear();
    reverse(List.of(ret), root);
    seed.addAll(root.out);
    root.out.clear();
    Adjoints.Frame iteration = reverseIteration(fused, root);
    List<Stmt> prelude = new ArrayList<>(root.out);
    prelude.addAll(0, root.pending);
    root.pending.clear();
    root.out.clear();
    reverse(fused.init(), root);
    reverse(stmts.subList(0, stmts.size() - 2), root);
    List<Stmt> inside = iteration.out.subList(tbr.recomputed(fused).size(), iteration.out.size());
    if (!Fusion.check(fused, fusedForward, seed, inside, value)) {
      return null;
    }
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : forward) {
      if (s == fusedForward) {
        out.addAll(seed);
        out.addAll(prelude);
        List<Stmt> b = new ArrayList<>(fusedForward.body().statements());
        String source = sources.get(fused);
        if (source != null) {
          b.add(new Stmt.Comment("grad of this iteration of: " + source));
        }
        b.addAll(inside);
        out.add(
            new Stmt.Loop(
                fusedForward.id(), fusedForward.init(), fusedForward.condition(),
                fusedForward.update(), new Stmt.Block(b), fusedForward.testFirst()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The adjoint arrays a caller's arrays can replace: every differentiated parameter is an array
   * the method does not write into, so the reverse sweep only ever adds to its adjoint.
   */
  private List<Var> accumulators(Stmt.Block body) {
    Set<Var> written = Walk.assigned(body);
    List<Var> out = new ArrayList<>();
    for (Var p : model.independents()) {
      if (!p.type().isArray() || written.contains(p)) {
        return List.of();
      }
      out.add(adjoints.of(p));
    }
    return out;
  }

  /** Parameter arrays the reverse sweep writes old values back into. */
  private List<Var> writtenParams() {
    Set<Var> out = new LinkedHashSet<>();
    for (Var p : model.params()) {
      for (Stmt r : restores.values()) {
        if (r instanceof Stmt.Store st && st.target().base() == p) {
          out.add(p);
        }
      }
      if (checkpointing.restores(p)) {
        out.add(p);
      }
    }
    return new ArrayList<>(out);
  }

  /** {@code double[] _d_a = new double[a.length];}, or zeros shaped like a two-dimensional one. */
  private Stmt allocate(Var array) {
    Var d = adjoints.of(array);
    adjoints.declareArray(array);
    Expr zeros =
        array.type().dims() == 1
            ? new Expr.NewArray(array.type(), List.of(new Expr.Length(Exprs.ref(array))), List.of())
            : new Expr.Call(Owner.ADJOINT, "zerosLike", List.of(Exprs.ref(array)), array.type());
    return new Stmt.Declare(d, zeros);
  }

  // ---- steps ----

  private void derive(Stmt s) {
    if (s instanceof Stmt.Declare d && d.init() != null && activity.isActive(d.var())) {
      if (d.var().type().isArray()) {
        if (d.init() instanceof Expr.NewArray n) {
          steps.put(s, differ.deriveElements(Exprs.ref(d.var()), n));
        }
        return;
      }
      Expr g = Exprs.ref(adjoints.of(d.var()));
      if (d.init() instanceof Expr.DiffCall call) {
        steps.put(s, differ.deriveCall(d.var(), call, g));
      } else {
        steps.put(s, differ.derive(d.init(), g, result(d.var(), d.init())));
      }
    } else if (s instanceof Stmt.Assign a && activity.isActive(a.var()) && activity.isUseful(a.var())) {
      Expr rhs = rhs(a);
      Expr g = Exprs.ref(isSelf(a) ? selfAdjoint(a) : adjoints.of(a.var()));
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
    if (target.type().isArray() && st.value() instanceof Expr.NewArray n) {
      // Example: a[i] = new double[] {x, y};  →  (a[i] is the old row again)
      //          _d_x += _d_a[i][0]; _d_y += _d_a[i][1]; _d_a[i] = a[i] == null ? null : new double[a[i].length];
      List<Step> out = new ArrayList<>(n.elements().isEmpty() ? List.of() : differ.deriveElements(target, n));
      Expr none = new Expr.Literal(null, target.type());
      out.add(new Step.SetElement(d, new Expr.Conditional(
          new Expr.Binary(Expr.Op.EQ, target, none, Type.BOOLEAN), none,
          new Expr.NewArray(target.type(), List.of(new Expr.Length(target)), List.of()), target.type())));
      return out;
    }
    boolean readsSelf = Walk.vars(st.value()).contains(target.base());
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
    if (onlyItself(st.value(), target)) {
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
  private static Expr rhs(Stmt.Assign a) {
    return a.op() == null
        ? a.value()
        : new Expr.Binary(a.op(), Exprs.ref(a.var()), a.value(), StaticType.promote(Exprs.ref(a.var()), a.value()));
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
    Var copy = Var.temp("_r", adjoints.of(a.var()).type());
    selfAdjoints.put(a, copy);
    return copy;
  }

  private List<Step> stepsOf(Stmt s) {
    return steps.getOrDefault(s, List.of());
  }

  // ---- forward sweep ----

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
        List<Step> own = stepsOf(a);
        boolean self = isSelf(a);
        // The result is assigned once a call, by the return that ends it: never saved, so the
        // reverse sweep cannot put an older value back into it.
        boolean once = a.var() == value;
        boolean undone = false;
        if (!once && (pending.contains(a.var()) || (self && Tbr.reads(own).contains(a.var())))) {
          Invertible inverse = loops > 0 ? Invertible.of(a) : null;
          if (inverse != null) {
            // Example: i += 2;  →  reverse: i -= 2;
            restores.put(a, inverse.undo());
            undone = true;
          } else {
            restores.put(a, new Stmt.Assign(a.var(), null, save(a.var(), depth, loops, out)));
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
        if (pending.contains(base) || tbr.readsOld(st)) {
          restores.put(st, new Stmt.Store(st.target(), null, saveElement(st.target(), depth, loops, out)));
        }
        out.add(st);
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
    if (v == value) {
      valueDeclared = true;
      out.add(d);
    } else if (depth > 0 && tbr.readsVariable(v) && !tbr.isRecomputed(v) && !tbr.isCountedIndex(v)
        && !(fused != null && fused.body().statements().contains(d))) {
      // Example: double y = 0.0; ... if (c) { y = x * x; } ... if (c) { _d_x += 2 * y; }
      declarations.add(new Stmt.Declare(v, defaultValue(v)));
      if (loops > 0 && (pending.contains(v) || pending.contains(tbr.reference(v)))) {
        // Each iteration declares it again; the reverse of the iteration before needs the old one.
        restores.put(d, new Stmt.Assign(v, null, save(v, depth, loops, out)));
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
      conditions.put(f, reverse);
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
      conditions.put(f, new Expr.Literal(true, Type.BOOLEAN));
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
      conditions.put(f, reverse);
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
      fusedForward = new Stmt.Loop(l.id(), l.init(), l.condition(), l.update(), new Stmt.Block(body), l.testFirst());
      out.add(fusedForward);
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
      counters.put(l, counter);
      if (loops == 0 && depth > 0) {
        declarations.add(new Stmt.Declare(counter, Expr.Literal.ofInt(0)));
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
      poppedCounters.add(l);
    }
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
    if (v.kind() == Var.Kind.RECORD || type.isArray()) {
      return new Expr.Literal(null, type);
    }
    return Exprs.zeroOf(type); // a String or an enum starts null
  }

  // ---- reverse sweep ----

  private void reverse(List<Stmt> stmts, Adjoints.Frame frame) {
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
        if (steps.containsKey(s) && !Exprs.isZero(adjoints.value(d.var()))) {
          emit(steps.get(s), frame);
        }
        Stmt restore = restores.get(s);
        if (restore != null) {
          frame.out.add(restore);
        }
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
    Stmt restore = restores.get(a);
    boolean self = isSelf(a);
    if (restore != null && self) {
      frame.out.add(restore);
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
    if (restore != null && !self) {
      frame.out.add(restore);
    }
  }

  private void reverseStore(Stmt.Store st, Adjoints.Frame frame) {
    Stmt restore = restores.get(st);
    List<Step> own = stepsOf(st);
    boolean first = restore != null && tbr.readsOld(st);
    if (first) {
      frame.out.add(restore);
    }
    emit(own, frame);
    if (restore != null && !first) {
      frame.out.add(restore);
    }
  }

  private void reverseIf(Stmt.If f, Adjoints.Frame frame) {
    Expr condition = conditions.get(f);
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
    Var counter = counters.get(l);
    if (counter != null && poppedCounters.contains(l)) {
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
  private Adjoints.Frame reverseIteration(Stmt.Loop l, Adjoints.Frame frame) {
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
          updated(stepsOf(s), out);
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
                new Expr.Call(Owner.ADJOINT, "addTo", List.of(a.target(), a.scale(), a.source()), Type.INT)));
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

  private static Set<Var> copy(Set<Var> s) {
    Set<Var> c = Tbr.identitySet();
    c.addAll(s);
    return c;
  }
}
