package io.github.backprop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static double} method for reverse-mode differentiation at compile time.
 *
 * <p>For {@code p.C.m(double a, double[] w, int n)} the processor writes {@code p.CGrad.m(a, w, n)},
 * which returns a record holding {@code value()}, the result of {@code m}, and one accessor per
 * floating-point parameter: {@code a()} is ∂value/∂a, {@code w()} holds ∂value/∂w[i]. Integer and
 * boolean parameters are treated as constants and get no accessor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {}
