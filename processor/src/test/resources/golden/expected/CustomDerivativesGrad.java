package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;
import org.hipparchus.special.Erf;

/**
 * Gradients of the {@code @Differentiable} methods of {@link CustomDerivatives}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class CustomDerivativesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private CustomDerivativesGrad() {
    }

    /**
     * The value of {@code CustomDerivatives.cdf(double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code CustomDerivatives.cdf}
     * @param mu the argument {@code mu} of {@code CustomDerivatives.cdf}
     * @param sigma the argument {@code sigma} of {@code CustomDerivatives.cdf}
     * @return the value and the gradient
     */
    public static Cdf cdf(double x, double mu, double sigma) {
        double z = (x - mu) / sigma;
        CustomDerivatives.ErfD _g0 = CustomDerivatives.Rules.erf(z / Math.sqrt(2));
        double _value = 0.5 * (1 + _g0.value());
        // grad of: return 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
        double _d_z = 0.5 * _g0.dx() / Math.sqrt(2);
        // grad of: double z = (x - mu) / sigma;
        double _r0 = _d_z / sigma;
        double _d_mu = -_r0;
        double _d_sigma = -(_r0 * ((x - mu) / sigma));
        return new Cdf(_value, _r0, _d_mu, _d_sigma);
    }

    /**
     * The value of {@code CustomDerivatives.errors(double[], int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param r the argument {@code r} of {@code CustomDerivatives.errors}
     * @param n the argument {@code n} of {@code CustomDerivatives.errors}
     * @return the value and the gradient
     */
    public static Errors errors(double[] r, int n) {
        double[] _d_r = new double[r.length];
        double _value = errors(r, n, _d_r);
        return new Errors(_value, _d_r);
    }

    /**
     * The value of {@code CustomDerivatives.errors(double[], int)}, after adding its gradient with respect to every {@code double} parameter into {@code _d_r}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param r the argument {@code r} of {@code CustomDerivatives.errors}
     * @param n the argument {@code n} of {@code CustomDerivatives.errors}
     * @param _d_r where the gradient with respect to {@code r} is added
     * @return the value of {@code errors}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #errors
     */
    public static double errors(double[] r, int n, double[] _d_r) {
        Shapes.require("r", _d_r, r);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            CustomDerivatives.ErfD _g0 = CustomDerivatives.Rules.erf(r[i]);
            CustomDerivatives.PowiD _g1 = CustomDerivatives.Rules.powi(r[i], n);
            double _h0 = Erf.erf((double) n);
            s += _g0.value() * _g1.value() + _h0;
            // grad of this iteration of: for (int i = 0; i < r.length; i++)
            // grad of: s += Erf.erf(r[i]) * powi(r[i], n) + Erf.erf(n);
            _d_r[i] += _g0.value() * _g1.dx();
            _d_r[i] += _g1.value() * _g0.dx();
        }
        double _value = s;
        return _value;
    }

    /**
     * The value of {@code CustomDerivatives.product(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param r the argument {@code r} of {@code CustomDerivatives.product}
     * @return the value and the gradient
     */
    public static Product product(double[] r) {
        double[] _d_r = new double[r.length];
        double _value = product(r, _d_r);
        return new Product(_value, _d_r);
    }

    /**
     * The value of {@code CustomDerivatives.product(double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_r}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param r the argument {@code r} of {@code CustomDerivatives.product}
     * @param _d_r where the gradient with respect to {@code r} is added
     * @return the value of {@code product}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #product
     */
    public static double product(double[] r, double[] _d_r) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("r", _d_r, r);
            DoubleStack _doubles = _tape.doubles();
            ObjectStack _objects = _tape.objects();
            CustomDerivatives.ErfD _g0 = null;
            double p = 1;
            for (int i = 0; i < r.length; i++) {
                _objects.push(_g0);
                _g0 = CustomDerivatives.Rules.erf(r[i] * p);
                _doubles.push(p);
                p *= _g0.value();
            }
            double _value = p;
            // grad of: return p;
            double _d_p = 1.0;
            // grad of: for (int i = 0; i < r.length; i++)
            for (int i = r.length - 1; i >= 0; i--) {
                // grad of: p *= Erf.erf(r[i] * p);
                p = _doubles.pop();
                double _d_g0 = _d_p * p;
                _d_p *= _g0.value();
                double _r0 = _d_g0 * _g0.dx();
                _d_r[i] += _r0 * p;
                _d_p += _r0 * r[i];
                _g0 = (CustomDerivatives.ErfD) _objects.pop();
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link CustomDerivativesGrad#cdf}: the value and the gradient.
     *
     * @param value the value of {@code cdf(double, double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param mu &part; value / &part; mu, the partial derivative with respect to {@code mu}
     * @param sigma &part; value / &part; sigma, the partial derivative with respect to {@code sigma}
     */
    public record Cdf(double value, double x, double mu, double sigma) {
    }

    /**
     * The result of {@link CustomDerivativesGrad#errors}: the value and the gradient.
     *
     * @param value the value of {@code errors(double[], int)}
     * @param r &part; value / &part; r, the partial derivative with respect to {@code r}
     */
    public record Errors(double value, double[] r) {
    }

    /**
     * The result of {@link CustomDerivativesGrad#product}: the value and the gradient.
     *
     * @param value the value of {@code product(double[])}
     * @param r &part; value / &part; r, the partial derivative with respect to {@code r}
     */
    public record Product(double value, double[] r) {
    }
}
