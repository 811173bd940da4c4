package io.github.backprop.processor.write;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Type;

/** Literals as Java writes them: {@code 2.0}, {@code 1.5f}, {@code 3L}, {@code 'a'}, {@code Double.NaN}. */
final class Literals {
  private Literals() {}

  static String literal(Expr.Literal l) {
    Object v = l.value();
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    if (l.type().prim() == Type.Prim.DOUBLE) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return "Double.NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      }
      return Double.toString(d);
    }
    if (l.type().prim() == Type.Prim.FLOAT) {
      return FloatLiterals.print(((Number) v).floatValue());
    }
    if (l.type().prim() == Type.Prim.LONG) {
      return ((Number) v).longValue() + "L";
    }
    if (l.type().prim() == Type.Prim.CHAR) {
      return charLiteral((char) ((Number) v).intValue());
    }
    return Integer.toString(((Number) v).intValue());
  }

  /** The value a declaration starts with where it has no initializer of its own. */
  static String defaultValue(Type t) {
    switch (t.prim()) {
      case DOUBLE:
        return "0.0";
      case BOOLEAN:
        return "false";
      case LONG:
        return "0L";
      case STRING:
      case ENUM:
      case OBJECT:
      case LIST:
        return "null";
      default:
        return "0";
    }
  }

  /** A char literal: {@code 'a'}, escaped where needed, a unicode escape outside printable ASCII. */
  private static String charLiteral(char c) {
    if (c == '\'' || c == '\\') {
      return "'\\" + c + "'";
    }
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("'\\u%04x'", (int) c);
  }

  /** Whether the literal prints with a minus sign, so that it needs parentheses after a unary operator. */
  static boolean isNegative(Expr.Literal l) {
    return l.value() instanceof Number n
        && (n.doubleValue() < 0
            || ((n instanceof Double || n instanceof Float) && n.doubleValue() == 0.0 && 1 / n.doubleValue() < 0));
  }
}
