package io.github.backprop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static double} method for reverse-mode (and, with {@link #forward}, forward-mode)
 * differentiation at compile time.
 *
 * <p>For {@code p.C.m(double a, double[] w, int n)} the processor writes {@code p.CGrad.m(a, w, n)},
 * which returns a record holding {@code value()}, the result of {@code m}, and one accessor per
 * floating-point parameter: {@code a()} is ∂value/∂a, {@code w()} holds ∂value/∂w[i]. Integer and
 * boolean parameters are treated as constants and get no accessor; so are floating-point
 * parameters left out of {@link #wrt}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {
  /**
   * The parameters to differentiate with respect to, by name; by default every {@code double},
   * {@code double[]} and {@code double[][]} parameter. The others are data: they get no accessor
   * and no derivative code, which saves the work of a gradient nobody reads, e.g. for a training
   * set passed as {@code double[][] x}: {@code @Differentiable(wrt = "w")}.
   */
  String[] wrt() default {};

  /**
   * Classes compiled before this one whose {@link DerivativeOf} rules this method uses, e.g. rules
   * shipped in a library jar: {@code @Differentiable(rules = SpecialRules.class)}. Rules in the
   * classes being compiled need not be named.
   */
  Class<?>[] rules() default {};

  /**
   * Whether to generate forward mode too: for {@code m(double x, double[] w, int n)} the processor
   * also writes {@code CGrad.mJvp(x, w, n, _t_x, _t_w)}, which takes one tangent (a direction) per
   * differentiated parameter, of the same type, and returns a record of {@code value()} and {@code
   * tangent()}, the directional derivative: the sum over the parameters of ∂value/∂p · t_p. It
   * needs no tape, and costs one evaluation of the method whatever the number of parameters
   * along one direction. The reverse-mode {@code CGrad.m} is generated as well.
   */
  boolean forward() default false;

  /**
   * Whether to generate second order too: for {@code m(double x, double[] w, int n)} the processor
   * also writes {@code CGrad.mHvp(x, w, n, _v_x, _v_w)}, which takes one direction per
   * differentiated parameter and returns {@code value()}, {@code gradient()} and {@code hvp()},
   * the Hessian times the direction, both flattened (scalars and array elements in parameter
   * order, rows of a matrix one after the other); and {@code CGrad.mHessian(x, w, n)}, which
   * returns {@code value()}, {@code gradient()} and the flattened {@code hessian()}, built from one
   * Hessian-vector product per column. Computed as reverse mode over forward mode.
   */
  boolean hessian() default false;
}
