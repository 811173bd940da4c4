package io.github.backprop.processor.derive;

import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.analysis.Aliases;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reverse sweep reads ("to be recorded"): the variables whose values it needs, which
 * decides what the forward sweep saves before overwriting, and which branches and loops the
 * reverse sweep must mirror. Also the loop shapes that save work: {@link Counted} loops, and loop
 * locals that the reverse iteration computes again instead of taping.
 *
 * <p>The reads and the mirrored statements depend on each other (a mirrored {@code if} evaluates
 * its condition again, whose variables must then be restored), so they grow together to a fixed
 * point.
 */
final class Tbr {
  private final Map<Stmt, List<Step>> steps;
  private final Activity activity;
  private final Set<Var> reads = identitySet();
  private final Map<Stmt.Loop, Counted> counted = new IdentityHashMap<>();
  private final Map<Stmt.Loop, List<Stmt.Declare>> recomputed = new IdentityHashMap<>();
  private final Set<Var> recomputedVars = identitySet();
  private final Map<Stmt, Boolean> reverse = new IdentityHashMap<>();
  /** Whether each statement is inside a loop, where an overwritten value needs the tape. */
  private final Map<Stmt, Boolean> inLoop = new IdentityHashMap<>();
  /** Stands for the reference of an array, read where its adjoint is allocated, not its contents. */
  private final Map<Var, Var> references = new IdentityHashMap<>();

  /** Loops the reverse sweep runs again from copies of their state ({@link Checkpointing}). */
  private final Set<Stmt.Loop> rerun;
  /** Array variables that may share an array, or whose array changes ({@code x = f(x)}). */
  private final Aliases aliases;

  Tbr(Stmt.Block body, Map<Stmt, List<Step>> steps, Activity activity, Set<Stmt.Loop> rerun) {
    this.steps = steps;
    this.activity = activity;
    this.rerun = rerun;
    List<Stmt> all = new ArrayList<>();
    Walk.each(body, all::add);
    markLoops(body, false, inLoop);
    aliases = Aliases.of(body);
    for (Var v : aliases.all()) {
      if (activity.isActive(v)) {
        // The reverse sweep gives each name back the array it referred to, and finds that
        // array's adjoint by comparing it with the arrays the other names refer to.
        reads.add(reference(v));
      }
    }
    for (Stmt s : all) {
      if (s instanceof Stmt.Loop l) {
        Counted c = Counted.of(l);
        if (c != null) {
          counted.put(l, c);
        }
      }
    }
    boolean changed = true;
    while (changed) {
      reverse.clear();
      int before = reads.size() + recomputedVars.size();
      for (Stmt s : all) {
        if (s instanceof Stmt.Loop l && hasReverse(l)) {
          recompute(l);
        }
        reads.addAll(ownReads(s, inLoop.getOrDefault(s, false)));
      }
      changed = reads.size() + recomputedVars.size() != before;
    }
    reverse.clear();
  }

  private static void markLoops(Stmt s, boolean inLoop, Map<Stmt, Boolean> out) {
    out.put(s, inLoop);
    for (Stmt x : Walk.nested(s)) {
      markLoops(x, inLoop || s instanceof Stmt.Loop, out);
    }
  }

  /**
   * The arrays that each iteration of counted loop {@code l} touches only at its own index,
   * {@code a[i]}: no iteration reads what another wrote, so the loop's back edge asks no save of
   * their elements.
   */
  Set<Var> ownElements(Stmt.Loop l) {
    Counted c = counted.get(l);
    Set<Var> out = identitySet();
    if (c == null) {
      return out;
    }
    Set<Var> bad = identitySet();
    Walk.each(
        l.body(),
        s -> {
          for (Expr e : Walk.exprs(s)) {
            elementsAt(e, c.index(), out, bad);
          }
        });
    out.removeAll(bad);
    // Another name of the same array, read at another index, reaches another iteration's element.
    out.removeIf(v -> aliases.classOf(v).stream().anyMatch(bad::contains));
    return out;
  }

  /** Sorts the arrays {@code e} uses into those used only as {@code a[i]} or {@code a.length}. */
  private static void elementsAt(Expr e, Var i, Set<Var> good, Set<Var> bad) {
    if (e instanceof Expr.Index x && outermost(x).array() instanceof Expr.Ref r) {
      Expr.Index first = outermost(x);
      if (first.index() instanceof Expr.Ref k && k.var() == i) {
        good.add(r.var());
      } else {
        bad.add(r.var());
      }
      for (Expr idx : x.indices()) {
        elementsAt(idx, i, good, bad);
      }
      return;
    }
    if (e instanceof Expr.Length len) {
      if (!(len.array() instanceof Expr.Ref)) {
        elementsAt(len.array(), i, good, bad);
      }
      return;
    }
    if (e instanceof Expr.Ref r && r.var().type().isArray()) {
      bad.add(r.var()); // the whole array, e.g. passed to a callee
      return;
    }
    for (Expr child : Walk.children(e)) {
      elementsAt(child, i, good, bad);
    }
  }

  private static Expr.Index outermost(Expr.Index x) {
    return x.array() instanceof Expr.Index inner ? outermost(inner) : x;
  }

  /** Whether the reverse sweep reads {@code v}: its value, or for an array its elements. */
  boolean reads(Var v) {
    return reads.contains(v);
  }

  /** Whether the reverse sweep reads {@code v}, or the array {@code v} refers to. */
  /**
   * Whether the reverse of a store reads the element's old value ({@code a[i] *= x}, or a value
   * that reads the same array): then it is put back before the store's adjoints are passed on.
   */
  boolean readsOld(Stmt.Store st) {
    // Through another name: only where the reverse reads that array's values, after the store.
    boolean readsSelf = readsContents(st.value(), st.target().base())
        || (aliases.readsAlias(st) && reads(steps.getOrDefault(st, List.of())).stream().anyMatch(v -> aliases.mayShare(v, st.target().base())));
    boolean additive = st.op() == null || st.op() == Expr.Op.ADD || st.op() == Expr.Op.SUB;
    // A new row (a[i] = new double[k]): its reverse shapes the old row's adjoint like the old row.
    return activity.isActive(st.target().base()) && (readsSelf || !additive || st.target().type().isArray());
  }

  /** Whether {@code e} reads {@code array}'s elements: {@code array.length} does not. */
  private static boolean readsContents(Expr e, Var array) {
    if (e instanceof Expr.Length) {
      return false;
    }
    if (e instanceof Expr.Ref r) {
      return r.var() == array;
    }
    for (Expr c : Walk.children(e)) {
      if (readsContents(c, array)) {
        return true;
      }
    }
    return false;
  }

  boolean readsVariable(Var v) {
    return reads.contains(v) || (v.type().isArray() && reads.contains(reference(v)));
  }

  /** The key under which a read of array {@code v}'s reference (not its elements) is recorded. */
  Var reference(Var array) {
    return references.computeIfAbsent(array, a -> new Var(a.name() + ".ref", a.type(), Var.Kind.TEMP));
  }

  /** The array variables that may share an array, or whose array changes. */
  Aliases aliases() {
    return aliases;
  }

  /** Whether some active array variable's array changes or may be another's. */
  boolean anyRebound() {
    return aliases.all().stream().anyMatch(this::isRebound);
  }

  /**
   * Whether {@code v} is an active array variable whose array changes or may be another's: the
   * reverse sweep gives it back each array it referred to, with that array's adjoint.
   */
  boolean isRebound(Var v) {
    return v.type().isArray() && aliases.isRebound(v) && activity.isActive(v);
  }

  /** The counted shape of {@code l}, or null. */
  Counted counted(Stmt.Loop l) {
    return counted.get(l);
  }

  /** The locals of {@code l}'s body that its reverse iteration declares again, in order. */
  List<Stmt.Declare> recomputed(Stmt.Loop l) {
    return recomputed.getOrDefault(l, List.of());
  }

  boolean isRecomputed(Var v) {
    return recomputedVars.contains(v);
  }

  /** Whether {@code v} is the index of a counted loop, which the reverse loop counts itself. */
  boolean isCountedIndex(Var v) {
    return counted.values().stream().anyMatch(c -> c.index() == v);
  }

  /**
   * Whether the reverse sweep has work inside {@code s}: an adjoint to pass on, or a value to put
   * back that reverse code reads.
   */
  boolean hasReverse(Stmt s) {
    Boolean known = reverse.get(s);
    if (known != null) {
      return known;
    }
    boolean[] work = {false};
    Walk.each(
        s,
        x -> {
          List<Step> st = steps.get(x);
          work[0] |= st != null && !st.isEmpty();
          work[0] |= x instanceof Stmt.Assign a && reads.contains(a.var());
          // An active variable overwritten there restarts its adjoint there, even with a constant.
          work[0] |= x instanceof Stmt.Assign a && activity.isActive(a.var());
          work[0] |= x instanceof Stmt.Store st2 && reads.contains(st2.target().base());
          // A row given an array is given its old array back, with that array's adjoint row.
          work[0] |= x instanceof Stmt.Store st2 && st2.target().type().isArray()
              && aliases.hasRowsGiven(st2.target().base()) && activity.isActive(st2.target().base());
          // A local declared again in each iteration is put back from the tape.
          work[0] |=
              x instanceof Stmt.Declare d
                  && inLoop.getOrDefault(x, false)
                  && readsVariable(d.var())
                  && !recomputedVars.contains(d.var())
                  && !isCountedIndex(d.var());
        });
    reverse.put(s, work[0]);
    return work[0];
  }

  /** A condition is evaluated again in the reverse sweep unless its value could differ there. */
  static boolean needsFlag(Stmt.If f) {
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

  /** Whether {@code s} runs inside a loop of the method. */
  boolean inLoop(Stmt s) {
    return inLoop.getOrDefault(s, false);
  }

  /** What the reverse code of {@code s} and the statements inside it reads. */
  Set<Var> readsOf(Stmt s) {
    Set<Var> vars = identitySet();
    Walk.each(s, x -> vars.addAll(ownReads(x, inLoop(x))));
    return vars;
  }

  /**
   * The values the reverse code of {@code s} and the statements inside it reads as the forward
   * sweep left them: as {@link #readsOf}, less the old value {@code x = f(x)} reads, which it
   * saves and puts back itself.
   */
  Set<Var> liveReadsOf(Stmt s) {
    Set<Var> vars = identitySet();
    Walk.each(
        s,
        x -> {
          Set<Var> own = ownReads(x, inLoop(x));
          if (x instanceof Stmt.Assign a && (a.op() != null || Walk.vars(a.value()).contains(a.var()))) {
            own.remove(a.var());
          }
          vars.addAll(own);
        });
    return vars;
  }

  /** What the reverse code of {@code s} itself reads, not that of the statements inside it. */
  private Set<Var> ownReads(Stmt s, boolean inLoop) {
    Set<Var> vars = identitySet();
    List<Step> st = steps.get(s);
    if (st != null) {
      vars.addAll(reads(st));
    }
    if (s instanceof Stmt.Loop l && rerun.contains(l) && hasReverse(l)) {
      vars.addAll(rerunReads(l));
    }
    if (s instanceof Stmt.If f && hasReverse(f) && !needsFlag(f)) {
      vars.addAll(Walk.vars(f.condition()));
    } else if (s instanceof Stmt.Loop l && hasReverse(l) && counted.containsKey(l)) {
      vars.addAll(counted.get(l).reads());
    } else if (s instanceof Stmt.Declare d && recomputedVars.contains(d.var())) {
      vars.addAll(Walk.vars(d.init()));
    } else if (s instanceof Stmt.Declare d && d.var().type().isArray() && activity.isActive(d.var())) {
      // The adjoint array is allocated like the array, new double[v.length]: that reads the
      // reference, not the elements.
      vars.add(reference(d.var()));
    } else if (s instanceof Stmt.Store store && (reads.contains(store.target().base()) || readsOld(store))) {
      // Putting an element back evaluates its index again, and needs the array, not its contents.
      Var base = store.target().base();
      Set<Var> restore = Walk.vars(store.target());
      restore.remove(base);
      vars.addAll(restore);
      vars.add(reference(base));
    } else if (s instanceof Stmt.Assign a && inLoop && reads.contains(a.var()) && Invertible.of(a) != null) {
      vars.addAll(Walk.vars(Invertible.of(a).amount()));
    }
    return vars;
  }

  /**
   * What running {@code l} again reads from before it: every variable it reads but declares
   * itself, the arrays included.
   */
  private static Set<Var> rerunReads(Stmt.Loop l) {
    Set<Var> vars = identitySet();
    Set<Var> inside = identitySet();
    Walk.each(l, x -> {
      if (x instanceof Stmt.Declare d) {
        inside.add(d.var());
      }
      for (Expr e : Walk.exprs(x)) {
        vars.addAll(Walk.vars(e));
      }
    });
    vars.removeAll(inside);
    return vars;
  }

  /**
   * A local declared at the top of a loop body is computed again at the top of its reverse
   * iteration, instead of taped, when that gives the same value: its initialiser calls nothing,
   * and nothing after it in the body changes what it reads.
   */
  private void recompute(Stmt.Loop l) {
    List<Stmt> body = l.body().statements();
    for (int k = 0; k < body.size(); k++) {
      if (!(body.get(k) instanceof Stmt.Declare d)
          || recomputedVars.contains(d.var())
          || !reads.contains(d.var())
          || d.init() == null
          || d.var().type().isArray()
          || d.var().kind() == Var.Kind.RECORD
          || !callFree(d.init())
          || Walk.vars(d.init()).stream().anyMatch(aliases::isRebound)) {
        continue;
      }
      Set<Var> later = Walk.assigned(body.subList(k + 1, body.size()));
      later.addAll(Walk.assigned(l.update()));
      later.addAll(Walk.assigned(body.subList(0, k)));
      boolean stable = !later.contains(d.var());
      Set<Var> afterIt = Walk.assigned(body.subList(k + 1, body.size()));
      for (Var u : Walk.vars(d.init())) {
        stable &= !afterIt.contains(u);
      }
      if (stable) {
        recomputedVars.add(d.var());
        recomputed.computeIfAbsent(l, x -> new ArrayList<>()).add(d);
      }
    }
    // Keep the forward order, whatever order the fixed point found them in.
    List<Stmt.Declare> found = recomputed.get(l);
    if (found != null) {
      found.sort(java.util.Comparator.comparingInt(body::indexOf));
    }
  }

  private static boolean callFree(Expr e) {
    boolean[] ok = {true};
    Walk.each(
        e,
        x -> ok[0] &= !(x instanceof Expr.Call || x instanceof Expr.DiffCall || x instanceof Expr.NewArray || x instanceof Expr.Foreign));
    return ok[0];
  }

  /** The primal variables a list of steps reads. */
  static Set<Var> reads(List<Step> list) {
    Set<Var> vars = identitySet();
    Set<Var> local = identitySet();
    for (Step s : list) {
      if (s instanceof Step.Temp t) {
        local.add(t.var());
        vars.addAll(Walk.vars(t.value()));
      } else if (s instanceof Step.Update u) {
        vars.addAll(Walk.vars(u.delta()));
      } else if (s instanceof Step.UpdateElement u) {
        vars.addAll(Walk.vars(u.target()));
        vars.addAll(Walk.vars(u.delta()));
      } else if (s instanceof Step.ClearElement c) {
        vars.addAll(Walk.vars(c.target()));
      } else if (s instanceof Step.SetElement c) {
        vars.addAll(Walk.vars(c.target()));
        vars.addAll(Walk.vars(c.value()));
      } else if (s instanceof Step.AddArray a) {
        vars.addAll(Walk.vars(a.target()));
        vars.addAll(Walk.vars(a.scale()));
        vars.addAll(Walk.vars(a.source()));
      } else if (s instanceof Step.Branch b) {
        vars.addAll(Walk.vars(b.condition()));
        vars.addAll(reads(b.then()));
        vars.addAll(reads(b.otherwise()));
      }
    }
    vars.removeIf(v -> v.kind() == Var.Kind.ADJOINT || local.contains(v));
    return vars;
  }

  static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
