package io.github.backprop.processor.derive;

import com.sun.source.tree.Tree;
import io.github.backprop.processor.analysis.Activity;
import io.github.backprop.processor.diag.ErrorReporter;
import io.github.backprop.processor.diag.ErrorReporter.Tag;
import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.MethodModel;
import io.github.backprop.processor.ir.Stmt;
import io.github.backprop.processor.ir.Var;
import io.github.backprop.processor.ir.Walk;

/**
 * What forward mode cannot follow, reported at the construct before {@link ForwardSweep} runs,
 * while the body still holds the source positions: a value with a tangent passed to a method with
 * no derivative, and an array value whose tangent array it cannot name.
 */
final class ForwardFence {
  private final MethodModel model;
  private final Activity activity;
  private final ErrorReporter reporter;

  ForwardFence(MethodModel model, Activity activity, ErrorReporter reporter) {
    this.model = model;
    this.activity = activity;
    this.reporter = reporter;
  }

  void check() {
    Walk.each(model.body(), this::statement);
  }

  private void statement(Stmt s) {
    Walk.eachExpr(s, this::call);
    Var target = null;
    Expr value = null;
    if (s instanceof Stmt.Declare d && d.init() != null) {
      target = d.var();
      value = d.init();
    } else if (s instanceof Stmt.Assign a) {
      target = a.var();
      value = a.value();
    } else if (s instanceof Stmt.Store st && st.target().type().isArray()) {
      target = st.target().base();
      value = st.value();
    }
    if (target != null && value.type().isArray() && activity.isActive(target) && !followed(value, true)) {
      error(Tag.UNSUPPORTED,
          "forward mode (forward = true) cannot follow the tangent of this array value into '"
              + target.name() + "': give it a new array (new double[n], or {a, b}) and fill it in a"
              + " loop, or System.arraycopy; or drop forward = true",
          value, s);
    }
  }

  /** Whether the tangent of an array value is an array forward mode can name or make. */
  private static boolean followed(Expr e, boolean top) {
    if (e instanceof Expr.Ref || e instanceof Expr.Index || e instanceof Expr.Literal) {
      return true;
    }
    if (e instanceof Expr.Conditional c) {
      return followed(c.whenTrue(), false) && followed(c.whenFalse(), false);
    }
    if (e instanceof Expr.NewArray n) {
      boolean plain = true;
      for (Expr d : n.dims()) {
        // Sizes are computed again for the tangent inside ?:, so they must be plain values.
        plain &= top || !Hoist.needsNaming(d);
      }
      for (Expr x : n.elements()) {
        plain &= !x.type().isArray() || followed(x, false);
      }
      return plain;
    }
    return false;
  }

  /**
   * A value with a tangent passed to a method with no derivative. Reverse mode reports this
   * where the value reaches the result; forward mode also carries what reaches the arrays the
   * caller gets back.
   */
  private void call(Expr e) {
    boolean noDerivative =
        (e instanceof Expr.Call c && c.type().isDifferentiable() && io.github.backprop.processor.rules.Rule.underived(c, activity::isActive) >= 0)
            || (e instanceof Expr.Foreign f && f.type() != null && f.type().isDifferentiable()
                && f.values().stream().anyMatch(activity::isActive));
    if (noDerivative) {
      error(Tag.NO_DERIVATIVE,
          "forward mode (forward = true) has no derivative for this call, and a value with a"
              + " tangent is passed to it (it reaches an array parameter the method writes into):"
              + " compute it with java.lang.Math functions, declare its derivative with a"
              + " @DerivativeOf rule, or drop forward = true",
          e, null);
    }
  }

  private void error(Tag tag, String message, Expr at, Stmt s) {
    Tree tree = model.trees().get(at);
    if (tree == null && s != null) {
      tree = model.trees().get(s);
    }
    if (tree == null) {
      reporter.error(tag, message, model.element());
    } else {
      reporter.error(tag, message, tree, model.unit());
    }
  }
}
