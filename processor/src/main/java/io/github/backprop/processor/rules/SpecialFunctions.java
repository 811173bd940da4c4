package io.github.backprop.processor.rules;

import static io.github.backprop.processor.ir.Exprs.add;
import static io.github.backprop.processor.ir.Exprs.div;
import static io.github.backprop.processor.ir.Exprs.lit;
import static io.github.backprop.processor.ir.Exprs.math;
import static io.github.backprop.processor.ir.Exprs.mul;
import static io.github.backprop.processor.ir.Exprs.neg;
import static io.github.backprop.processor.ir.Exprs.sub;

import io.github.backprop.processor.ir.Expr;
import io.github.backprop.processor.ir.Expr.Binary;
import io.github.backprop.processor.ir.Expr.Conditional;
import io.github.backprop.processor.ir.Expr.Op;
import io.github.backprop.processor.ir.Owner;
import io.github.backprop.processor.ir.Type;
import io.github.backprop.processor.rules.Rule.Partial;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one table of derivative rules for the special functions of the libraries numerical Java
 * calls: Hipparchus and Commons Math 3 ({@code Gamma}, {@code Erf}, {@code Beta}), Commons
 * Numbers Gamma ({@code LogGamma.value} and its siblings) and Smile 1.x ({@code smile.math.special}),
 * with {@code MathUtils.normalizeAngle}, Strata's {@code MathUtils.pow2} to {@code pow4} and Hipparchus's Carlson
 * integral {@code rF}. The formulas are written once; each
 * library's row calls that library's own {@code digamma}, {@code logBeta} or {@code derivative},
 * so a gradient agrees with the library it differentiates.
 *
 * <p>The shape parameters of the regularized gamma and beta functions have no closed-form
 * derivative: their partials are {@link Rule#UNKNOWN}, and passing them a differentiable value is
 * a compile error that asks for a {@code @DerivativeOf} rule. Smile's digamma, whose library has
 * no trigamma, has the runtime's {@code Polygamma.trigamma} as its derivative. Trigamma has no
 * rule (no library has its derivative), so it stays a call with no derivative, as any other.
 */
public final class SpecialFunctions {
  private SpecialFunctions() {}

  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  private static final double SQRT_PI_OVER_TWO = Math.sqrt(Math.PI) / 2;

  private static final Map<String, Rule> ROWS = new HashMap<>();

  private static final Owner POLYGAMMA = new Owner("io.github.backprop", "Polygamma");

  /** The functions a family's partials call, each in that family's own classes. */
  private record Family(
      Function<Expr, Expr> digamma,
      Function<Expr, Expr> logGamma,
      Function<List<Expr>, Expr> logBeta) {}

  static {
    for (String pkg : List.of("org.hipparchus.special", "org.apache.commons.math3.special")) {
      Owner gamma = new Owner(pkg, "Gamma");
      Owner erf = new Owner(pkg, "Erf");
      Owner beta = new Owner(pkg, "Beta");
      Family f =
          new Family(
              x -> call(gamma, "digamma", x),
              x -> call(gamma, "logGamma", x),
              a -> call(beta, "logBeta", a.get(0), a.get(1)));
      gammaRows(f, gamma, "logGamma", "gamma", "digamma", "logGamma1p", "invGamma1pm1");
      // regularizedGammaP(a, x) and (a, x, epsilon, maxIterations): the tolerance moves no result.
      Partial p = (a, r) -> gammaDensity(f, a.get(0), a.get(1));
      Partial q = (a, r) -> neg(gammaDensity(f, a.get(0), a.get(1)));
      row(gamma, "regularizedGammaP", Rule.UNKNOWN, p);
      row(gamma, "regularizedGammaP", Rule.UNKNOWN, p, zero(), null);
      row(gamma, "regularizedGammaQ", Rule.UNKNOWN, q);
      row(gamma, "regularizedGammaQ", Rule.UNKNOWN, q, zero(), null);
      erfRows(erf, "erf", "erfc", "erfInv", "erfcInv");
      row(erf, "erf", (a, r) -> neg(gaussian(a.get(0))), (a, r) -> gaussian(a.get(1)));
      row(beta, "logBeta", (a, r) -> logBetaA(f, a.get(0), a.get(1)), (a, r) -> logBetaA(f, a.get(1), a.get(0)));
      // Commons Math 3 also has logBeta(a, b, epsilon, maxIterations), its tolerance unused.
      if (pkg.contains("math3")) {
        row(beta, "logBeta", (a, r) -> logBetaA(f, a.get(0), a.get(1)), (a, r) -> logBetaA(f, a.get(1), a.get(0)), zero(), null);
      }
      Partial bx = (a, r) -> betaDensity(f.logBeta().apply(a.subList(1, 3)), a.get(0), a.get(1), a.get(2));
      // regularizedBeta(x, a, b), then with epsilon, or maxIterations, or both.
      row(beta, "regularizedBeta", bx, Rule.UNKNOWN, Rule.UNKNOWN);
      row(beta, "regularizedBeta", bx, Rule.UNKNOWN, Rule.UNKNOWN, zero());
      row(beta, "regularizedBeta", bx, Rule.UNKNOWN, Rule.UNKNOWN, zero(), null);
    }
    // normalizeAngle(a, center) = a - 2 pi floor((a + pi - center) / (2 pi)): between its jumps, a
    // moves the result one for one and center does not move it.
    for (String pkg : List.of("org.hipparchus.util", "org.apache.commons.math3.util")) {
      row(new Owner(pkg, "MathUtils"), "normalizeAngle", (a, r) -> lit(1), (a, r) -> lit(0));
    }
    numbersRows("org.apache.commons.numbers.gamma");
    // Strata's MathUtils.pow2, pow3 and pow4 (value * value, ...), which its SABR formulas call
    Owner strata = new Owner("com.opengamma.strata.math", "MathUtils");
    row(strata, "pow2", (a, r) -> mul(lit(2), a.get(0)));
    row(strata, "pow3", (a, r) -> mul(lit(3), mul(a.get(0), a.get(0))));
    row(strata, "pow4", (a, r) -> mul(lit(4), mul(a.get(0), mul(a.get(0), a.get(0)))));
    smileRows("smile.math.special");
    // Carlson's rF: dR_F(x, y, z)/dz = -R_D(x, y, z)/6 (DLMF 19.18.1), R_D symmetric in its first
    // two arguments. rD has no rule, so a second derivative of rF asks for one.
    Owner carlson = new Owner("org.hipparchus.special.elliptic.carlson", "CarlsonEllipticIntegral");
    Function<List<Expr>, Expr> rD = a -> div(call(carlson, "rD", a.get(0), a.get(1), a.get(2)), lit(-6));
    row(carlson, "rF",
        (a, r) -> rD.apply(List.of(a.get(1), a.get(2), a.get(0))),
        (a, r) -> rD.apply(List.of(a.get(2), a.get(0), a.get(1))),
        (a, r) -> rD.apply(a));
  }

  /** Smile 1.x: {@code Gamma.lgamma} and {@code digamma}, {@code Erf.inverf}, and the shape-first incomplete beta. */
  private static void smileRows(String pkg) {
    Owner gamma = new Owner(pkg, "Gamma");
    Owner erf = new Owner(pkg, "Erf");
    Owner beta = new Owner(pkg, "Beta");
    Function<Expr, Expr> lgamma = x -> call(gamma, "lgamma", x);
    Family f =
        new Family(
            x -> call(gamma, "digamma", x),
            lgamma,
            a -> sub(add(lgamma.apply(a.get(0)), lgamma.apply(a.get(1))), lgamma.apply(add(a.get(0), a.get(1)))));
    row(gamma, "lgamma", (a, r) -> f.digamma().apply(a.get(0)));
    row(gamma, "gamma", (a, r) -> mul(r, f.digamma().apply(a.get(0))));
    // Smile has no trigamma: the runtime's, so that a function whose partials call digamma (beta,
    // lgamma) has a second derivative.
    row(gamma, "digamma", (a, r) -> call(POLYGAMMA, "trigamma", a.get(0)));
    row(gamma, "regularizedIncompleteGamma", Rule.UNKNOWN, (a, r) -> gammaDensity(f, a.get(0), a.get(1)));
    row(gamma, "regularizedUpperIncompleteGamma", Rule.UNKNOWN, (a, r) -> neg(gammaDensity(f, a.get(0), a.get(1))));
    row(erf, "erf", (a, r) -> gaussian(a.get(0)));
    row(erf, "erfc", (a, r) -> neg(gaussian(a.get(0))));
    row(erf, "inverf", (a, r) -> mul(lit(SQRT_PI_OVER_TWO), math("exp", mul(r, r))));
    row(erf, "inverfc", (a, r) -> mul(lit(-SQRT_PI_OVER_TWO), math("exp", mul(r, r))));
    row(beta, "beta", (a, r) -> mul(r, logBetaA(f, a.get(0), a.get(1))), (a, r) -> mul(r, logBetaA(f, a.get(1), a.get(0))));
    // regularizedIncompleteBetaFunction(alpha, beta, x): the shapes come first.
    row(beta, "regularizedIncompleteBetaFunction", Rule.UNKNOWN, Rule.UNKNOWN,
        (a, r) -> betaDensity(f.logBeta().apply(a.subList(0, 2)), a.get(2), a.get(0), a.get(1)));
  }

  /** Commons Numbers Gamma: one class per function, each with a static {@code value}. */
  private static void numbersRows(String pkg) {
    Owner digamma = new Owner(pkg, "Digamma");
    Owner logGamma = new Owner(pkg, "LogGamma");
    Owner logBeta = new Owner(pkg, "LogBeta");
    Family f =
        new Family(
            x -> call(digamma, "value", x),
            x -> call(logGamma, "value", x),
            a -> call(logBeta, "value", a.get(0), a.get(1)));
    Owner trigamma = new Owner(pkg, "Trigamma");
    row(logGamma, "value", (a, r) -> f.digamma().apply(a.get(0)));
    row(new Owner(pkg, "Gamma"), "value", (a, r) -> mul(r, f.digamma().apply(a.get(0))));
    row(digamma, "value", (a, r) -> call(trigamma, "value", a.get(0)));
    row(new Owner(pkg, "LogGamma1p"), "value", (a, r) -> f.digamma().apply(add(lit(1), a.get(0))));
    row(new Owner(pkg, "InvGamma1pm1"), "value", (a, r) -> invGamma1pm1(f, a.get(0), r));
    row(new Owner(pkg, "Erf"), "value", (a, r) -> gaussian(a.get(0)));
    row(new Owner(pkg, "Erfc"), "value", (a, r) -> neg(gaussian(a.get(0))));
    row(new Owner(pkg, "ErfDifference"), "value", (a, r) -> neg(gaussian(a.get(0))), (a, r) -> gaussian(a.get(1)));
    row(new Owner(pkg, "InverseErf"), "value", (a, r) -> mul(lit(SQRT_PI_OVER_TWO), math("exp", mul(r, r))));
    row(new Owner(pkg, "InverseErfc"), "value", (a, r) -> mul(lit(-SQRT_PI_OVER_TWO), math("exp", mul(r, r))));
    // erfcx(x) = exp(x^2) erfc(x)
    row(new Owner(pkg, "Erfcx"), "value", (a, r) -> sub(mul(mul(lit(2), a.get(0)), r), lit(TWO_OVER_SQRT_PI)));
    row(logBeta, "value", (a, r) -> logBetaA(f, a.get(0), a.get(1)), (a, r) -> logBetaA(f, a.get(1), a.get(0)));
    row(new Owner(pkg, "Beta"), "value",
        (a, r) -> mul(r, logBetaA(f, a.get(0), a.get(1))),
        (a, r) -> mul(r, logBetaA(f, a.get(1), a.get(0))));
    Owner p = new Owner(pkg, "RegularizedGamma.P");
    Owner q = new Owner(pkg, "RegularizedGamma.Q");
    Partial dp = (a, r) -> call(p, "derivative", a.get(0), a.get(1));
    Partial dq = (a, r) -> neg(call(p, "derivative", a.get(0), a.get(1)));
    for (Owner o : List.of(p, q)) {
      Partial d = o == p ? dp : dq;
      row(o, "value", Rule.UNKNOWN, d);
      row(o, "value", Rule.UNKNOWN, d, zero(), null);
    }
    // The unregularized lower and upper incomplete gamma functions: d/dx = x^(a-1) e^-x.
    Partial lower = (a, r) -> mul(powOf(a.get(1), sub(a.get(0), lit(1))), math("exp", neg(a.get(1))));
    Partial upper = (a, r) -> neg(lower.of(a, r));
    for (Owner o : List.of(new Owner(pkg, "IncompleteGamma.Lower"), new Owner(pkg, "IncompleteGamma.Upper"))) {
      Partial d = o.simpleNames().endsWith("Lower") ? lower : upper;
      row(o, "value", Rule.UNKNOWN, d);
      row(o, "value", Rule.UNKNOWN, d, zero(), null);
    }
    Owner regBeta = new Owner(pkg, "RegularizedBeta");
    Partial rb = (a, r) -> call(regBeta, "derivative", a.get(0), a.get(1), a.get(2));
    Partial rbc = (a, r) -> neg(rb.of(a, r));
    Owner incBeta = new Owner(pkg, "IncompleteBeta");
    // d/dx B(x; a, b) = x^(a-1) (1-x)^(b-1)
    Partial ib = (a, r) -> mul(powOf(a.get(0), sub(a.get(1), lit(1))), powOf(sub(lit(1), a.get(0)), sub(a.get(2), lit(1))));
    Partial ibc = (a, r) -> neg(ib.of(a, r));
    for (Owner o : List.of(regBeta, incBeta)) {
      Partial value = o == regBeta ? rb : ib;
      Partial complement = o == regBeta ? rbc : ibc;
      row(o, "value", value, Rule.UNKNOWN, Rule.UNKNOWN);
      row(o, "value", value, Rule.UNKNOWN, Rule.UNKNOWN, zero(), null);
      row(o, "complement", complement, Rule.UNKNOWN, Rule.UNKNOWN);
      row(o, "complement", complement, Rule.UNKNOWN, Rule.UNKNOWN, zero(), null);
    }
  }

  /** The rows of logGamma, gamma, digamma, logGamma1p and invGamma1pm1 of a family, by name. */
  private static void gammaRows(Family f, Owner o, String logGamma, String gamma, String digamma, String logGamma1p, String invGamma1pm1) {
    row(o, logGamma, (a, r) -> f.digamma().apply(a.get(0)));
    row(o, gamma, (a, r) -> mul(r, f.digamma().apply(a.get(0))));
    row(o, digamma, (a, r) -> call(o, "trigamma", a.get(0)));
    row(o, logGamma1p, (a, r) -> f.digamma().apply(add(lit(1), a.get(0))));
    row(o, invGamma1pm1, (a, r) -> invGamma1pm1(f, a.get(0), r));
  }

  private static void erfRows(Owner o, String erf, String erfc, String erfInv, String erfcInv) {
    row(o, erf, (a, r) -> gaussian(a.get(0)));
    row(o, erfc, (a, r) -> neg(gaussian(a.get(0))));
    row(o, erfInv, (a, r) -> mul(lit(SQRT_PI_OVER_TWO), math("exp", mul(r, r))));
    row(o, erfcInv, (a, r) -> mul(lit(-SQRT_PI_OVER_TWO), math("exp", mul(r, r))));
  }

  /** The rule for {@code owner.name} taking {@code arity} arguments, or null. */
  public static Rule find(Owner owner, String name, int arity) {
    return ROWS.get(key(owner, name, arity));
  }

  /** The classes this table has rows for, by canonical name. */
  public static Set<String> owners() {
    Set<String> out = new java.util.TreeSet<>();
    ROWS.keySet().forEach(k -> out.add(k.substring(0, k.indexOf('#'))));
    return Collections.unmodifiableSet(out);
  }

  /** Every row, as {@code owner#name/arity}, for tests. */
  public static Set<String> rows() {
    return Collections.unmodifiableSet(new java.util.TreeSet<>(ROWS.keySet()));
  }

  private static String key(Owner owner, String name, int arity) {
    return owner.canonicalName() + "#" + name + "/" + arity;
  }

  private static void row(Owner owner, String name, Partial... partials) {
    ROWS.put(
        key(owner, name, partials.length),
        new Rule(name, partials.length, Collections.unmodifiableList(Arrays.asList(partials))));
  }

  private static Expr call(Owner owner, String name, Expr... args) {
    return new Expr.Call(owner, name, List.of(args), Type.DOUBLE);
  }

  /** A tolerance argument: it moves the result by no more than the tolerance it sets. */
  private static Partial zero() {
    return (a, r) -> lit(0);
  }

  /** d/dx erf(x) = 2 / sqrt(pi) exp(-x^2). */
  private static Expr gaussian(Expr x) {
    return mul(lit(TWO_OVER_SQRT_PI), math("exp", neg(mul(x, x))));
  }

  /** d/da log B(a, b) = digamma(a) - digamma(a + b). */
  private static Expr logBetaA(Family f, Expr a, Expr b) {
    return sub(f.digamma().apply(a), f.digamma().apply(add(a, b)));
  }

  /** d/dx (1 / gamma(1 + x) - 1) = -(r + 1) digamma(1 + x). */
  private static Expr invGamma1pm1(Family f, Expr x, Expr r) {
    return neg(mul(add(r, lit(1)), f.digamma().apply(add(lit(1), x))));
  }

  /**
   * d/dx P(a, x) = x^(a-1) e^-x / gamma(a), in logarithms where x &gt; 0 so that large a does not
   * overflow; at x = 0 the power alone gives 0, 1 or infinity as a is above, at or below 1.
   */
  private static Expr gammaDensity(Family f, Expr a, Expr x) {
    Expr am1 = sub(a, lit(1));
    return new Conditional(
        new Binary(Op.GT, x, lit(0), Type.BOOLEAN),
        math("exp", sub(sub(mul(am1, math("log", x)), x), f.logGamma().apply(a))),
        mul(math("pow", x, am1), math("exp", neg(f.logGamma().apply(a)))),
        Type.DOUBLE);
  }

  /** d/dx I_x(a, b) = x^(a-1) (1-x)^(b-1) / B(a, b), in logarithms inside (0, 1). */
  private static Expr betaDensity(Expr logBeta, Expr x, Expr a, Expr b) {
    Expr inside =
        new Binary(
            Op.AND,
            new Binary(Op.GT, x, lit(0), Type.BOOLEAN),
            new Binary(Op.LT, x, lit(1), Type.BOOLEAN),
            Type.BOOLEAN);
    Expr logs =
        sub(add(mul(sub(a, lit(1)), math("log", x)), mul(sub(b, lit(1)), math("log1p", neg(x)))), logBeta);
    Expr edge =
        mul(mul(powOf(x, sub(a, lit(1))), powOf(sub(lit(1), x), sub(b, lit(1)))), math("exp", neg(logBeta)));
    return new Conditional(inside, math("exp", logs), edge, Type.DOUBLE);
  }

  private static Expr powOf(Expr x, Expr y) {
    return math("pow", x, y);
  }
}
