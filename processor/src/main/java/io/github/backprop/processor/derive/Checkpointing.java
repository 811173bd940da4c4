package io.github.backprop.processor.derive;

import com.sun.source.tree.AnnotationTree;
import io.github.backprop.processor.check.CheckpointLoopsSetting;
import io.github.backprop.processor.check.CheckpointMarks;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Copy;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.LoopId;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loops whose counter is marked {@code @Checkpointed}: the forward sweep runs them without a tape,
 * keeping copies of their state where the runtime's {@code Checkpoints} schedule says, and the
 * reverse sweep runs the iterations again from the copies, one segment at a time with a tape,
 * each followed by its reverse.
 *
 * <p>Before the passes, such a loop {@code for (int i = a; i < b; i++)} is rewritten to run
 * between two locals, {@code int _lo0 = a; int _f0 = _lo0; int _e0 = b; for (int i = _f0; i <
 * _e0; i++)}, so that the same loop, with {@code _f0} and {@code _e0} set by the schedule, runs
 * any stretch of iterations; {@link ReverseSweep} derives it as a loop like any other, and this
 * class wraps the two sweeps of it in the schedule's drivers.
 */
final class Checkpointing {
  static final Owner CHECKPOINTS = new Owner("io.github.backprop", "Checkpoints");
  private static final Owner OBJECT = new Owner("java.lang", "Object");

  /** One marked loop. */
  static final class Plan {
    final LoopId id;
    final int snapshots;
    final int segment;
    /**
     * The most iterations taped in full, for a loop {@code @CheckpointLoops} applies to (its
     * gradient then has both paths); -1 for a marked loop, checkpointed at every length.
     */
    final long above;
    /** The marker, or null for a loop {@code @CheckpointLoops} applies to. */
    final AnnotationTree at;
    final boolean inclusive;
    final String source;
    /** The counter's type, int or long. */
    final Type type;
    final Var lo;
    final Var first;
    final Var end;
    final Var schedule = Var.temp("_cp", Type.objectOf(CHECKPOINTS));
    /** The variables and arrays a copy holds, in order. */
    final List<Var> state = new ArrayList<>();
    /** The arrays of {@link #state} the loop gives another array: a copy holds which, and its elements. */
    final Set<Var> rebound = Tbr.identitySet();
    /** The forward sweep of the loop with a tape, which the reverse sweep runs per turn. */
    List<Stmt> taped;
    /** For a loop with both paths, {@link #taped} with its locals declared before both. */
    List<Stmt> turn;
    /** Whether {@link #taped} saves nothing: then the loop runs as store-all runs it, at no cost in memory. */
    boolean tapeless;
    /** Whether the passes left the loop where it was. */
    boolean found;

    Plan(LoopId id, int snapshots, int segment, long above, AnnotationTree at, boolean inclusive, String source,
        Type type) {
      this.above = above;
      this.type = type;
      this.lo = Var.temp("_lo", type);
      this.first = Var.temp("_f", type);
      this.end = Var.temp("_e", type);
      this.id = id;
      this.snapshots = snapshots;
      this.segment = segment;
      this.at = at;
      this.inclusive = inclusive;
      this.source = source;
    }
  }

  private final MethodModel model;
  private final ErrorReporter reporter;
  private final Map<Stmt, String> sources;
  private final Map<LoopId, Plan> plans = new IdentityHashMap<>();
  private final Map<Stmt.Loop, Plan> located = new IdentityHashMap<>();

  /** The {@code @CheckpointLoops} that applies to the method, or null. */
  private final CheckpointLoopsSetting setting;

  /**
   * Whether loops {@code @CheckpointLoops} applies to get the checkpointed path only, which runs
   * a loop up to the bound once without the tape and once with it: their two paths would make
   * the method too large for the JIT ({@link ReverseSweep}).
   */
  private boolean onePath;

  Checkpointing(MethodModel model, ErrorReporter reporter, Map<Stmt, String> sources) {
    this.model = model;
    this.reporter = reporter;
    this.sources = sources;
    this.setting = model.element() == null ? null : CheckpointLoopsSetting.of(model.element(), reporter);
  }

  /** Whether a diagnostic about {@code p} is the user's to see: a marked loop's, not one the setting chose. */
  private boolean marked(Plan p) {
    return p.at != null;
  }

  /** The body with each marked loop of its top level rewritten to run between two locals. */
  Stmt.Block rewrite(Stmt.Block body) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body.statements()) {
      AnnotationTree at =
          s instanceof Stmt.Loop && model.unit() != null && CheckpointMarks.checked(model.trees().get(s))
              ? CheckpointMarks.marker(model.trees().get(s), model.unit())
              : null;
      Integer snapshots = at == null ? null : CheckpointMarks.snapshots(at);
      Integer segment = at == null ? null : CheckpointMarks.segment(at);
      long above = -1;
      if (at == null && setting != null && s instanceof Stmt.Loop && model.unit() != null
          && !CheckpointMarks.jumpsOut(model.trees().get(s), model.unit())) {
        snapshots = setting.snapshots();
        segment = setting.segment();
        above = setting.above();
      }
      if (snapshots == null || segment == null) {
        out.add(s);
        continue;
      }
      Stmt.Loop l = (Stmt.Loop) s;
      Counted c = Counted.of(l);
      if (c == null) {
        c = longCounted(l);
      }
      boolean counts = c != null && (c.op() == Expr.Op.LT || c.op() == Expr.Op.LE);
      if (at == null && (!counts || callWithEffects(l.body()) != null)) {
        out.add(s); // taped in full: marking it says why
        continue;
      }
      if (!counts) {
        reporter.error(
            Tag.UNSUPPORTED,
            "a @Checkpointed loop must count an int or a long up by one to a bound its body leaves alone,"
                + " as in for (@Checkpointed(snapshots = 64) int i = a; i < b; i++) (or i <= b)",
            at,
            model.unit());
        out.add(s);
        continue;
      }
      Expr.Foreign again = callWithEffects(l.body());
      if (again != null) {
        com.sun.source.tree.Tree where = model.trees().get(again);
        reporter.error(
            Tag.UNSUPPORTED,
            "the reverse sweep of a @Checkpointed loop runs its body again, and would call '"
                + (where != null ? where : "this method") + "' again, whose result or effect"
                + " may differ the second time (a random generator gives other numbers): compute"
                + " its values before the loop into an array and read them here, or drop the marker",
            where != null ? where : at,
            model.unit());
        out.add(s);
        continue;
      }
      Plan p = new Plan(l.id(), snapshots, segment, above, at, c.op() == Expr.Op.LE, sources.get(l), c.index().type());
      // Example: int _lo0 = 0; int _f0 = _lo0; int _e0 = steps; for (int i = _f0; i < _e0; i++)
      out.add(new Stmt.Declare(p.lo, c.from()));
      out.add(new Stmt.Declare(p.first, Exprs.ref(p.lo)));
      out.add(new Stmt.Declare(p.end, c.to()));
      Stmt.Loop between =
          new Stmt.Loop(
              l.id(),
              List.of(new Stmt.Declare(c.index(), Exprs.ref(p.first))),
              new Expr.Binary(c.op(), Exprs.ref(c.index()), Exprs.ref(p.end), Type.BOOLEAN),
              l.update(),
              l.body(),
              true);
      if (p.source != null) {
        sources.put(between, p.source);
      }
      out.add(between);
      plans.put(l.id(), p);
    }
    return new Stmt.Block(out);
  }

  /**
   * A call kept as written that a replay of {@code body} would make a second time and that may
   * not give the same again: one whose value the body reads, or one on an object of the method
   * ({@code rng.nextGaussian()}, {@code list.add(x)}); null if none. Checks and logging on
   * static fields are repeated as they are.
   */
  private static Expr.Foreign callWithEffects(Stmt body) {
    Expr.Foreign[] found = {null};
    Walk.each(body, s -> Walk.eachExpr(s, e -> {
      if (found[0] == null && e instanceof Expr.Foreign f && !(s instanceof Stmt.Throw) && !(s instanceof Stmt.Assert)
          && (f.type() != null && !f.type().isReference()
              || !f.parts().isEmpty() && f.parts().get(0) instanceof Expr.Ref r && r.type().prim() == Type.Prim.OBJECT)) {
        found[0] = f;
      }
    }));
    return found[0];
  }

  /**
   * A loop {@code for (long i = a; i < b; i++)} (or {@code <=}) whose bounds and index its body
   * leaves alone, as {@link Counted} finds int loops; null otherwise. It is derived as any loop
   * (with an iteration count), not as a counted one.
   */
  private static Counted longCounted(Stmt.Loop l) {
    if (!l.testFirst() || l.init().size() != 1 || l.update().size() != 1
        || !(l.init().get(0) instanceof Stmt.Declare d) || !d.var().type().equals(Type.LONG) || d.init() == null
        || !(l.condition() instanceof Expr.Binary c) || !(l.update().get(0) instanceof Stmt.Assign step)) {
      return null;
    }
    Var i = d.var();
    boolean one = step.var() == i && (step.op() == Expr.Op.ADD && isOne(step.value())
        || step.op() == null && step.value() instanceof Expr.Binary b && b.op() == Expr.Op.ADD
            && b.left() instanceof Expr.Ref r && r.var() == i && isOne(b.right()));
    Expr.Op op;
    Expr to;
    if (c.left() instanceof Expr.Ref r && r.var() == i) {
      op = c.op();
      to = c.right();
    } else if (c.right() instanceof Expr.Ref r && r.var() == i) {
      op = c.op() == Expr.Op.GT ? Expr.Op.LT : c.op() == Expr.Op.GE ? Expr.Op.LE : null;
      to = c.left();
    } else {
      return null;
    }
    if (!one || (op != Expr.Op.LT && op != Expr.Op.LE) || !to.type().isIntegral() || Hoist.needsNaming(to)) {
      return null;
    }
    Set<Var> changed = Walk.assigned(l.body());
    changed.addAll(Walk.assigned(l.update()));
    for (Expr bound : List.of(d.init(), to)) {
      for (Var v : Walk.vars(bound)) {
        if (v == i || changed.contains(v)) {
          return null;
        }
      }
    }
    if (Walk.assigned(l.body()).contains(i)) {
      return null;
    }
    return new Counted(i, d.init(), to, op);
  }

  private static boolean isOne(Expr e) {
    return e instanceof Expr.Literal lit && (lit.type().equals(Type.INT) || lit.type().equals(Type.LONG)) && lit.is(1);
  }

  /**
   * After the passes, finds each marked loop among the top-level statements and what its copies
   * hold; reports a loop the passes moved and state a copy cannot hold.
   */
  void locate(Stmt.Block body) {
    for (Stmt s : body.statements()) {
      if (s instanceof Stmt.Loop l && plans.containsKey(l.id())) {
        Plan p = plans.get(l.id());
        p.found = true;
        if (new CheckpointState(model, reporter).of(l, p)) {
          located.put(l, p);
        }
      }
    }
    for (Plan p : plans.values()) {
      if (!p.found && marked(p)) {
        reporter.error(
            Tag.UNSUPPORTED,
            "a @Checkpointed loop after an early 'return' is not supported: move the loop into a"
                + " @Differentiable method of its own and call that, or drop the marker",
            p.at,
            model.unit());
      }
    }
  }

  /** Whether a loop has both paths, the taped one and the checkpointed one. */
  boolean twoPaths() {
    return !onePath && located.values().stream().anyMatch(p -> p.above >= 0 && !p.tapeless);
  }

  /** From now on, loops {@code @CheckpointLoops} applies to get the checkpointed path only. */
  void onePath() {
    onePath = true;
  }

  /** The marked loops, as the passes left them. */
  Set<Stmt.Loop> loops() {
    Set<Stmt.Loop> out = Tbr.identitySet();
    out.addAll(located.keySet());
    return out;
  }

  Plan plan(Stmt.Loop l) {
    return located.get(l);
  }

  /** Whether the reverse sweep copies saved elements back into array {@code v}. */
  boolean restores(Var v) {
    return v.type().isArray()
        && located.values().stream().anyMatch(p -> p.taped != null && !p.tapeless && p.state.contains(v));
  }

  /**
   * The forward sweep of a marked loop: the schedule's actions, without a tape.
   *
   * <p>Example: {@code Checkpoints _cp0 = new Checkpoints((long) _e0 - _f0, 64, 64); for (int _act0 =
   * _cp0.forward(); _act0 != Checkpoints.DONE; _act0 = _cp0.forward()) { if (_act0 == Checkpoints.SAVE)
   * { _cp0.save(x); } else { _f0 = _lo0 + _cp0.from(); _e0 = _lo0 + _cp0.to(); for (int i = _f0; i
   * < _e0; i++) { ... } } }}
   */
  List<Stmt> forward(Plan p, Stmt.Loop l) {
    List<Stmt> out = new ArrayList<>();
    boolean[] saves = {false};
    p.taped.forEach(s -> Walk.each(s, x -> saves[0] |= x instanceof Stmt.Push));
    if (!saves[0]) {
      p.tapeless = true;
      out.addAll(p.taped);
      return out;
    }
    Expr end = p.type.equals(Type.LONG) ? Exprs.ref(p.end) : new Expr.Cast(Type.LONG, Exprs.ref(p.end));
    Expr trips = new Expr.Binary(Expr.Op.SUB, end, Exprs.ref(p.first), Type.LONG);
    if (p.inclusive) {
      trips = new Expr.Binary(Expr.Op.ADD, trips, Expr.Literal.ofInt(1), Type.LONG);
    }
    List<Stmt> advance = new ArrayList<>(bounds(p));
    advance.add(plain(l));
    Var action = Var.temp("_act", Type.INT);
    Stmt driver = driver(p, action, "forward", List.of(
        new Stmt.If(is(action, "SAVE"), new Stmt.Block(saves(p)), new Stmt.Block(advance))));
    String copies = "keeping at most " + p.snapshots + " copies of its state";
    if (p.above < 0) {
      out.add(new Stmt.Comment("the loop without a tape, " + copies));
      out.add(new Stmt.Declare(
          p.schedule,
          new Expr.Foreign(List.of("new ", CHECKPOINTS, "(", trips, ", " + p.snapshots + ", " + p.segment + ")"), null)));
      out.add(driver);
      return out;
    }
    if (onePath) {
      // Example: Checkpoints _cp0 = Checkpoints.beyondOrRerun((long) _e0 - _f0, 100000, 64, 64);
      out.add(new Stmt.Comment("the loop without a tape, beyond " + p.above + " iterations " + copies
          + ", else one; the reverse sweep runs it again with the tape"));
      out.add(new Stmt.Declare(
          p.schedule,
          new Expr.Foreign(List.of(CHECKPOINTS, ".beyondOrRerun(", trips, ", " + bound(p.above) + ", " + p.snapshots
              + ", " + p.segment + ")"), null)));
      out.add(driver);
      return out;
    }
    // Example: Checkpoints _cp0 = Checkpoints.beyond((long) _e0 - _f0, 100000, 64, 64);
    //          if (_cp0 != null) { ...driver... } else { ...the loop with its whole tape... }
    out.add(new Stmt.Comment("beyond " + p.above + " iterations, without a tape, " + copies + "; else taped in full"));
    out.add(new Stmt.Declare(
        p.schedule,
        new Expr.Foreign(List.of(CHECKPOINTS, ".beyond(", trips, ", " + bound(p.above) + ", " + p.snapshots + ", "
            + p.segment + ")"), null)));
    // The same statements run in the turns and for short runs, with a local the reverse sweep
    // reads (a loop's iteration count) declared before both.
    List<Stmt> whole = new ArrayList<>();
    p.turn = new ArrayList<>();
    for (Stmt s : p.taped) {
      if (s instanceof Stmt.Declare d && d.init() != null) {
        Type t = d.var().type();
        Stmt set = new Stmt.Assign(d.var(), null, d.init());
        p.turn.add(set);
        if (d.init() instanceof Expr.Literal) {
          out.add(d);
        } else {
          out.add(new Stmt.Declare(d.var(), t.isArray() ? new Expr.Literal(null, t) : Exprs.zeroOf(t)));
          whole.add(set);
        }
      } else {
        whole.add(s);
        p.turn.add(s);
      }
    }
    out.add(new Stmt.If(checkpointed(p), new Stmt.Block(List.of(driver)), new Stmt.Block(whole)));
    return out;
  }

  /** A trip count bound as a Java literal: an int's digits when it fits, else a long's. */
  private static String bound(long above) {
    return above <= Integer.MAX_VALUE ? Long.toString(above) : above + "L";
  }

  /** {@code _cp0 != null}: the loop runs longer than the bound, and is checkpointed. */
  private static Expr checkpointed(Plan p) {
    return new Expr.Binary(Expr.Op.NE, Exprs.ref(p.schedule), new Expr.Literal(null, p.schedule.type()), Type.BOOLEAN);
  }

  /**
   * The reverse sweep of a marked loop: the schedule's actions again, each turn running one
   * iteration with a tape ({@code taped}) and then {@code reverse}, the loop's reverse for it.
   */
  Stmt reverse(Plan p, Stmt.Loop l, Stmt reverse) {
    if (p.tapeless) {
      return reverse;
    }
    boolean both = p.above >= 0 && !onePath;
    List<Stmt> turn = new ArrayList<>(both ? p.turn : p.taped);
    turn.add(reverse);
    List<Stmt> run = new ArrayList<>(bounds(p));
    Var action = Var.temp("_act", Type.INT);
    run.add(new Stmt.If(is(action, "ADVANCE"), new Stmt.Block(List.of(plain(l))), new Stmt.Block(turn)));
    Stmt.If saveOrRun = new Stmt.If(is(action, "SAVE"), new Stmt.Block(saves(p)), new Stmt.Block(run));
    Stmt driver = driver(p, action, "reverse", List.of(
        new Stmt.If(is(action, "RESTORE"), new Stmt.Block(restores(p)), new Stmt.Block(List.of(saveOrRun)))));
    return both
        ? new Stmt.If(checkpointed(p), new Stmt.Block(List.of(driver)), new Stmt.Block(List.of(reverse)))
        : driver;
  }

  /** {@code for (int _act0 = _cp0.next(); _act0 != Checkpoints.DONE; _act0 = _cp0.next()) body}. */
  private static Stmt.Loop driver(Plan p, Var action, String next, List<Stmt> body) {
    return new Stmt.Loop(
        null,
        List.of(new Stmt.Declare(action, call(p, next, Type.INT))),
        new Expr.Binary(Expr.Op.NE, Exprs.ref(action), constant("DONE"), Type.BOOLEAN),
        List.of(new Stmt.Assign(action, null, call(p, next, Type.INT))),
        new Stmt.Block(body),
        true);
  }

  /** The loop as the source runs it, with fresh locals: it may run in several places. */
  private Stmt plain(Stmt.Loop l) {
    return Copy.of(List.of(l), sources).get(0);
  }

  /** {@code _f0 = _lo0 + _cp0.from(); _e0 = _lo0 + _cp0.to();} ({@code - 1} for {@code <=}). */
  private static List<Stmt> bounds(Plan p) {
    boolean wide = p.type.equals(Type.LONG);
    Expr to = new Expr.Binary(Expr.Op.ADD, Exprs.ref(p.lo), call(p, wide ? "toLong" : "to", p.type), p.type);
    Expr from = new Expr.Binary(Expr.Op.ADD, Exprs.ref(p.lo), call(p, wide ? "fromLong" : "from", p.type), p.type);
    if (p.inclusive) {
      to = new Expr.Binary(Expr.Op.SUB, to, Expr.Literal.ofInt(1), p.type);
    }
    return List.of(new Stmt.Assign(p.first, null, from), new Stmt.Assign(p.end, null, to));
  }

  private static List<Stmt> saves(Plan p) {
    List<Stmt> out = new ArrayList<>();
    for (Var v : p.state) {
      out.add(new Stmt.Invoke(call(p, p.rebound.contains(v) ? "saveReference" : "save", null, Exprs.ref(v))));
    }
    return out;
  }

  private static List<Stmt> restores(Plan p) {
    List<Stmt> out = new ArrayList<>();
    for (Var v : p.state) {
      if (p.rebound.contains(v)) {
        // Example: y = (double[]) _cp0.restoreReference();
        out.add(new Stmt.Assign(v, null, new Expr.Cast(v.type(), call(p, "restoreReference", Type.objectOf(OBJECT)))));
      } else if (v.type().isArray()) {
        out.add(new Stmt.Invoke(call(p, "restore", null, Exprs.ref(v))));
      } else {
        String kind = v.type().prim().keyword();
        out.add(new Stmt.Assign(
            v, null, call(p, "restore" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1), v.type())));
      }
    }
    return out;
  }

  private static Expr is(Var action, String constant) {
    return new Expr.Binary(Expr.Op.EQ, Exprs.ref(action), constant(constant), Type.BOOLEAN);
  }

  private static Expr constant(String name) {
    return new Expr.Constant(CHECKPOINTS, name, Type.INT);
  }

  private static Expr call(Plan p, String method, Type type, Expr... args) {
    List<Object> parts = new ArrayList<>();
    parts.add(Exprs.ref(p.schedule));
    parts.add("." + method + "(");
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        parts.add(", ");
      }
      parts.add(args[i]);
    }
    parts.add(")");
    return new Expr.Foreign(parts, type);
  }
}
