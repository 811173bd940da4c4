package io.github.backprop.examples;

import io.github.backprop.Differentiable;

/** The functions of the first posts about backprop, differentiated by it. */
final class Seeds {
  private Seeds() {}

  /** f(x) = 2x² − 3x + 4, so f'(x) = 4x − 3. */
  @Differentiable
  static double quadratic(double x) {
    return 2 * x * x - 3 * x + 4;
  }

  /** d = a·b + c. */
  @Differentiable
  static double affine(double a, double b, double c) {
    return a * b + c;
  }

  /** L = (a·b + c)·f, through a local. */
  @Differentiable
  static double loss(double a, double b, double c, double f) {
    double e = a * b + c;
    return e * f;
  }

  /** f = (a + b)·c. */
  @Differentiable
  static double sumTimes(double a, double b, double c) {
    double d = a + b;
    return d * c;
  }

  /** One gradient-ascent step on (a + b)·c with step size h; returns f at the new point. */
  static double ascentStep(double a, double b, double c, double h) {
    var g = SeedsGrad.sumTimes(a, b, c);
    return sumTimes(a + h * g.a(), b + h * g.b(), c + h * g.c());
  }
}
