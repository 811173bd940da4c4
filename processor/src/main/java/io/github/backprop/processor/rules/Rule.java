package io.github.backprop.processor.rules;

import io.github.backprop.processor.ir.Expr;
import java.util.List;

/**
 * How one {@code java.lang.Math} function is differentiated.
 *
 * @param name the function's name, the same in {@code Math} and {@code StrictMath}
 * @param arity how many arguments it takes
 * @param partials one partial derivative per argument; null for an argument that is not a double
 *     (such as the exponent of {@code scalb}), {@link #UNKNOWN} for one whose derivative has no
 *     formula, and an empty list for a zero-derivative function
 */
public record Rule(String name, int arity, List<Partial> partials) {

  /**
   * A partial derivative, built from the argument expressions and the function's result. The
   * result comes as a named value when the forward sweep already holds one (as for {@code exp}
   * or {@code sqrt}, where reusing it is cheaper), otherwise as the call itself.
   */
  @FunctionalInterface
  public interface Partial {
    Expr of(List<Expr> args, Expr result);
  }

  /**
   * The partial of an argument that has no closed-form derivative, such as the shape {@code a} of
   * the regularized gamma function. A differentiable value passed there is a compile error, so
   * the derive stage never asks for it; if it did, it fails instead of writing a wrong gradient.
   */
  public static final Partial UNKNOWN =
      (args, result) -> {
        throw new IllegalStateException("no derivative with respect to this argument");
      };

  /**
   * Whether some of the class's functions have a built-in derivative rule: the {@code Math}
   * family's, a special-function library's, a distribution's, or {@code MathArrays}'.
   */
  public static boolean hasRules(io.github.backprop.processor.ir.Owner owner) {
    return owner.isMath() || SpecialFunctions.owners().contains(owner.canonicalName())
        || Distributions.owners().contains(owner.canonicalName()) || ArrayFunctions.OWNERS.contains(owner.canonicalName());
  }

  /** The rule for a call of {@code owner.name} with {@code arity} arguments, or null. */
  public static Rule find(io.github.backprop.processor.ir.Owner owner, String name, int arity) {
    if (owner.isMath()) {
      return MathRules.find(name, arity);
    }
    if (ArrayFunctions.OWNERS.contains(owner.canonicalName())) {
      return ArrayFunctions.rule(owner, name, arity);
    }
    Rule special = SpecialFunctions.find(owner, name, arity);
    return special != null ? special : Distributions.find(owner, name, arity);
  }

  /**
   * The first argument of {@code c} that holds a differentiable value and that no rule
   * differentiates, or -1: every one for a call with no rule at all.
   */
  public static int underived(io.github.backprop.processor.ir.Expr.Call c, java.util.function.Predicate<io.github.backprop.processor.ir.Expr> active) {
    Rule rule = hasRules(c.owner()) ? find(c.owner(), c.name(), c.args().size()) : null;
    for (int i = 0; i < c.args().size(); i++) {
      if (!active.test(c.args().get(i))) {
        continue;
      }
      if (rule == null || (!rule.isZeroDerivative() && rule.partials().get(i) == UNKNOWN)) {
        return i;
      }
    }
    return -1;
  }

  /** Piecewise-constant functions such as {@code floor}: their derivative is zero. */
  public boolean isZeroDerivative() {
    return partials.isEmpty();
  }
}
