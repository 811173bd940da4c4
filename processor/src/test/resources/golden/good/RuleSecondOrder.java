package golden;

import io.github.backprop.DerivativeOf;
import io.github.backprop.Differentiable;
import org.hipparchus.special.Erf;

/**
 * Every mode through @DerivativeOf rules: the gradient and mJvp use the rule's record; mHvp and
 * mHessian read the rule's partials from its body and differentiate them, whose partials are
 * code like any other.
 */
final class RuleSecondOrder {
  private RuleSecondOrder() {}

  @Differentiable(forward = true, hessian = true)
  static double cdf(double x, double sigma) {
    return 0.5 * Erf.erfc(-x / (sigma * Math.sqrt(2)));
  }

  @Differentiable(forward = true, hessian = true)
  static double soft(double[] w, double t) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += softplus(w[i] * t);
    }
    return s;
  }

  static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  static final class Rules {
    private Rules() {}

    @DerivativeOf(type = Erf.class, method = "erfc")
    static ErfcD erfc(double x) {
      return new ErfcD(Erf.erfc(x), -2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
    }

    // A stabler formula for the helper's derivative: the logistic function, from one exp.
    @DerivativeOf(type = RuleSecondOrder.class, method = "softplus")
    static SoftplusD softplus(double x) {
      double e = Math.exp(-Math.abs(x));
      double s = x >= 0 ? 1 / (1 + e) : e / (1 + e);
      return new SoftplusD(Math.max(x, 0) + Math.log1p(e), s);
    }

    record ErfcD(double value, double dx) {}

    record SoftplusD(double value, double dx) {}
  }
}
