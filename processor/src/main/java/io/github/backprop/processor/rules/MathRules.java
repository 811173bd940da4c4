package io.github.backprop.processor.rules;

import static io.github.backprop.processor.ir.Exprs.add;
import static io.github.backprop.processor.ir.Exprs.div;
import static io.github.backprop.processor.ir.Exprs.lit;
import static io.github.backprop.processor.ir.Exprs.math;
import static io.github.backprop.processor.ir.Exprs.mul;
import static io.github.backprop.processor.ir.Exprs.neg;
import static io.github.backprop.processor.ir.Exprs.sub;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Expr.Binary;
import io.github.backprop.processor.ir.Expr.Conditional;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.rules.Rule.Partial;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table of derivative rules for {@code java.lang.Math} and {@code StrictMath}: one row per
 * function, one partial derivative per argument, in terms of the arguments {@code a} and the
 * result {@code r}. Both classes map to the same row, so a rule is never written twice.
 *
 * <p>Conventions at kinks, as PyTorch documents them: {@code abs} has derivative 0 at 0 (the
 * minimum-norm subgradient), and so have {@code hypot} and {@code atan2} at (0, 0); {@code max} and {@code min} split
 * the adjoint equally between tied arguments. {@code floor}, {@code ceil}, {@code rint}, {@code round}, {@code signum}, {@code ulp}
 * and {@code getExponent} are piecewise constant and have derivative 0 everywhere.
 */
public final class MathRules {
  private MathRules() {}

  /** The classes whose static functions this table covers: {@link Owner#MATH_FAMILY}. */
  public static final Set<String> OWNERS = Owner.MATH_FAMILY;

  /** 1 / ln 10, for log10. */
  private static final double INV_LN10 = 1 / Math.log(10);

  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    row("sin", (a, r) -> math("cos", a.get(0)));
    row("cos", (a, r) -> neg(math("sin", a.get(0))));
    row("tan", (a, r) -> add(lit(1), mul(r, r)));
    row("asin", (a, r) -> div(lit(1), math("sqrt", sub(lit(1), mul(a.get(0), a.get(0))))));
    row("acos", (a, r) -> div(lit(-1), math("sqrt", sub(lit(1), mul(a.get(0), a.get(0))))));
    row("atan", (a, r) -> div(lit(1), add(lit(1), mul(a.get(0), a.get(0)))));
    // At (0, 0), where atan2 jumps, both partials are taken as 0, not 0 / 0.
    row(
        "atan2",
        (a, r) -> atOrigin(a, div(a.get(1), sumOfSquares(a))),
        (a, r) -> atOrigin(a, div(neg(a.get(0)), sumOfSquares(a))));
    row("sinh", (a, r) -> math("cosh", a.get(0)));
    row("cosh", (a, r) -> math("sinh", a.get(0)));
    row("tanh", (a, r) -> sub(lit(1), mul(r, r)));
    row("exp", (a, r) -> r);
    row("expm1", (a, r) -> add(r, lit(1)));
    row("log", (a, r) -> div(lit(1), a.get(0)));
    row("log10", (a, r) -> div(lit(INV_LN10), a.get(0)));
    row("log1p", (a, r) -> div(lit(1), add(lit(1), a.get(0))));
    row("sqrt", (a, r) -> div(lit(0.5), r));
    row("cbrt", (a, r) -> div(lit(1), mul(lit(3), mul(r, r))));
    row("pow", MathRules::powBase, MathRules::powExponent);
    // At (0, 0), where hypot has a kink like abs at 0, both partials are taken as 0, not 0 / 0.
    row("hypot", (a, r) -> atZeroRadius(r, div(a.get(0), r)), (a, r) -> atZeroRadius(r, div(a.get(1), r)));
    row("abs", (a, r) -> math("signum", a.get(0)));
    row("max", (a, r) -> tieSplit(Op.GT, a.get(0), a.get(1)), (a, r) -> tieSplit(Op.GT, a.get(1), a.get(0)));
    row("min", (a, r) -> tieSplit(Op.LT, a.get(0), a.get(1)), (a, r) -> tieSplit(Op.LT, a.get(1), a.get(0)));
    row("fma", (a, r) -> a.get(1), (a, r) -> a.get(0), (a, r) -> lit(1));
    row("toRadians", (a, r) -> lit(Math.PI / 180));
    row("toDegrees", (a, r) -> lit(180 / Math.PI));
    row("IEEEremainder", (a, r) -> lit(1), (a, r) -> neg(math("rint", div(a.get(0), a.get(1)))));
    row(
        "copySign",
        (a, r) -> mul(math("signum", a.get(0)), math("copySign", lit(1), a.get(1))),
        (a, r) -> lit(0));
    row("scalb", (a, r) -> math("scalb", lit(1), a.get(1)), null);
    row("nextUp", (a, r) -> lit(1));
    row("nextDown", (a, r) -> lit(1));
    row("nextAfter", (a, r) -> lit(1), (a, r) -> lit(0));
    // Java 21+: clamp(value, min, max) passes the adjoint to whichever argument it returned.
    row(
        "clamp",
        (a, r) -> inside(a),
        (a, r) -> when(new Binary(Op.LT, a.get(0), a.get(1), Type.BOOLEAN)),
        (a, r) -> when(new Binary(Op.GT, a.get(0), a.get(2), Type.BOOLEAN)));
    for (String name : List.of("floor", "ceil", "rint", "round", "signum", "ulp", "getExponent")) {
      RULES.put(name, new Rule(name, 1, List.of()));
    }
  }

  /**
   * Rows of the FastMath families that {@code java.lang.Math} has no twin of, by name and arity:
   * the inverse hyperbolic functions and {@code log(base, x)}, and Smile's {@code sqr}, {@code log2}
   * and {@code logistic}.
   */
  private static final Map<String, Rule> FAST_MATH_ONLY = new LinkedHashMap<>();

  static {
    fastMathRow("asinh", (a, r) -> div(lit(1), math("sqrt", add(mul(a.get(0), a.get(0)), lit(1)))));
    fastMathRow("acosh", (a, r) -> div(lit(1), math("sqrt", sub(mul(a.get(0), a.get(0)), lit(1)))));
    fastMathRow("atanh", (a, r) -> div(lit(1), sub(lit(1), mul(a.get(0), a.get(0)))));
    // Smile 1.x's Math, called as Math by Smile's own code: sqr(x) = x * x, log2, logistic
    fastMathRow("sqr", (a, r) -> mul(lit(2), a.get(0)));
    fastMathRow("log2", (a, r) -> div(lit(1 / Math.log(2)), a.get(0)));
    fastMathRow("logistic", (a, r) -> mul(r, sub(lit(1), r)));
    // log(base, x) = ln x / ln base
    fastMathRow(
        "log",
        (a, r) -> neg(div(r, mul(a.get(0), math("log", a.get(0))))),
        (a, r) -> div(lit(1), mul(a.get(1), math("log", a.get(0)))));
  }

  private static void fastMathRow(String name, Partial... partials) {
    FAST_MATH_ONLY.put(
        name + "/" + partials.length,
        new Rule(name, partials.length, Collections.unmodifiableList(Arrays.asList(partials))));
  }

  /** The FastMath-only rows, as {@code name/arity}, e.g. {@code log/2}. */
  public static Set<String> fastMathOnly() {
    return Collections.unmodifiableSet(FAST_MATH_ONLY.keySet());
  }

  /** Functions of {@code Math} that are accepted with no derivative rule, and why. */
  public static final Map<String, String> WITHOUT_DERIVATIVE =
      Map.of("random", "takes no argument, so it depends on no differentiable input");

  private static void row(String name, Partial... partials) {
    RULES.put(name, new Rule(name, partials.length, Collections.unmodifiableList(Arrays.asList(partials))));
  }

  /** The rule for {@code name} taking {@code arity} arguments, or null. */
  public static Rule find(String name, int arity) {
    Rule rule = RULES.get(name);
    if (rule == null || (!rule.isZeroDerivative() && rule.arity() != arity)) {
      return FAST_MATH_ONLY.get(name + "/" + arity); // javac allows these on FastMath only
    }
    return rule;
  }

  /** Every function name the table has a row for. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(RULES.keySet());
  }

  private static Expr sumOfSquares(List<Expr> a) {
    return add(mul(a.get(0), a.get(0)), mul(a.get(1), a.get(1)));
  }

  /** d/dx x^y = y x^(y-1), written as a person would for small constant exponents. */
  private static Expr powBase(List<Expr> a, Expr r) {
    Expr x = a.get(0);
    Expr y = a.get(1);
    if (y instanceof Expr.Literal l && l.value() instanceof Number n) {
      double e = n.doubleValue();
      if (e == 1) {
        return lit(1);
      }
      if (e == 2) {
        return mul(lit(2), x);
      }
      return mul(lit(e), math("pow", x, lit(e - 1)));
    }
    // x^0 is 1 everywhere, so the slope is 0 at y == 0, also at x == 0 where the formula is 0 * inf.
    return new Conditional(
        new Binary(Op.EQ, y, lit(0), Type.BOOLEAN),
        lit(0),
        mul(y, math("pow", x, sub(y, lit(1)))),
        Type.DOUBLE);
  }

  /** d/dy x^y = x^y ln x; taken as 0 at x == 0, where x^y is flat for y > 0. */
  private static Expr powExponent(List<Expr> a, Expr r) {
    Expr x = a.get(0);
    return new Conditional(
        new Binary(Op.EQ, x, lit(0), Type.BOOLEAN), lit(0), mul(r, math("log", x)), Type.DOUBLE);
  }

  private static Expr atOrigin(List<Expr> a, Expr partial) {
    return new Conditional(new Binary(Op.EQ, sumOfSquares(a), lit(0), Type.BOOLEAN), lit(0), partial, Type.DOUBLE);
  }

  private static Expr atZeroRadius(Expr r, Expr partial) {
    return new Conditional(new Binary(Op.EQ, r, lit(0), Type.BOOLEAN), lit(0), partial, Type.DOUBLE);
  }

  /** 1 where {@code mine op other}, 0.5 at a tie, else 0. */
  private static Expr tieSplit(Op op, Expr mine, Expr other) {
    return new Conditional(
        new Binary(op, mine, other, Type.BOOLEAN),
        lit(1),
        new Conditional(new Binary(Op.EQ, mine, other, Type.BOOLEAN), lit(0.5), lit(0), Type.DOUBLE),
        Type.DOUBLE);
  }

  private static Expr when(Expr condition) {
    return new Conditional(condition, lit(1), lit(0), Type.DOUBLE);
  }

  private static Expr inside(List<Expr> a) {
    return when(
        new Binary(
            Op.AND,
            new Binary(Op.GE, a.get(0), a.get(1), Type.BOOLEAN),
            new Binary(Op.LE, a.get(0), a.get(2), Type.BOOLEAN),
            Type.BOOLEAN));
  }
}
