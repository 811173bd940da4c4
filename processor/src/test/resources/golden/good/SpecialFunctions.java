package golden;

import io.github.backprop.Differentiable;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

class SpecialFunctions {
  /** Derivatives call the same library: logGamma's is Gamma.digamma. */
  @Differentiable
  static double logLikelihood(double alpha, double beta, double x) {
    return (alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - Beta.logBeta(alpha, beta)
        + Gamma.logGamma(alpha + beta) * 0 + Erf.erf(alpha - beta);
  }

  /** The shape a is data here (not in wrt): only x is differentiated through P(a, x). */
  @Differentiable(wrt = "x")
  static double gammaCdf(double x, double a) {
    return Gamma.regularizedGammaP(a, x);
  }
}
