package io.github.backprop.processor.ir;

/**
 * A value as written into a variable of another type. Generated derivative code may compute a
 * float variable's new value in double arithmetic (a partial of {@code Math.sin}, a double
 * constant), where Java needs the narrowing spelled out: {@code (float) (...)}, or a float
 * literal for a constant.
 */
public final class Narrowing {
  private Narrowing() {}

  /** {@code value} as a {@code target}: unchanged unless that narrows a double to a float. */
  public static Expr to(Type target, Expr value) {
    if (!target.equals(Type.FLOAT) || !StaticType.of(value).equals(Type.DOUBLE)) {
      return value;
    }
    if (value instanceof Expr.Literal l && l.value() instanceof Number n) {
      return new Expr.Literal(n.floatValue(), Type.FLOAT);
    }
    return new Expr.Cast(Type.FLOAT, value);
  }
}
