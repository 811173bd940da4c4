package io.github.backprop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the method it is on as the derivative rule of a static method, e.g. of a library
 * function whose source backprop cannot read:
 *
 * <pre>{@code
 * @DerivativeOf(type = Erf.class, method = "erf")
 * static ErfD erf(double x) {
 *   return new ErfD(Erf.erf(x), 2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
 * }
 *
 * record ErfD(double value, double dx) {}
 * }</pre>
 *
 * <p>The rule is static, takes the parameters of the method it is for (the overload with those
 * parameter types), and returns a record whose first component is {@code double value}, the
 * method's result, followed by one {@code double} per {@code double} parameter, in order: the
 * partial derivative of the value with respect to that parameter. Parameters of type {@code int},
 * {@code long} and {@code boolean} are passed through and have no partial.
 *
 * <p>A {@code @Differentiable} method that calls the method calls the rule instead, once, and
 * its gradient multiplies the partials by the adjoint of the result. Rules in the classes being
 * compiled apply to every call; rules compiled before are named with {@link
 * Differentiable#rules()}. The annotation is kept at run time, so a test can find the rules by
 * reflection and compare them with finite differences.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DerivativeOf {
  /** The class declaring the method, e.g. {@code Erf.class}. */
  Class<?> type();

  /** The method's name, e.g. {@code "erf"}; the overload is the one with the rule's parameter types. */
  String method();
}
