package io.github.backprop.processor.read;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Type;

/**
 * Java's typing of the integer and boolean operators (JLS 15.19, 15.22) and of writes to byte,
 * short and char variables, which backprop holds in an int: each write narrows as Java does.
 */
final class IntegerOps {
  private IntegerOps() {}

  /** The type of {@code l op r} for a shift or bitwise operator, or null where javac rejects it. */
  static Type binaryType(Op op, Type l, Type r) {
    if (op == Op.SHL || op == Op.SHR || op == Op.USHR) {
      // A shift has the promoted type of its left operand alone.
      return l.isIntegral() && r.isIntegral() ? Type.promote(l, Type.INT) : null;
    }
    if (l.equals(Type.BOOLEAN) && r.equals(Type.BOOLEAN)) {
      return Type.BOOLEAN;
    }
    return l.isIntegral() && r.isIntegral() ? Type.promote(l, r) : null;
  }

  /** The type of {@code target op value} before a compound assignment narrows it back. */
  static Type compoundType(Op op, Type target, Type value) {
    if (op.isBitwise()) {
      return binaryType(op, target, value);
    }
    return Type.promote(target, value);
  }

  /**
   * {@code value} as written into a variable declared {@code narrow} (byte, short or char):
   * unchanged where it already fits (a constant javac checked, or a narrower type, {@code
   * declared} being the value's type as the source declares it), else cast.
   */
  static Expr narrow(Type narrow, Expr value, Type declared) {
    if (value instanceof Expr.Literal || narrow.acceptsByWidening(declared)) {
      return value;
    }
    return new Expr.Cast(narrow, value);
  }

  /** {@code v op= value} of a narrow variable: {@code v = (byte) (v op value)}, as JLS 15.26.2 reads it. */
  static Expr compound(Type narrow, Expr self, Op op, Expr value) {
    return new Expr.Cast(narrow, new Expr.Binary(op, self, value, compoundType(op, self.type(), value.type())));
  }
}
