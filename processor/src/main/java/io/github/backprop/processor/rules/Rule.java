package io.github.backprop.processor.rules;

import io.github.backprop.processor.ir.Expr;
import java.util.List;

/**
 * How one {@code java.lang.Math} function is differentiated.
 *
 * @param name the function's name, the same in {@code Math} and {@code StrictMath}
 * @param arity how many arguments it takes
 * @param partials one partial derivative per argument; null for an argument that is not a double
 *     (such as the exponent of {@code scalb}), and an empty list for a zero-derivative function
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

  /** Piecewise-constant functions such as {@code floor}: their derivative is zero. */
  public boolean isZeroDerivative() {
    return partials.isEmpty();
  }
}
