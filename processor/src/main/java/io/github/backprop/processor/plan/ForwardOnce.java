package io.github.backprop.processor.plan;

import io.github.backprop.processor.derive.GradMethod;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The sweeps of an {@code rVjp} split for a Jacobian that runs the forward sweep once and only the
 * reverse sweep per row: possible where the reverse sweep changes nothing the forward sweep left
 * (it writes only its own locals and the gradient arrays allocated for the row, pops no tape and
 * calls nothing but {@code Math}), and the forward sweep reads the cotangent only to check its
 * length. That check becomes the cotangent's declaration, as long as the value.
 *
 * @param forward the rVjp's declarations and forward sweep, the cotangent declared where its
 *     length is known
 * @param cotangent the rVjp's cotangent, declared by {@code forward}
 * @param value the value, once {@code forward} has run
 * @param row a row's reverse sweep: its gradient arrays allocated, then the sweep
 * @param gradients the gradient of each parameter with an accessor, after {@code row}
 */
record ForwardOnce(List<Stmt> forward, Var cotangent, Expr value, List<Stmt> row, List<Expr> gradients) {
  private static final Type VECTOR = new Type(Type.Prim.DOUBLE, 1);

  /** The split of {@code vjp}'s sweeps, or null where the reverse sweep cannot run again alone. */
  static ForwardOnce of(Entry vjp) {
    GradMethod g = vjp.grad();
    List<Var> params = vjp.model().params();
    Var u = params.get(params.size() - 1);
    if (g.declarations().stream().anyMatch(s -> s instanceof Stmt.Declare d && d.var().kind() == Var.Kind.TAPE)
        || Api.throwsAlways(g.forward())) {
      return null;
    }
    // A parameter the body reassigns made rows that disagree with rVjp (FuzzTest's slice, batches
    // 3 and 8): such methods keep one whole rVjp per row.
    boolean[] reassigned = {false};
    for (Stmt s : g.forward()) {
      Walk.each(s, x -> reassigned[0] |= x instanceof Stmt.Assign a && params.contains(a.var()));
    }
    if (reassigned[0]) {
      return null;
    }
    List<Stmt> forward = new ArrayList<>(g.declarations());
    List<Stmt> row = new ArrayList<>(g.allocations());
    List<Stmt> tail = new ArrayList<>();
    int checks = 0;
    for (Stmt s : g.forward()) {
      Expr length = lengthChecked(s, u);
      if (length != null && tail.isEmpty()) {
        // Example: double[] cotangent = new double[f.length];  (was: if (cotangent.length != f.length) throw ...)
        forward.add(new Stmt.Declare(u, new Expr.NewArray(VECTOR, List.of(length), List.of())));
        checks++;
      } else if (checks == 0 && mentions(s, u)) {
        return null;
      } else if (tail.isEmpty() && !mentions(s, u) && !mentionsAdjoint(s)) {
        forward.add(s);
      } else {
        tail.add(s); // from the seeding of the value's adjoint by the cotangent on: each row's
      }
    }
    row.addAll(tail);
    row.addAll(g.reverse());
    Set<Var> own = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Stmt s : row) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d) {
          own.add(d.var());
        }
      });
    }
    boolean[] ok = {checks == 1};
    for (Stmt s : row) {
      Walk.each(s, x -> {
        ok[0] &= x instanceof Stmt.Declare || x instanceof Stmt.Assign || x instanceof Stmt.Store
            || x instanceof Stmt.If || x instanceof Stmt.Loop || x instanceof Stmt.Block || x instanceof Stmt.Comment
            || x instanceof Stmt.ForEach || x instanceof Stmt.Break || x instanceof Stmt.Continue;
        ok[0] &= !(x instanceof Stmt.Assign a) || own.contains(a.var());
        ok[0] &= !(x instanceof Stmt.Store st) || own.contains(st.target().base());
        Walk.eachExpr(x, e -> ok[0] &= reads(e));
      });
    }
    return ok[0] ? new ForwardOnce(forward, u, g.value(), row, g.gradients()) : null;
  }

  /** {@code n} of {@code if (u.length != n) { throw ...; }}, or null. */
  private static Expr lengthChecked(Stmt s, Var u) {
    if (s instanceof Stmt.If f
        && f.condition() instanceof Expr.Binary b
        && b.op() == Expr.Op.NE
        && b.left() instanceof Expr.Length l
        && l.array() instanceof Expr.Ref r
        && r.var() == u
        && !Walk.vars(b.right()).contains(u)
        && f.then().statements().size() == 1
        && f.then().statements().get(0) instanceof Stmt.Throw
        && (f.otherwise() == null || f.otherwise().statements().isEmpty())) {
      return b.right();
    }
    return null;
  }

  private static boolean mentions(Stmt s, Var v) {
    boolean[] found = {false};
    Walk.each(s, x -> {
      Walk.eachExpr(x, e -> found[0] |= Walk.vars(e).contains(v));
      found[0] |= Walk.assigned(x).contains(v);
    });
    return found[0];
  }

  private static boolean mentionsAdjoint(Stmt s) {
    boolean[] found = {false};
    Walk.each(s, x -> {
      Walk.eachExpr(x, e -> found[0] |= Walk.vars(e).stream().anyMatch(v -> v.kind() == Var.Kind.ADJOINT));
      found[0] |= Walk.assigned(x).stream().anyMatch(v -> v.kind() == Var.Kind.ADJOINT);
    });
    return found[0];
  }

  /** Whether evaluating {@code e} changes nothing: reads, arithmetic, new arrays and Math's calls. */
  private static boolean reads(Expr e) {
    boolean[] ok = {true};
    Walk.each(e, x -> ok[0] &= x instanceof Expr.Call c
        ? c.owner().isMath() && !c.onObject() && !c.name().equals("random")
        : x instanceof Expr.Literal || x instanceof Expr.Ref || x instanceof Expr.Constant
            || x instanceof Expr.Unary || x instanceof Expr.Binary || x instanceof Expr.Conditional
            || x instanceof Expr.Cast || x instanceof Expr.Index || x instanceof Expr.Length
            || x instanceof Expr.NewArray || x instanceof Expr.Component);
    return ok[0];
  }
}
