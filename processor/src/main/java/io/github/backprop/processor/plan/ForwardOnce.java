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
 * <p>Where the sweep starts by adding the cotangent into a new adjoint array of the value, that
 * array is allocated once, and each row makes it the unit vector instead ({@code Adjoint.unit}):
 * the same numbers, without an allocation and a pass over the cotangent per row; the cotangent
 * itself is then left out where nothing else reads it.
 *
 * @param forward the rVjp's declarations and forward sweep, the cotangent declared where its
 *     length is known, and the value's adjoint array where {@code seeded} is not null
 * @param cotangent the rVjp's cotangent, declared by {@code forward}; null where nothing reads it
 * @param value the value, once {@code forward} has run
 * @param row a row's reverse sweep: its gradient arrays allocated, then the sweep
 * @param gradients the gradient of each parameter with an accessor, after {@code row}
 * @param seeded the value's adjoint array, which each row must make the unit vector along its
 *     index before {@code row}; null where {@code row} seeds it from the cotangent
 */
record ForwardOnce(List<Stmt> forward, Var cotangent, Expr value, List<Stmt> row, List<Expr> gradients, Var seeded) {
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
    Var seeded = seeded(tail, u);
    if (seeded != null) {
      // Example: double[] _d_f = new double[f.length];  (once; no loop adding the cotangent into it)
      forward.add(tail.remove(0));
      tail.remove(0);
    }
    row.addAll(tail);
    row.addAll(g.reverse());
    Set<Var> own = Collections.newSetFromMap(new IdentityHashMap<>());
    if (seeded != null) {
      own.add(seeded); // each row starts it afresh
    }
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
    if (!ok[0]) {
      return null;
    }
    boolean read = false;
    for (Stmt s : row) {
      read |= mentions(s, u);
    }
    if (seeded != null && !read) {
      forward.removeIf(s -> s instanceof Stmt.Declare d && d.var() == u);
    }
    return new ForwardOnce(forward, seeded != null && !read ? null : u, g.value(), row, g.gradients(), seeded);
  }

  /**
   * The new adjoint array of the value that {@code tail} starts by adding the cotangent into,
   * or null: {@code double[] _d_f = new double[n]; for (int _i = 0; _i < m; _i++) { _d_f[_i] += u[_i]; }}.
   */
  private static Var seeded(List<Stmt> tail, Var u) {
    if (tail.size() < 2
        || !(tail.get(0) instanceof Stmt.Declare d)
        || d.var().kind() != Var.Kind.ADJOINT
        || !d.var().type().equals(VECTOR)
        || !(d.init() instanceof Expr.NewArray a && a.elements().isEmpty() && a.dims().size() == 1)
        || !(tail.get(1) instanceof Stmt.Loop l)
        || l.body().statements().size() != 1
        || !(l.body().statements().get(0) instanceof Stmt.Store st)
        || st.op() != Expr.Op.ADD
        || !(st.target().array() instanceof Expr.Ref to && to.var() == d.var())
        || !(st.value() instanceof Expr.Index from && from.array() instanceof Expr.Ref r && r.var() == u)
        || !(st.target().index() instanceof Expr.Ref i && from.index().equals(st.target().index()))
        || !(l.init().size() == 1 && l.init().get(0) instanceof Stmt.Declare start && start.var() == i.var()
            && start.init() instanceof Expr.Literal zero && zero.is(0))
        || !(l.condition() instanceof Expr.Binary c && c.op() == Expr.Op.LT && c.left().equals(i)
            && c.right().equals(a.dims().get(0)))) {
      return null; // not over the whole array: the rows keep the loop
    }
    return d.var();
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
