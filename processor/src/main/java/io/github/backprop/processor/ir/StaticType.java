package io.github.backprop.processor.ir;

import java.util.Set;

/**
 * The type javac gives an expression, computed from its leaves with Java's promotion rules
 * rather than read from the node: generated code mixes {@code float} and {@code double}, and a
 * cast javac finds redundant, or a narrowing it finds missing, fails the user's build.
 */
public final class StaticType {
  private StaticType() {}

  /** {@code Math} functions with a {@code float} overload that returns {@code float}. */
  private static final Set<String> FLOAT_OVERLOADS =
      Set.of("abs", "max", "min", "signum", "copySign", "ulp", "nextUp", "nextDown", "nextAfter", "scalb", "fma");

  public static Type of(Expr e) {
    if (e instanceof Expr.Unary u) {
      return u.op() == Expr.Op.NOT ? Type.BOOLEAN : Type.promote(of(u.operand()), Type.INT);
    }
    if (e instanceof Expr.Binary b) {
      if (b.op().isComparison() || b.op().isLogical()) {
        return Type.BOOLEAN;
      }
      return Type.promote(of(b.left()), of(b.right()));
    }
    if (e instanceof Expr.Conditional c) {
      Type a = of(c.whenTrue());
      Type b = of(c.whenFalse());
      return a.isNumeric() && b.isNumeric() ? Type.promote(a, b) : a;
    }
    if (e instanceof Expr.Index i) {
      return of(i.array()).element();
    }
    if (e instanceof Expr.Call c && c.owner().isMath()) {
      return math(c.name(), c.args().stream().map(StaticType::of).toList(), c.type());
    }
    return e.type();
  }

  /** The type of {@code a op b} for an arithmetic operator: binary numeric promotion. */
  public static Type promote(Expr a, Expr b) {
    Type ta = of(a);
    Type tb = of(b);
    return ta.isNumeric() && tb.isNumeric() ? Type.promote(ta, tb) : ta;
  }

  /**
   * The result of a {@code Math} function as javac resolves the overload: {@code Math.signum}
   * of a float is a float, of a double a double; {@code declared} for every other function.
   */
  public static Type math(String name, java.util.List<Type> args, Type declared) {
    if (!FLOAT_OVERLOADS.contains(name) || args.isEmpty()) {
      return declared;
    }
    Type first = args.get(0);
    if (name.equals("abs") || name.equals("max") || name.equals("min")) {
      Type t = first;
      for (Type a : args) {
        t = Type.promote(t, a);
      }
      return t;
    }
    if (!first.equals(Type.FLOAT) && !first.equals(Type.INT) && !first.equals(Type.LONG)) {
      return Type.DOUBLE;
    }
    // scalb(float, int), nextAfter(float, double); the others take floats throughout.
    for (int i = 1; i < args.size(); i++) {
      Type a = args.get(i);
      boolean ok =
          name.equals("scalb") ? a.equals(Type.INT)
              : name.equals("nextAfter") || a.equals(Type.FLOAT) || a.equals(Type.INT) || a.equals(Type.LONG);
      if (!ok) {
        return Type.DOUBLE;
      }
    }
    return Type.FLOAT;
  }
}
