package plain;

import io.github.backprop.Differentiable;

/**
 * try/catch/finally as numerical libraries write them: wrapping a checked or library exception,
 * a NaN or a fallback on failure, finally blocks that count or log. The shapes follow Hipparchus
 * (MathIllegalStateException wrapping in its solvers), Commons Math (Precision.round's catch that
 * returns NaN) and the JDK's own "try, else fall back" idiom.
 */
final class Exceptions {
  private Exceptions() {}

  static final java.util.concurrent.atomic.AtomicLong EVALUATIONS = new java.util.concurrent.atomic.AtomicLong();

  /** Newton's iteration for sqrt, failing as a solver does when it does not converge. */
  private static double newtonSqrt(double a, int maxIterations) {
    if (a < 0) {
      throw new IllegalArgumentException("negative argument: " + a);
    }
    double x = a > 1 ? a : 1;
    for (int i = 0; i < maxIterations; i++) {
      double next = 0.5 * (x + a / x);
      if (Math.abs(next - x) <= 1e-15 * next) {
        return next;
      }
      x = next;
    }
    throw new ArithmeticException("no convergence after " + maxIterations + " iterations");
  }

  // at: 2.0 ; 0.3 ; 9.5
  @Differentiable
  static double wrappedSolve(double a) {
    try {
      return newtonSqrt(a, 60) * a;
    } catch (ArithmeticException e) {
      throw new IllegalStateException("solver failed for a = " + a, e);
    }
  }

  // at: 1.5 ; 0.2 ; 4.0
  @Differentiable
  static double nanOnFailure(double x) {
    try {
      return Math.log1p(newtonSqrt(x, 60));
    } catch (IllegalArgumentException e) {
      return Double.NaN;
    }
  }

  // at: 2.0, 3 ; 2.0, 1 ; 0.7, 2
  @Differentiable
  static double fallbackOnNoConvergence(double a, int iterations) {
    double root;
    try {
      root = newtonSqrt(a, iterations);
    } catch (ArithmeticException e) {
      root = Math.sqrt(a);
    }
    return root * root * root;
  }

  // at: 0.8 ; 2.5
  @Differentiable
  static double countsInFinally(double x) {
    double r;
    try {
      r = Math.exp(-x * x) * newtonSqrt(x, 40);
    } finally {
      EVALUATIONS.incrementAndGet();
    }
    return r;
  }

  // at: 2.0, 3.0 ; 5.0, -1.0
  @Differentiable
  static double multiCatch(double a, double b) {
    double q = a * b;
    try {
      q = newtonSqrt(q, 50);
    } catch (IllegalArgumentException | ArithmeticException e) {
      q = Math.abs(a) + Math.abs(b);
    }
    return q / (1 + a * a);
  }

  // at: [1.0, 4.0, 9.0] ; [2.0, -1.0, 3.0]
  @Differentiable
  static double sumOfRootsSkippingBadOnes(double[] values) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      double term;
      try {
        term = newtonSqrt(values[i], 60);
      } catch (IllegalArgumentException e) {
        term = 0;
      }
      sum += term * values[i];
    }
    return sum;
  }

  // at: 3.0, "2" ; 3.0, "x"
  @Differentiable
  static double parsedExponent(double base, String exponent) {
    int n;
    try {
      n = Integer.parseInt(exponent);
    } catch (NumberFormatException e) {
      n = 1;
    }
    return Math.pow(base, n);
  }
}
