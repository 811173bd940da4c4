package golden;

import javax.annotation.processing.Generated;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Gradients of the {@code @Differentiable} methods of {@link SpecialFunctions}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class SpecialFunctionsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private SpecialFunctionsGrad() {
    }

    /**
     * The value of {@code SpecialFunctions.gammaCdf(double, double)} and its gradient with respect to {@code x}.
     *
     * @param x the argument {@code x} of {@code SpecialFunctions.gammaCdf}
     * @param a the argument {@code a} of {@code SpecialFunctions.gammaCdf}
     * @return the value and the gradient
     */
    public static GammaCdf gammaCdf(double x, double a) {
        double _value = Gamma.regularizedGammaP(a, x);
        // grad of: return Gamma.regularizedGammaP(a, x);
        double _d_x = x > 0.0 ? Math.exp((a - 1.0) * Math.log(x) - x - Gamma.logGamma(a)) : Math.pow(x, a - 1.0) * Math.exp(-Gamma.logGamma(a));
        return new GammaCdf(_value, _d_x);
    }

    /**
     * The value of {@code SpecialFunctions.logLikelihood(double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param alpha the argument {@code alpha} of {@code SpecialFunctions.logLikelihood}
     * @param beta the argument {@code beta} of {@code SpecialFunctions.logLikelihood}
     * @param x the argument {@code x} of {@code SpecialFunctions.logLikelihood}
     * @return the value and the gradient
     */
    public static LogLikelihood logLikelihood(double alpha, double beta, double x) {
        CustomDerivatives.ErfD _g0 = CustomDerivatives.Rules.erf(alpha - beta);
        double _log0 = Math.log(x);
        double _log1p0 = Math.log1p(-x);
        double _value = (alpha - 1) * _log0 + (beta - 1) * _log1p0 - Beta.logBeta(alpha, beta) + Gamma.logGamma(alpha + beta) * 0 + _g0.value();
        // grad of: return (alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - Beta.logBeta(alpha, beta) + Gamma.logGamma(alpha + beta) * 0 + Erf.erf(alpha - beta);
        double _d_log0 = alpha - 1;
        double _d_log1p0 = beta - 1;
        double _d_alpha = _log0 + (Gamma.digamma(alpha + beta) - Gamma.digamma(alpha));
        double _d_beta = _log1p0 + (Gamma.digamma(beta + alpha) - Gamma.digamma(beta));
        double _d_x = -(_d_log1p0 / (1.0 - x));
        _d_x += _d_log0 / x;
        _d_alpha += _g0.dx();
        _d_beta -= _g0.dx();
        return new LogLikelihood(_value, _d_alpha, _d_beta, _d_x);
    }

    /**
     * The result of {@link SpecialFunctionsGrad#gammaCdf}: the value and the gradient.
     *
     * @param value the value of {@code gammaCdf(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record GammaCdf(double value, double x) {
    }

    /**
     * The result of {@link SpecialFunctionsGrad#logLikelihood}: the value and the gradient.
     *
     * @param value the value of {@code logLikelihood(double, double, double)}
     * @param alpha &part; value / &part; alpha, the partial derivative with respect to {@code alpha}
     * @param beta &part; value / &part; beta, the partial derivative with respect to {@code beta}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record LogLikelihood(double value, double alpha, double beta, double x) {
    }
}
