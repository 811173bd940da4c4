package io.github.backprop.processor.interp;

import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Type;

/**
 * Java's arithmetic on boxed values, as the generated code runs it: a value is a {@code Double},
 * {@code Float}, {@code Long}, {@code Integer} or {@code Boolean} (byte, short and char live in an
 * {@code Integer}, as the IR holds them), and each operator applies binary numeric promotion to
 * the values' own types, so float stays float and int wraps.
 */
final class Arith {
  private Arith() {}

  /** A value read from an array or a call, with byte, short and char widened to int. */
  static Object normal(Object v) {
    if (v instanceof Character c) {
      return (int) c;
    }
    if (v instanceof Byte || v instanceof Short) {
      return ((Number) v).intValue();
    }
    return v;
  }

  /** A literal's value in its own type. */
  static Object literal(Object value, Type type) {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Character c) {
      return (int) c;
    }
    return cast(type, value);
  }

  static boolean truth(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new InterpreterException("a condition that is not a boolean: " + describe(v));
  }

  static int index(Object v) {
    if (v instanceof Integer i) {
      return i;
    }
    throw new InterpreterException("an array index that is not an int: " + describe(v));
  }

  static String describe(Object v) {
    return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
  }

  /** {@code (type) v}: Java's casting conversion between primitives (narrowing included). */
  static Object cast(Type type, Object v) {
    if (type.isArray() || type.isReference()) {
      return v; // a reference cast only checks, and the values come from typed code
    }
    if (type.prim() == Type.Prim.BOOLEAN) {
      if (v instanceof Boolean) {
        return v;
      }
      throw new InterpreterException("a cast of " + describe(v) + " to boolean");
    }
    if (!(v instanceof Number n)) {
      throw new InterpreterException("a cast of " + describe(v) + " to " + type);
    }
    switch (type.prim()) {
      case DOUBLE:
        return n.doubleValue();
      case FLOAT:
        return n.floatValue();
      case LONG:
        return n.longValue();
      case INT:
        return n.intValue();
      case SHORT:
        return (int) (short) (n instanceof Double || n instanceof Float ? (int) n.doubleValue() : n.longValue());
      case BYTE:
        return (int) (byte) (n instanceof Double || n instanceof Float ? (int) n.doubleValue() : n.longValue());
      case CHAR:
        return (int) (char) (n instanceof Double || n instanceof Float ? (int) n.doubleValue() : n.longValue());
      default:
        throw new InterpreterException("a cast to " + type);
    }
  }

  /**
   * {@code v} as written into a variable or element of {@code type} by plain assignment: widening
   * only, and a double narrowed to float (the writer spells that cast out, {@code ir/Narrowing}).
   * Anything else would not compile, so it is an error here.
   */
  static Object assign(Type type, Object v) {
    if (type.isArray() || type.isReference()) {
      return v;
    }
    Type from = typeOf(v);
    if (from == null) {
      throw new InterpreterException("writes " + describe(v) + " into a " + type);
    }
    Type to = type.stored();
    if (to.equals(from) || to.acceptsByWidening(from)
        || (to.equals(Type.FLOAT) && from.equals(Type.DOUBLE))
        || (type.isNarrow() && from.equals(Type.INT))) {
      return cast(type, v);
    }
    throw new InterpreterException("writes " + describe(v) + " into a " + type + " without a cast: javac would reject it");
  }

  /** The primitive type of a value, or null for a reference. */
  static Type typeOf(Object v) {
    if (v instanceof Double) {
      return Type.DOUBLE;
    }
    if (v instanceof Float) {
      return Type.FLOAT;
    }
    if (v instanceof Long) {
      return Type.LONG;
    }
    if (v instanceof Integer) {
      return Type.INT;
    }
    if (v instanceof Boolean) {
      return Type.BOOLEAN;
    }
    return null;
  }

  static Object unary(Op op, Object v) {
    v = normal(v);
    switch (op) {
      case NOT:
        return !truth(v);
      case NEG:
        if (v instanceof Double d) {
          return -d;
        }
        if (v instanceof Float f) {
          return -f;
        }
        if (v instanceof Long l) {
          return -l;
        }
        if (v instanceof Integer i) {
          return -i;
        }
        break;
      case COMPLEMENT:
        if (v instanceof Long l) {
          return ~l;
        }
        if (v instanceof Integer i) {
          return ~i;
        }
        break;
      default:
        break;
    }
    throw new InterpreterException("unary " + op.symbol() + " of " + describe(v));
  }

  /** {@code a op b} for every operator but the short-circuit ones, which the caller evaluates. */
  static Object binary(Op op, Object a, Object b) {
    if (op == Op.AND || op == Op.OR) {
      throw new InterpreterException("&& and || short-circuit: not here");
    }
    if (op == Op.ADD && (a instanceof String || b instanceof String)) {
      return String.valueOf(a) + b;
    }
    a = normal(a);
    b = normal(b);
    if (a instanceof Boolean x && b instanceof Boolean y) {
      switch (op) {
        case EQ:
          return x.booleanValue() == y.booleanValue();
        case NE:
          return x.booleanValue() != y.booleanValue();
        case BITAND:
          return x & y;
        case XOR:
          return x ^ y;
        case BITOR:
          return x | y;
        default:
          throw new InterpreterException(op.symbol() + " of booleans");
      }
    }
    if (!(a instanceof Number) || !(b instanceof Number)) {
      if (op == Op.EQ) {
        return a == b;
      }
      if (op == Op.NE) {
        return a != b;
      }
      throw new InterpreterException(describe(a) + " " + op.symbol() + " " + describe(b));
    }
    if (op == Op.SHL || op == Op.SHR || op == Op.USHR) {
      return shift(op, a, b);
    }
    if (a instanceof Double || b instanceof Double) {
      return doubles(op, ((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof Float || b instanceof Float) {
      return floats(op, ((Number) a).floatValue(), ((Number) b).floatValue());
    }
    if (a instanceof Long || b instanceof Long) {
      return longs(op, ((Number) a).longValue(), ((Number) b).longValue());
    }
    return ints(op, (Integer) a, (Integer) b);
  }

  private static Object shift(Op op, Object a, Object b) {
    long distance = ((Number) b).longValue();
    if (a instanceof Integer i) {
      int d = (int) distance; // Java masks the low five bits, of a long distance too
      return op == Op.SHL ? i << d : op == Op.SHR ? i >> d : i >>> d;
    }
    if (a instanceof Long l) {
      int d = (int) distance;
      return op == Op.SHL ? l << d : op == Op.SHR ? l >> d : l >>> d;
    }
    throw new InterpreterException("a shift of " + describe(a));
  }

  private static Object doubles(Op op, double a, double b) {
    switch (op) {
      case MUL:
        return a * b;
      case DIV:
        return a / b;
      case REM:
        return a % b;
      case ADD:
        return a + b;
      case SUB:
        return a - b;
      case LT:
        return a < b;
      case LE:
        return a <= b;
      case GT:
        return a > b;
      case GE:
        return a >= b;
      case EQ:
        return a == b;
      case NE:
        return a != b;
      default:
        throw new InterpreterException(op.symbol() + " of doubles");
    }
  }

  /**
   * Float arithmetic as double arithmetic rounded once: a double holds twice float's precision and
   * more, so +, -, *, / and % of two floats, computed in double and rounded to float, are the
   * float operations' own results; comparisons of floats widened exactly are unchanged.
   */
  private static Object floats(Op op, float a, float b) {
    Object r = doubles(op, a, b);
    return r instanceof Double x ? (Object) (float) (double) x : r;
  }

  private static Object longs(Op op, long a, long b) {
    switch (op) {
      case MUL:
        return a * b;
      case DIV:
        return a / b;
      case REM:
        return a % b;
      case ADD:
        return a + b;
      case SUB:
        return a - b;
      case LT:
        return a < b;
      case LE:
        return a <= b;
      case GT:
        return a > b;
      case GE:
        return a >= b;
      case EQ:
        return a == b;
      case NE:
        return a != b;
      case BITAND:
        return a & b;
      case XOR:
        return a ^ b;
      case BITOR:
        return a | b;
      default:
        throw new InterpreterException(op.symbol() + " of longs");
    }
  }

  /**
   * Int arithmetic as long arithmetic cut to 32 bits: the low 32 bits of a long sum, difference,
   * product, quotient, remainder or bitwise result of two ints are the int operation's, overflow
   * and Integer.MIN_VALUE / -1 included; division by zero throws the same.
   */
  private static Object ints(Op op, int a, int b) {
    Object r = longs(op, a, b);
    return r instanceof Long x ? (Object) (int) (long) x : r;
  }
}
