package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Rewrite;
import io.github.backprop.processor.ir.Var;

/** Replaces reads of one variable by another in an expression. */
final class Substitute {
  private Substitute() {}

  static Expr of(Expr e, Var from, Var to) {
    return Rewrite.substitute(e, from, new Expr.Ref(to));
  }
}
