package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Callee;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;

/**
 * Second order as reverse mode over forward mode's output: the forward pass gives the tangent
 * t(x, v) = ⟨∇f(x), v⟩, a method of x and v like any other; its gradient is ∂t/∂x = H v and
 * ∂t/∂v = ∇f(x). So one reverse sweep over the {@code Jvp} body, with the tangents as further
 * parameters, gives a Hessian-vector product and the gradient together.
 */
public final class SecondOrder {
  private SecondOrder() {}

  /**
   * What this construction cannot differentiate in {@code jvp}'s body, or null. A call of another
   * {@code @Differentiable} method reaches forward mode as its gradient record, whose partials
   * would need the callee's own second derivatives; a callee {@code derived} accepts (one that has
   * a tangent method of its own, which the forward pass calls for the tangent) is read only for
   * its value, and so is a call whose value carries no derivative ({@code active} says it does not),
   * such as {@code copySign(0d, y)} of a helper that reads only the sign of {@code y}.
   */
  public static String unsupported(
      JvpMethod jvp, java.util.function.Predicate<Callee> derived, java.util.function.Predicate<Expr> active) {
    java.util.Set<Var> values = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Stmt s : jvp.body()) {
      Walk.each(s, x -> {
        if (x instanceof Stmt.Declare d && d.init() instanceof Expr.GradCall g && derived.test(g.call().callee())) {
          values.add(d.var());
        }
      });
    }
    String[] why = {null};
    for (Stmt s : jvp.body()) {
      Walk.each(
          s,
          x -> Walk.eachExpr(
              x,
              e -> {
                if (why[0] != null
                    || e instanceof Expr.DiffCall d && (derived.test(d.callee()) || !active.test(d))
                    || e instanceof Expr.Component c && c.accessor().equals("value") && values.contains(c.record())) {
                  return;
                }
                if (e instanceof Expr.DiffCall d
                    && d.callee().gradName().startsWith("_" + d.callee().name())) {
                  why[0] = "a helper that calls itself ('" + d.callee().name() + "') and writes into an array"
                      + " parameter, whose own second derivatives backprop does not build: let it write"
                      + " into an array it creates itself";
                } else if (e instanceof Expr.DiffCall || e instanceof Expr.Component) {
                  // A @Differentiable callee runs in place unless it calls itself; a rule has only
                  // first derivatives.
                  // A @Differentiable method of a class compiled before (an IDE's one-file rebuild)
                  // is called so too, even with hessian = true there: its source is not read.
                  String which = e instanceof Expr.DiffCall d
                      ? " ('" + d.callee().owner().simpleNames() + "." + d.callee().name() + "')" : "";
                  why[0] = "a call of a @DerivativeOf rule, or of another @Differentiable method that calls"
                      + " itself or whose class was compiled before this one" + which + " (the Hessian would"
                      + " need their own second derivatives): put the rule in a"
                      + " source file compiled with this one, so that backprop reads its partials and"
                      + " differentiates them, and compile such a class with this one, or give the callee"
                      + " hessian = true in this class, or write the recursion as a loop";
                } else if (e instanceof Expr.Call c && c.owner().equals(Owner.ADJOINT)) {
                  why[0] = "a two-dimensional array or a call that takes an array of tangents";
                }
              }));
    }
    return why[0];
  }

  /**
   * A function in {@code tangent}'s body whose derivative the reverse sweep would need and no rule
   * gives, such as the trigamma in the derivative of digamma; null if there is none.
   */
  public static String underived(MethodModel tangent, io.github.backprop.processor.analysis.Activity activity) {
    String[] why = {null};
    Walk.each(
        tangent.body(),
        x -> Walk.eachExpr(
            x,
            e -> {
              if (why[0] == null
                  && e instanceof Expr.Call c
                  && c.type().isDifferentiable()
                  && io.github.backprop.processor.rules.Rule.underived(c, activity::isActive) >= 0) {
                why[0] = "the second derivative of a function whose derivative calls '"
                    + c.owner().simpleNames() + "." + c.name() + "', which backprop has no"
                    + " derivative rule for";
              }
            }));
    return why[0];
  }

  /**
   * The method t(x, v): {@code model}'s parameters, then the tangents, all differentiated; its
   * body is the forward pass returning the tangent alone.
   */
  public static MethodModel tangentModel(MethodModel model, JvpMethod jvp) {
    List<Var> params = new ArrayList<>(model.params());
    params.addAll(jvp.tangents());
    List<Var> independents = new ArrayList<>(model.independents());
    independents.addAll(jvp.tangents());
    return model.with(params, independents, new Stmt.Block(returnTangent(jvp.body())));
  }

  private static List<Stmt> returnTangent(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      out.add(returnTangent(s));
    }
    return out;
  }

  private static Stmt returnTangent(Stmt s) {
    if (s instanceof Stmt.ReturnRecord r) {
      return new Stmt.Return(r.args().get(1));
    }
    if (s instanceof Stmt.Block b) {
      return new Stmt.Block(returnTangent(b.statements()));
    }
    if (s instanceof Stmt.If f) {
      return new Stmt.If(f.condition(), (Stmt.Block) returnTangent(f.then()), (Stmt.Block) returnTangent(f.otherwise()));
    }
    if (s instanceof Stmt.Loop l) {
      return new Stmt.Loop(
          l.id(), returnTangent(l.init()), l.condition(), returnTangent(l.update()),
          (Stmt.Block) returnTangent(l.body()), l.testFirst());
    }
    return s;
  }
}
