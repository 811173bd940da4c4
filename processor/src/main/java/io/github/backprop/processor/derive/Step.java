package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Var;
import java.util.List;

/** One piece of the reverse sweep of a single statement, before adjoint storage is decided. */
sealed interface Step {
  /** {@code double _r0 = value;}: an incoming adjoint that several operands share. */
  record Temp(Var var, Expr value) implements Step {}

  /** {@code _d_var += delta;} */
  record Update(Var var, Expr delta) implements Step {}

  /** {@code _d_a[i] += delta;}: {@code target} indexes the adjoint array. */
  record UpdateElement(Expr.Index target, Expr delta) implements Step {}

  /** {@code _d_a[i] = 0.0;}: the element was overwritten, so its old value gets no more adjoint. */
  record ClearElement(Expr.Index target) implements Step {}

  /** {@code _d_a[i] = value;}: the element's adjoint restarts from what it passes to itself. */
  record SetElement(Expr.Index target, Expr value) implements Step {}

  /** {@code Adjoint.addTo(target, scale, source);}: a callee's array gradient, scaled. */
  record AddArray(Expr target, Expr scale, Expr source) implements Step {}

  /** The adjoint of {@code c ? a : b} flows into one side only, chosen as the forward sweep did. */
  record Branch(Expr condition, List<Step> then, List<Step> otherwise) implements Step {}
}
