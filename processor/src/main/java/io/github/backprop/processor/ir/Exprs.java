package io.github.backprop.processor.ir;

import io.github.backprop.processor.ir.Expr.Binary;
import io.github.backprop.processor.ir.Expr.Call;
import io.github.backprop.processor.ir.Expr.Literal;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Expr.Ref;
import io.github.backprop.processor.ir.Expr.Unary;
import java.util.List;

/**
 * Builders for generated double expressions. They fold constants and drop identities, so
 * derivative code never reads {@code 1.0 * x}, {@code x + 0.0} or {@code --x}.
 */
public final class Exprs {
  private Exprs() {}

  public static final Literal ZERO = Literal.of(0.0);
  public static final Literal ONE = Literal.of(1.0);

  public static Expr lit(double v) {
    return Literal.of(v);
  }

  /**
   * {@code a op b} in floating-point arithmetic, as all derivative code is. Where the identities
   * above leave two int operands, Java would divide or multiply them as ints: {@code 1 / 2} is 0.
   * Next to a float, a constant a float holds exactly is written as one, so float code stays in
   * float arithmetic: {@code 0.5f * g}.
   */
  private static Binary binary(Op op, Expr a, Expr b) {
    if (!StaticType.of(a).isFloating() && !StaticType.of(b).isFloating()) {
      a = a instanceof Literal l && l.value() instanceof Number n ? lit(n.doubleValue()) : new Expr.Cast(Type.DOUBLE, a);
    }
    a = asFloatBeside(a, b);
    b = asFloatBeside(b, a);
    return new Binary(op, a, b, StaticType.promote(a, b));
  }

  /** A double literal beside a float expression, as a float literal where that is exact. */
  static Expr asFloatBeside(Expr literal, Expr other) {
    if (literal instanceof Literal l
        && l.type().equals(Type.DOUBLE)
        && l.value() instanceof Number n
        && (double) (float) n.doubleValue() == n.doubleValue()
        && StaticType.of(other).equals(Type.FLOAT)) {
      return new Literal(n.floatValue(), Type.FLOAT);
    }
    return literal;
  }

  /** {@code c ? a : b} of numbers, typed as Java types it. */
  public static Expr.Conditional conditional(Expr c, Expr a, Expr b) {
    a = asFloatBeside(a, b);
    b = asFloatBeside(b, a);
    return new Expr.Conditional(c, a, b, StaticType.promote(a, b));
  }

  /** The default value of a variable of {@code type}, as Java gives a field. */
  public static Expr.Literal zeroOf(Type type) {
    return switch (type.prim()) {
      case DOUBLE -> new Expr.Literal(0.0, type);
      case FLOAT -> new Expr.Literal(0.0f, type);
      case LONG -> new Expr.Literal(0L, type);
      case BOOLEAN -> new Expr.Literal(false, type);
      case STRING, ENUM, OBJECT, LIST -> new Expr.Literal(null, type);
      default -> new Expr.Literal(0, type);
    };
  }

  public static Expr ref(Var v) {
    return new Ref(v);
  }

  public static boolean isZero(Expr e) {
    if (e instanceof Literal l) {
      return l.is(0.0);
    }
    Number n = fold(e);
    return n != null && n.doubleValue() == 0 && !(n instanceof Double d && d.isNaN());
  }

  static boolean isOne(Expr e) {
    return e instanceof Literal l && l.is(1.0);
  }

  /** The value of a numeric literal, as derivative code (always double) uses it. */
  private static Double constant(Expr e) {
    if (e instanceof Literal l && l.type().isNumeric() && l.value() instanceof Number n) {
      return n.doubleValue();
    }
    Number folded = fold(e);
    return folded == null ? null : folded.doubleValue();
  }

  /**
   * The value of an expression of literals only, {@code (1 - 1)} or {@code 1 / 2} (0 in int
   * arithmetic), evaluated as Java does for its type; null if it reads anything else.
   */
  static Number fold(Expr e) {
    if (e instanceof Literal l) {
      return l.type().isNumeric() && l.value() instanceof Number n ? n : null;
    }
    if (e instanceof Unary u && u.op() == Op.NEG) {
      Number n = fold(u.operand());
      if (n == null) {
        return null;
      }
      return u.type().isDouble() ? (Number) (-n.doubleValue())
          : u.type().equals(Type.FLOAT) ? (Number) (-n.floatValue())
          : u.type().equals(Type.LONG) ? (Number) (-n.longValue())
          : (Number) (-n.intValue());
    }
    if (!(e instanceof Binary b) || !b.type().isNumeric()) {
      return null;
    }
    Number l = fold(b.left());
    Number r = fold(b.right());
    if (l == null || r == null) {
      return null;
    }
    if (b.type().equals(Type.FLOAT)) {
      float x = l.floatValue();
      float y = r.floatValue();
      switch (b.op()) {
        case ADD: return x + y;
        case SUB: return x - y;
        case MUL: return x * y;
        case DIV: return x / y;
        default: return null;
      }
    }
    if (b.type().isDouble()) {
      double x = l.doubleValue();
      double y = r.doubleValue();
      switch (b.op()) {
        case ADD: return x + y;
        case SUB: return x - y;
        case MUL: return x * y;
        case DIV: return x / y;
        default: return null;
      }
    }
    // int arithmetic is long arithmetic narrowed: the same bits, overflow included.
    long x = l.longValue();
    long y = r.longValue();
    Long v;
    switch (b.op()) {
      case ADD: v = x + y; break;
      case SUB: v = x - y; break;
      case MUL: v = x * y; break;
      case DIV: v = y == 0 ? null : x / y; break;
      case REM: v = y == 0 ? null : x % y; break;
      default: v = null; break;
    }
    if (v == null) {
      return null;
    }
    return b.type().equals(Type.LONG) ? (Number) v : (Number) (int) (long) v;
  }

  public static Expr add(Expr a, Expr b) {
    if (isZero(a)) {
      return b;
    }
    if (isZero(b)) {
      return a;
    }
    Double ca = constant(a);
    Double cb = constant(b);
    if (ca != null && cb != null) {
      return lit(ca + cb);
    }
    Expr like = likeTerms(a, b, 1);
    if (like != null) {
      return like;
    }
    if (b instanceof Unary u && u.op() == Op.NEG) {
      return sub(a, u.operand());
    }
    if (cb != null && cb < 0) {
      return sub(a, lit(-cb));
    }
    return binary(Op.ADD, a, b);
  }

  public static Expr sub(Expr a, Expr b) {
    if (isZero(b)) {
      return a;
    }
    if (isZero(a)) {
      return neg(b);
    }
    Double ca = constant(a);
    Double cb = constant(b);
    if (ca != null && cb != null) {
      return lit(ca - cb);
    }
    Expr like = likeTerms(a, b, -1);
    if (like != null) {
      return like;
    }
    if (b instanceof Unary u && u.op() == Op.NEG) {
      return add(a, u.operand());
    }
    return binary(Op.SUB, a, b);
  }

  public static Expr neg(Expr a) {
    Double c = constant(a);
    if (c != null) {
      return lit(-c);
    }
    if (a instanceof Unary u && u.op() == Op.NEG) {
      return u.operand();
    }
    if (a instanceof Binary b && b.op() == Op.SUB) {
      return sub(b.right(), b.left());
    }
    Type t = StaticType.of(a);
    return new Unary(Op.NEG, a, t.isNumeric() ? Type.promote(t, Type.INT) : Type.DOUBLE);
  }

  /** Product; a negation moves to the front so {@code -g * x} reads as it would by hand. */
  public static Expr mul(Expr a, Expr b) {
    if (isZero(a) || isZero(b)) {
      return ZERO;
    }
    if (isOne(a)) {
      return b;
    }
    if (isOne(b)) {
      return a;
    }
    Double ca = constant(a);
    Double cb = constant(b);
    if (ca != null && cb != null) {
      return lit(ca * cb);
    }
    if (ca != null && ca == -1.0) {
      return neg(b);
    }
    if (cb != null && cb == -1.0) {
      return neg(a);
    }
    if (a instanceof Unary u && u.op() == Op.NEG) {
      return neg(mul(u.operand(), b));
    }
    if (b instanceof Unary u && u.op() == Op.NEG) {
      return neg(mul(a, u.operand()));
    }
    // g * (1 / x) is g / x.
    if (b instanceof Binary d && d.op() == Op.DIV && isOne(d.left())) {
      return div(a, d.right());
    }
    if (b instanceof Binary d && d.op() == Op.DIV && constant(d.left()) != null && constant(d.left()) == -1.0) {
      return neg(div(a, d.right()));
    }
    // g * (c ? 1 : 0) reads better, and cannot turn 0 * NaN into NaN, as c ? g : 0.
    if (b instanceof Expr.Conditional c && isLiteral(c.whenTrue()) && isLiteral(c.whenFalse())) {
      return conditional(c.condition(), mul(a, c.whenTrue()), mul(a, c.whenFalse()));
    }
    // Constants lead, as a person writes 2 * x.
    if (cb != null) {
      return binary(Op.MUL, b, a);
    }
    return binary(Op.MUL, a, b);
  }

  public static Expr div(Expr a, Expr b) {
    if (isZero(a)) {
      return ZERO;
    }
    if (isOne(b)) {
      return a;
    }
    Double ca = constant(a);
    Double cb = constant(b);
    // Derivative code divides in double arithmetic, also two int literals (see binary).
    if (ca != null && cb != null && cb != 0.0) {
      return lit(ca / cb);
    }
    if (a instanceof Unary u && u.op() == Op.NEG) {
      return neg(div(u.operand(), b));
    }
    return binary(Op.DIV, a, b);
  }

  /**
   * A product as a constant times factors: {@code -(2 * g) * x} is {@code -2} and {@code [g, x]}.
   */
  private record Monomial(double coefficient, List<Expr> factors) {}

  private static Monomial monomial(Expr e) {
    Double c = constant(e);
    if (c != null) {
      return new Monomial(c, List.of());
    }
    if (e instanceof Unary u && u.op() == Op.NEG) {
      Monomial m = monomial(u.operand());
      return new Monomial(-m.coefficient(), m.factors());
    }
    if (e instanceof Binary b && b.op() == Op.MUL && b.type().isFloating()) {
      Monomial l = monomial(b.left());
      Monomial r = monomial(b.right());
      List<Expr> f = new java.util.ArrayList<>(l.factors());
      f.addAll(r.factors());
      return new Monomial(l.coefficient() * r.coefficient(), f);
    }
    return new Monomial(1, List.of(e));
  }

  /**
   * {@code a + sign * b} as one term where both are the same product up to a constant, as a
   * person simplifies {@code g * x + g * x} to {@code 2 * g * x}; null where they are not.
   */
  private static Expr likeTerms(Expr a, Expr b, int sign) {
    Monomial ma = monomial(a);
    Monomial mb = monomial(b);
    if (ma.factors().isEmpty() || !sameFactors(ma.factors(), mb.factors())) {
      return null;
    }
    double c = ma.coefficient() + sign * mb.coefficient();
    if (c == 0) {
      return null; // keep x - x as written: it is NaN for an infinite x
    }
    Expr product = null;
    for (Expr f : ma.factors()) {
      product = product == null ? f : binary(Op.MUL, product, f);
    }
    if (Math.abs(c) == 1) {
      return c > 0 ? product : neg(product);
    }
    Expr k = Math.rint(c) == c && Math.abs(c) < 1 << 20 && ma.factors().get(0).type().isFloating()
        ? Literal.ofInt((int) Math.abs(c))
        : lit(Math.abs(c));
    Expr scaled = k;
    for (Expr f : ma.factors()) {
      scaled = binary(Op.MUL, scaled, f);
    }
    return c > 0 ? scaled : neg(scaled);
  }

  private static boolean sameFactors(List<Expr> a, List<Expr> b) {
    if (a.size() != b.size()) {
      return false;
    }
    List<Expr> rest = new java.util.ArrayList<>(b);
    for (Expr x : a) {
      if (!rest.remove(x)) {
        return false;
      }
    }
    return true;
  }

  /** {@code e + k} in int arithmetic, folding literals: {@code (n - 1) + 1} is {@code n}. */
  public static Expr intAdd(Expr e, int k) {
    if (k == 0) {
      return e;
    }
    if (e instanceof Literal l && l.value() instanceof Integer v) {
      return Literal.ofInt(v + k);
    }
    if (e instanceof Binary b && (b.op() == Op.ADD || b.op() == Op.SUB)
        && b.right() instanceof Literal l && l.value() instanceof Integer c) {
      int sum = (b.op() == Op.ADD ? c : -c) + k;
      return intAdd(b.left(), sum);
    }
    return k > 0
        ? new Binary(Op.ADD, e, Literal.ofInt(k), Type.INT)
        : new Binary(Op.SUB, e, Literal.ofInt(-k), Type.INT);
  }

  public static Expr intSub(Expr e, int k) {
    return intAdd(e, -k);
  }

  /** {@code !c}, and {@code c} itself for {@code !!c}; comparisons are never flipped (NaN). */
  public static Expr not(Expr c) {
    return c instanceof Unary u && u.op() == Op.NOT ? u.operand() : new Unary(Op.NOT, c, Type.BOOLEAN);
  }

  public static Expr math(String name, Expr... args) {
    List<Expr> all = List.of(args);
    return new Call(Owner.MATH, name, all, StaticType.math(name, all.stream().map(StaticType::of).toList(), Type.DOUBLE));
  }

  private static boolean isLiteral(Expr e) {
    return e instanceof Literal || (e instanceof Expr.Conditional c && isLiteral(c.whenTrue()) && isLiteral(c.whenFalse()));
  }

  /** Whether an expression is cheap and pure enough to repeat instead of naming it. */
  public static boolean isAtom(Expr e) {
    return e instanceof Literal
        || e instanceof Ref
        || e instanceof Expr.Constant
        || e instanceof Expr.Component
        || (e instanceof Unary u && isAtom(u.operand()))
        // An element at a variable or constant index, e.g. _d_a[i]: one load.
        || (e instanceof Expr.Index i && isAtom(i.array()) && isAtom(i.index()));
  }
}
