package io.github.backprop.processor.derive;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Exprs;
import io.github.backprop.processor.ir.Type;
import java.util.List;

/** The integer quotient behind {@code x % y} on doubles, for the partial with respect to y. */
final class Remainder {
  private Remainder() {}

  /**
   * {@code Math.rint((x - x % y) / y)}: the n of {@code x % y == x - n * y}. Java's {@code %} is
   * exact, so this is the n it used, where {@code trunc(x / y)} can round to the next integer
   * (0.3 / 0.1 is 2.9999999999999996 but 0.3 % 0.1 takes n = 2).
   */
  static Expr quotient(Expr x, Expr y) {
    Expr rem = new Expr.Binary(Op.REM, x, y, Type.DOUBLE);
    Expr whole = new Expr.Binary(Op.SUB, x, rem, Type.DOUBLE);
    return Exprs.math("rint", new Expr.Binary(Op.DIV, whole, y, Type.DOUBLE));
  }
}
