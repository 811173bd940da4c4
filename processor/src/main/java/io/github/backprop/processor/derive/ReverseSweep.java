package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.GeneratedLimits;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.TailReturns;
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
 *   <li>{@link ChainSteps}: the chain-rule {@link Step}s of each statement, from {@link Differ};
 *   <li>{@link Tbr}: what the reverse sweep reads, so what the forward sweep must save;
 *   <li>{@link PrimalSweep}, the forward sweep: the primal code, saving a value before it is
 *       overwritten only where the reverse sweep reads the old value: in a temporary, or inside a
 *       loop on a tape; what it saves and how each comes back goes into {@link Saves};
 *   <li>{@link AdjointSweep}, the reverse sweep: the statements last to first, loops by their
 *       indices run back or by a count of their iterations, restoring what {@link Saves} says,
 *       with {@link Adjoints} deciding where each adjoint is declared.
 * </ol>
 *
 * <p>This class assembles them: the gradient arrays, the copies of parameter arrays the method
 * writes into, a final loop fused with its reverse ({@link Fusion}) and run a few iterations side
 * by side where that is exact ({@link Blocking}), the updates of one gradient element brought
 * together ({@link Gathering}), and the {@link GradMethod}.
 */
public final class ReverseSweep {
  private final MethodModel model;
  private final Map<Stmt, String> sources = new IdentityHashMap<>();
  private Adjoints adjoints = new Adjoints();
  private Tapes tapes = new Tapes();
  private final Var value;
  /** Whether a fused loop may run several iterations side by side ({@link Blocking}). */
  private final boolean blocking;
  private Activity activity;
  private ChainSteps steps;
  private Tbr tbr;
  private Checkpointing checkpointing;
  /** What the forward sweep saves and how the reverse sweep puts it back. */
  private Saves saves = new Saves();
  private AdjointSweep reverse;

  /** The loop whose reverse iterations run at the end of its own, or null. */
  private Stmt.Loop fused;

  private ReverseSweep(MethodModel model, boolean blocking) {
    this.model = model;
    this.blocking = blocking;
    this.value = Var.temp("_value", model.resultType());
  }

  public static GradMethod derive(MethodModel model, Activity activity, ErrorReporter reporter) {
    return derive(model, activity, reporter, true);
  }

  /** As {@link #derive(MethodModel, Activity, ErrorReporter)}; {@code blocking} false keeps every loop's iterations one at a time. */
  public static GradMethod derive(MethodModel model, Activity activity, ErrorReporter reporter, boolean blocking) {
    ReverseSweep sweep = new ReverseSweep(model, blocking);
    GradMethod grad = sweep.run(reporter);
    sweep.traces.forEach(t -> reporter.trace(t[0], t[1]));
    return grad;
  }

  private final List<String[]> traces = new ArrayList<>();

  /**
   * The passes up to {@link Tbr} once; then the two sweeps with a final loop fused with its
   * reverse where {@link Fusion} finds one, and again without where its check fails.
   */
  private GradMethod run(ErrorReporter reporter) {
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
    steps = new ChainSteps(body, activity, adjoints, value);
    checkpointing.locate(body);
    tbr = new Tbr(body, steps.all(), activity, checkpointing.loops());
    // A rebound array's reverse finds its adjoint among the other names': not inside one iteration.
    Stmt.Loop candidate = tbr.anyRebound() ? null : Fusion.candidate(body, tbr);
    GradMethod grad = candidate == null ? null : sweeps(body, candidate, reporter);
    if (grad == null && candidate != null) {
      restart();
      candidate = null;
    }
    if (grad == null) {
      grad = sweeps(body, null, reporter);
    }
    if (checkpointing.twoPaths() && GeneratedLimits.huge(statements(grad))) {
      // HotSpot would leave the method to the interpreter: the checkpointed path alone.
      checkpointing.onePath();
      restart();
      grad = candidate == null ? null : sweeps(body, candidate, reporter);
      if (grad == null) {
        restart();
        grad = sweeps(body, null, reporter);
      }
    }
    return grad;
  }

  private static List<Stmt> statements(GradMethod g) {
    List<Stmt> all = new ArrayList<>(g.declarations());
    all.addAll(g.forward());
    all.addAll(g.allocations());
    all.addAll(g.reverse());
    return all;
  }

  /**
   * Forgets what a fused attempt's sweeps wrote, keeping what the passes found: the adjoints'
   * names (the chain-rule steps hold them), and no marked loop's taped forward sweep.
   */
  private void restart() {
    adjoints = new Adjoints(adjoints);
    tapes = new Tapes();
    saves = new Saves();
    for (Stmt.Loop l : checkpointing.loops()) {
      Checkpointing.Plan plan = checkpointing.plan(l);
      if (plan != null) {
        plan.taped = null;
      }
    }
  }

  /**
   * The forward and reverse sweeps of {@code body}, with {@code fused}'s reverse iterations inside
   * it; null where {@link Fusion#check} finds they cannot run there.
   */
  private GradMethod sweeps(Stmt.Block body, Stmt.Loop fused, ErrorReporter reporter) {
    this.fused = fused;
    if (!saves.valueDeclared && !TailReturns.endsInReturn(body) && !Walk.assigned(body).contains(value)) {
      // A body that may end without a return (javac's "missing return statement", or a loop it
      // never leaves): the result still needs a value for the generated code to compile.
      saves.declarations.add(new Stmt.Declare(value, Exprs.ZERO));
      saves.valueDeclared = true;
    }
    List<Stmt> forward = new PrimalSweep(steps, tbr, tapes, checkpointing, sources, value, fused, saves).run(body.statements());
    reverse = new AdjointSweep(adjoints, activity, steps, saves, tbr, tapes, checkpointing, sources, fused);
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
        (model.independents().contains(p) ? allocations : root.out).add(reverse.allocate(p));
      }
    }
    if (saves.valueDeclared && Walk.assigned(body).contains(value)) {
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
      reverse.reverse(body.statements(), root);
    }
    root.out.addAll(0, root.pending);
    List<Var> written = writtenParams();
    for (int i = 0; i < written.size(); i++) {
      Var p = written.get(i);
      root.out.add(
          new Stmt.Invoke(
              new Expr.Call(Owner.ADJOINT, "copyInto", List.of(Exprs.ref(snapshots.get(i)), Exprs.ref(p)), Type.VOID)));
    }

    List<Expr> gradients = new ArrayList<>();
    for (Var p : model.independents()) {
      gradients.add(adjoints.value(p));
    }
    AdjointCopies.Folded folded = DeadAdjoints.drop(AdjointCopies.fold(forward, root.out, gradients));
    List<Stmt> all = new ArrayList<>(tapes.declarations());
    all.addAll(saves.declarations);
    List<Stmt> forwardSweep =
        fused == null || !blocking ? folded.forward() : Blocking.apply(folded.forward(), saves.fusedForward.id(), fused, sources);
    RecordLocals.Sweeps local = RecordLocals.apply(new RecordLocals.Sweeps(all, forwardSweep, folded.reverse(), folded.gradients()), model);
    List<Stmt> forwardGathered = Gathering.apply(local.forward());
    List<Stmt> reverseGathered = Gathering.apply(local.reverse());
    trace(reporter, "forward sweep" + (fused != null ? " (with the final loop's reverse inside)" : ""), forwardGathered);
    trace(reporter, "reverse sweep", reverseGathered);
    return new GradMethod(
        local.declarations(), forwardGathered, allocations, reverseGathered, Exprs.ref(value), folded.gradients(),
        accumulators(body));
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
          seed.add(reverse.allocate(d.var())); // the loop adds into it at once
        }
      }
    }
    // Example: double _d_f = 1.0;  (from: return f;)
    root.out.clear();
    reverse.reverse(List.of(ret), root);
    seed.addAll(root.out);
    root.out.clear();
    Adjoints.Frame iteration = reverse.reverseIteration(fused, root);
    List<Stmt> prelude = new ArrayList<>(root.out);
    prelude.addAll(0, root.pending);
    root.pending.clear();
    root.out.clear();
    reverse.reverse(fused.init(), root);
    reverse.reverse(stmts.subList(0, stmts.size() - 2), root);
    List<Stmt> inside = iteration.out.subList(tbr.recomputed(fused).size(), iteration.out.size());
    if (!Fusion.check(fused, saves.fusedForward, seed, inside, value)) {
      return null;
    }
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : forward) {
      if (s == saves.fusedForward) {
        out.addAll(seed);
        out.addAll(prelude);
        List<Stmt> b = new ArrayList<>(saves.fusedForward.body().statements());
        String source = sources.get(fused);
        if (source != null) {
          b.add(new Stmt.Comment("grad of this iteration of: " + source));
        }
        b.addAll(inside);
        out.add(
            new Stmt.Loop(
                saves.fusedForward.id(), saves.fusedForward.init(), saves.fusedForward.condition(),
                saves.fusedForward.update(), new Stmt.Block(b), saves.fusedForward.testFirst()));
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
      if (!p.type().isArray() || written.contains(p) || tbr.aliases().anyShares(written, p)) {
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
      for (Stmt r : saves.restores.values()) {
        // Writing through another name of the caller's array writes the caller's array.
        if (r instanceof Stmt.Store st && tbr.aliases().mayShare(st.target().base(), p)) {
          out.add(p);
        }
      }
      if (checkpointing.restores(p)) {
        out.add(p);
      }
    }
    return new ArrayList<>(out);
  }

}
