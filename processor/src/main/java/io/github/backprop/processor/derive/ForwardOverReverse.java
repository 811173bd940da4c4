package io.github.backprop.processor.derive;

import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
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
import java.util.List;

/**
 * Second order as forward mode over reverse mode's output, the other composition: the gradient
 * method, primal sweep then adjoint sweep, is a method of x like any other, and its tangent along
 * v is d/dε ∇f(x + εv) = H v. {@code mHvp} is built the other way, reverse over forward ({@link
 * SecondOrder}): one sweep gives the gradient and H v together, and it needs no tangents of a tape.
 * This one is kept as an internal entry point so tests can hold the two compositions to each
 * other, as Enzyme's tests do; the generated code never calls it.
 *
 * <p>What it cannot follow is an error naming the composition, never a wrong value: a tape of
 * floating-point values (what a loop's reverse sweep pops back would need tangents pushed beside
 * it), a call whose gradient record it would have to differentiate and the runtime's
 * calls that the reverse sweep makes (checkpoints, row adjoints).
 *
 * @see SecondOrder
 */
public final class ForwardOverReverse {
  private ForwardOverReverse() {}

  /**
   * The forward mode of a gradient method.
   *
   * @param model the gradient method as a method of the original parameters, returning the
   *     gradient as one flat vector
   * @param jvp its forward mode, with one tangent parameter per differentiated parameter: its
   *     record's value is the gradient and its tangent H v, both flat in parameter order
   */
  public record Composed(MethodModel model, JvpMethod jvp) {}

  /**
   * Forward mode over {@code g}, the gradient of {@code model}; null with an error on {@code
   * model}'s method where the composition cannot follow {@code g}.
   */
  public static Composed derive(MethodModel model, GradMethod g, ErrorReporter reporter) {
    String why = unsupported(g);
    if (why != null) {
      reporter.error(Tag.UNSUPPORTED, "forward over reverse does not support " + why + "; reverse over forward"
          + " (mHvp) does", model.element());
      return null;
    }
    MethodModel gradient = gradientModel(model, g);
    // Forward mode's own messages name forward = true, which the user did not write here.
    ErrorReporter quiet = reporter.quiet();
    JvpMethod jvp = null;
    try {
      jvp = ForwardSweep.derive(gradient, model.name() + "ForwardOverReverse", quiet);
    } catch (ErrorReporter.AbortMethod e) {
      // reported below
    }
    if (jvp == null || quiet.errorCount() > 0) {
      String first = quiet.firstQuietError();
      reporter.error(Tag.UNSUPPORTED, "forward over reverse cannot follow this method's gradient"
          + (first == null ? "" : ": " + first), model.element());
      return null;
    }
    return new Composed(gradient, jvp);
  }

  /** What forward mode cannot follow in {@code g}'s sweeps, or null. */
  static String unsupported(GradMethod g) {
    String[] why = {null};
    List<Stmt> all = new ArrayList<>(g.declarations());
    all.addAll(g.allocations());
    all.addAll(g.forward());
    all.addAll(g.reverse());
    for (Stmt s : all) {
      Walk.each(s, x -> {
        Walk.eachExpr(x, e -> {
          if (why[0] == null && e instanceof Expr.Pop p && (p.type().isDifferentiable() || p.record() != null)) {
            // An int or a flag popped back carries no tangent; a double would need its own on a tape beside it.
            why[0] = "a tape of floating-point values (what a loop's reverse sweep pops back)";
          } else if (why[0] == null && (e instanceof Expr.GradCall || e instanceof Expr.DiffCall)) {
            why[0] = "a call of another @Differentiable method or of a @DerivativeOf rule (the partials in its"
                + " gradient record would need its own second derivatives)";
          } else if (why[0] == null && e instanceof Expr.Call c && c.owner().packageName().equals("io.github.backprop")
              && !(c.owner().equals(Owner.ADJOINT) && c.name().equals("zerosLike"))) {
            // zerosLike allocates the zero gradient of a double[][]: gradientModel writes it out
            why[0] = "the runtime's '" + c.owner().simpleNames() + "." + c.name() + "' in the gradient";
          }
        });
      });
    }
    return why[0];
  }

  /**
   * The gradient method as a method of {@code model}'s parameters returning the gradient: the
   * declarations, gradient arrays, forward sweep and reverse sweep as the writer assembles them,
   * then each parameter's gradient copied into one flat vector, which is returned. Forward mode
   * follows only what reaches the result, so the gradient must be it.
   */
  static MethodModel gradientModel(MethodModel model, GradMethod g) {
    List<Stmt> body = new ArrayList<>();
    for (Stmt s : g.declarations()) {
      allocate(s, body);
    }
    for (Stmt s : g.allocations()) {
      allocate(s, body);
    }
    body.addAll(g.forward());
    body.addAll(g.reverse());
    Var n = Var.temp("_n", Type.INT);
    Var k = Var.temp("_k", Type.INT);
    Var flat = Var.temp("_flat", VECTOR);
    body.add(new Stmt.Declare(n, Expr.Literal.ofInt(0)));
    for (Expr gradient : g.gradients()) {
      // Example: _n += 1;  _n += _d_w.length;  for (int _i = 0; _i < _d_m.length; _i++) _n += _d_m[_i].length;
      each(gradient, e -> List.of(new Stmt.Assign(n, Expr.Op.ADD, e.type().isArray() ? new Expr.Length(e) : Expr.Literal.ofInt(1))),
          body, 1);
    }
    body.add(new Stmt.Declare(flat, new Expr.NewArray(VECTOR, List.of(Exprs.ref(n)), List.of())));
    body.add(new Stmt.Declare(k, Expr.Literal.ofInt(0)));
    for (Expr gradient : g.gradients()) {
      // Example: for (int _i = 0; _i < _d_w.length; _i++) { _flat[_k] = _d_w[_i]; _k++; }
      each(gradient, e -> List.of(
          new Stmt.Store(new Expr.Index(Exprs.ref(flat), Exprs.ref(k), Type.DOUBLE), null, e),
          new Stmt.Assign(k, Expr.Op.ADD, Expr.Literal.ofInt(1))), body, 0);
    }
    body.add(new Stmt.Return(Exprs.ref(flat)));
    return model.with(model.params(), model.independents(), new Stmt.Block(body));
  }

  /**
   * Adds {@code s} to {@code out}, a gradient matrix's {@code Adjoint.zerosLike(m)} written as
   * the rows forward mode follows: {@code new double[m.length][]}, then {@code new double[m[i].length]}
   * per row.
   */
  private static void allocate(Stmt s, List<Stmt> out) {
    if (!(s instanceof Stmt.Declare d && d.init() instanceof Expr.Call c && c.owner().equals(Owner.ADJOINT)
        && c.name().equals("zerosLike") && d.var().type().dims() == 2)) {
      out.add(s);
      return;
    }
    Expr m = c.args().get(0);
    Type row = d.var().type().element();
    out.add(new Stmt.Declare(d.var(), new Expr.NewArray(d.var().type(), List.of(new Expr.Length(m)), List.of())));
    Var i = Var.temp("_i", Type.INT);
    Stmt store = new Stmt.Store(new Expr.Index(Exprs.ref(d.var()), Exprs.ref(i), row), null,
        new Expr.NewArray(row, List.of(new Expr.Length(new Expr.Index(m, Exprs.ref(i), row))), List.of()));
    out.add(loop(i, new Expr.Length(m), List.of(store)));
  }

  private static Stmt loop(Var i, Expr bound, List<Stmt> body) {
    return new Stmt.Loop(
        new LoopId(null), List.of(new Stmt.Declare(i, Expr.Literal.ofInt(0))),
        new Expr.Binary(Expr.Op.LT, Exprs.ref(i), bound, Type.BOOLEAN),
        List.of(new Stmt.Assign(i, Expr.Op.ADD, Expr.Literal.ofInt(1))), new Stmt.Block(body), true);
  }

  private static final Type VECTOR = new Type(Type.Prim.DOUBLE, 1);

  /**
   * Adds to {@code out} what {@code visit} makes of each element of {@code e}, in row-major order,
   * down to arrays of {@code stop} dimensions: loops over the dimensions above.
   */
  private static void each(Expr e, java.util.function.Function<Expr, List<Stmt>> visit, List<Stmt> out, int stop) {
    if (e.type().dims() <= stop) {
      out.addAll(visit.apply(e));
      return;
    }
    Var i = Var.temp("_i", Type.INT);
    List<Stmt> inner = new ArrayList<>();
    each(new Expr.Index(e, Exprs.ref(i), e.type().element()), visit, inner, stop);
    out.add(loop(i, new Expr.Length(e), inner));
  }
}
