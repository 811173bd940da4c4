package io.github.backprop.processor.derive;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a copy of a checkpointed loop's state holds ({@link Checkpointing}): the variables declared
 * before the loop that its body assigns, and the one-dimensional arrays it writes into or passes
 * on, directly or through other names; for an array variable the loop gives another array, which
 * array it refers to as well.
 */
final class CheckpointState {
  private final MethodModel model;
  private final ErrorReporter reporter;

  CheckpointState(MethodModel model, ErrorReporter reporter) {
    this.model = model;
    this.reporter = reporter;
  }

  /**
   * Puts in {@code p} what a copy of {@code l}'s state holds. False where some state cannot be
   * copied (reported for a marked loop).
   */
  boolean of(Stmt.Loop l, Checkpointing.Plan p) {
    Set<Var> inside = Tbr.identitySet();
    Walk.each(l, s -> {
      if (s instanceof Stmt.Declare d) {
        inside.add(d.var());
      }
    });
    Set<Var> assignedWhole = Tbr.identitySet();
    Walk.each(l.body(), s -> {
      if (s instanceof Stmt.Assign a) {
        assignedWhole.add(a.var());
      }
    });
    Set<Var> candidates = new LinkedHashSet<>(Walk.assigned(l.body()));
    Set<Var> written = new LinkedHashSet<>(); // Var is compared by identity; the order is the source's
    Walk.each(l.body(), s -> {
      if (s instanceof Stmt.Store st) {
        written.add(st.target().base());
      }
      Walk.eachExpr(s, e -> passed(e, written));
    });
    candidates.addAll(written);
    candidates.addAll(flowingInto(l, written));
    boolean ok = true;
    for (Var v : candidates) {
      if (inside.contains(v)) {
        continue;
      }
      String why = null;
      if (v.type().dims() > 1 && assignedWhole.contains(v)) {
        why = "giving the two-dimensional array '" + v.name() + "' another array is not supported: copy into its"
            + " rows instead, or use one-dimensional arrays";
      } else if (v.type().dims() > 1) {
        why = "writing into or passing on the two-dimensional array '" + v.name() + "' is not supported: use"
            + " a one-dimensional array, row by row";
      } else if (v.type().isReference() || v.kind() == Var.Kind.RECORD) {
        why = "the loop changes '" + v.name() + "', which a copy of its state cannot hold: declare it inside the loop";
      }
      if (why != null) {
        if (p.at != null) { // a marked loop; one the setting chose is taped in full
          reporter.error(Tag.UNSUPPORTED, "in a @Checkpointed loop, " + why, p.at, model.unit());
        }
        ok = false;
      } else {
        p.state.add(v);
        if (v.type().isArray() && assignedWhole.contains(v)) {
          p.rebound.add(v);
        }
      }
    }
    return ok;
  }

  /**
   * The names whose arrays may reach a name of {@code written} (names the loop writes into or
   * passes on), transitively, through the loop's declarations and assignments: {@code double[] t
   * = a; t[0] = ...} writes {@code a}'s array.
   */
  private static Set<Var> flowingInto(Stmt.Loop l, Set<Var> written) {
    Map<Var, Set<Var>> from = new IdentityHashMap<>();
    Walk.each(l.body(), s -> {
      Var to = s instanceof Stmt.Declare d && d.init() != null ? d.var() : s instanceof Stmt.Assign a ? a.var() : null;
      Expr value = s instanceof Stmt.Declare d ? d.init() : s instanceof Stmt.Assign a ? a.value() : null;
      if (to != null && to.type().isArray()) {
        for (Var v : Walk.vars(value)) {
          if (v.type().isArray()) {
            from.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(v);
          }
        }
      }
    });
    Set<Var> reached = new LinkedHashSet<>();
    java.util.ArrayDeque<Var> todo = new java.util.ArrayDeque<>(written);
    while (!todo.isEmpty()) {
      for (Var v : from.getOrDefault(todo.pop(), Set.of())) {
        if (reached.add(v) && !written.contains(v)) {
          todo.push(v);
        }
      }
    }
    reached.removeAll(written);
    return reached;
  }

  /**
   * Arrays passed whole to a call that may write into them: a {@code @Differentiable} callee that
   * does (or whose body is unknown), or any call kept as written.
   */
  private static void passed(Expr e, Set<Var> out) {
    List<Expr> args = e instanceof Expr.Foreign f ? f.values() : List.of();
    if (e instanceof Expr.DiffCall d) {
      args = new ArrayList<>();
      for (int i = 0; i < d.args().size(); i++) {
        if (d.callee().writes() == null || d.callee().writes().contains(i)) {
          args.add(d.args().get(i));
        }
      }
    }
    for (Expr a : args) {
      if (a instanceof Expr.Ref r && r.var().type().isArray()) {
        out.add(r.var());
      }
    }
  }
}
