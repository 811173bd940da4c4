package golden;

import javax.annotation.processing.Generated;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Distributions}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class DistributionsGrad {
    /**
     * A copy of {@code Distributions.N}: the same expression, evaluated when this class initialises.
     */
    private static final NormalDistribution _N = new NormalDistribution();

    /**
     * No instances: the gradients are static methods.
     */
    private DistributionsGrad() {
    }

    /**
     * The value of {@code Distributions.call(double, double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param s the argument {@code s} of {@code Distributions.call}
     * @param k the argument {@code k} of {@code Distributions.call}
     * @param v the argument {@code v} of {@code Distributions.call}
     * @param t the argument {@code t} of {@code Distributions.call}
     * @return the value and the gradient
     */
    public static Call call(double s, double k, double v, double t) {
        double _sqrt0 = Math.sqrt(t);
        double _p0 = s / k;
        double _p1 = 0.5 * v * v;
        double _p2 = v * _sqrt0;
        double _p3 = Math.log(_p0) + _p1 * t;
        double d1 = _p3 / _p2;
        double _sqrt1 = Math.sqrt(t);
        double d2 = d1 - v * _sqrt1;
        double _cumulativeProbability0 = DistributionsGrad._N.cumulativeProbability(d1);
        double _cumulativeProbability1 = DistributionsGrad._N.cumulativeProbability(d2);
        double _value = s * _cumulativeProbability0 - k * _cumulativeProbability1;
        // grad of: return s * N.cumulativeProbability(d1) - k * N.cumulativeProbability(d2);
        double _d_s = _cumulativeProbability0;
        double _d_k = -_cumulativeProbability1;
        double _d_cumulativeProbability1 = -k;
        double _d_d2 = _d_cumulativeProbability1 * DistributionsGrad._N.density(d2);
        double _d_d1 = s * DistributionsGrad._N.density(d1);
        // grad of: double d2 = d1 - v * Math.sqrt(t);
        _d_d1 += _d_d2;
        double _d_v = -(_d_d2 * _sqrt1);
        double _d_sqrt1 = -(_d_d2 * v);
        double _d_t = _d_sqrt1 * (0.5 / _sqrt1);
        // grad of: double d1 = (Math.log(s / k) + 0.5 * v * v * t) / (v * Math.sqrt(t));
        double _r0 = _d_d1 / _p2;
        double _d_p2 = -(_r0 * (_p3 / _p2));
        double _d_p0 = _r0 / _p0;
        double _d_p1 = _r0 * t;
        _d_t += _r0 * _p1;
        _d_v += _d_p2 * _sqrt0;
        double _d_sqrt0 = _d_p2 * v;
        _d_v += _d_p1 * v;
        double _r1 = _d_p0 / k;
        _d_s += _r1;
        _d_k -= _r1 * (s / k);
        _d_t += _d_sqrt0 * (0.5 / _sqrt0);
        return new Call(_value, _d_s, _d_k, _d_v, _d_t);
    }

    /**
     * The value of {@code Distributions.call(double, double, double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param s the argument {@code s} of {@code Distributions.call}
     * @param k the argument {@code k} of {@code Distributions.call}
     * @param v the argument {@code v} of {@code Distributions.call}
     * @param t the argument {@code t} of {@code Distributions.call}
     * @param _t_s the tangent of {@code s}: the direction's component along it
     * @param _t_k the tangent of {@code k}: the direction's component along it
     * @param _t_v the tangent of {@code v}: the direction's component along it
     * @param _t_t the tangent of {@code t}: the direction's component along it
     * @return the value and the directional derivative
     * @see #call
     */
    public static CallJvp callJvp(double s, double k, double v, double t, double _t_s, double _t_k,
            double _t_v, double _t_t) {
        double _sqrt0 = Math.sqrt(t);
        double _t_sqrt0 = 0.5 / _sqrt0 * _t_t;
        double d1 = (Math.log(s / k) + 0.5 * v * v * t) / (v * _sqrt0);
        double _t_d1 = (1.0 / (s / k) * ((_t_s - s / k * _t_k) / k) + (_t_v * v * t + 0.5 * v * v * _t_t) - (Math.log(s / k) + 0.5 * v * v * t) / (v * _sqrt0) * (_t_v * _sqrt0 + v * _t_sqrt0)) / (v * _sqrt0);
        double _sqrt1 = Math.sqrt(t);
        double _t_sqrt1 = 0.5 / _sqrt1 * _t_t;
        double d2 = d1 - v * _sqrt1;
        double _t_d2 = _t_d1 - (_t_v * _sqrt1 + v * _t_sqrt1);
        return new CallJvp(s * DistributionsGrad._N.cumulativeProbability(d1) - k * DistributionsGrad._N.cumulativeProbability(d2), _t_s * DistributionsGrad._N.cumulativeProbability(d1) + s * (DistributionsGrad._N.density(d1) * _t_d1) - (_t_k * DistributionsGrad._N.cumulativeProbability(d2) + k * (DistributionsGrad._N.density(d2) * _t_d2)));
    }

    /**
     * The value of {@code Distributions.density(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Distributions.density}
     * @return the value and the gradient
     */
    public static Density density(double x) {
        double _density0 = ((NormalDistribution) Distributions.SHIFTED).density(x);
        double _tanh0 = Math.tanh(x);
        double _inverseCumulativeProbability0 = DistributionsGrad._N.inverseCumulativeProbability(0.5 + 0.1 * _tanh0);
        double _value = _density0 + _inverseCumulativeProbability0;
        // grad of: return SHIFTED.density(x) + N.inverseCumulativeProbability(0.5 + 0.1 * Math.tanh(x));
        double _d_tanh0 = 0.1 / DistributionsGrad._N.density(_inverseCumulativeProbability0);
        double _d_x = _d_tanh0 * (1.0 - _tanh0 * _tanh0);
        _d_x -= (x - ((NormalDistribution) Distributions.SHIFTED).getMean()) / ((NormalDistribution) Distributions.SHIFTED).getNumericalVariance() * _density0;
        return new Density(_value, _d_x);
    }

    /**
     * The tangent of {@code Distributions.density(double)} along {@code _t_x}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code density} and of its callers.
     *
     * @param x the argument {@code x} of {@code Distributions.density}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _DensityTangent _densityTangent(double x, double _t_x) {
        double _density0 = ((NormalDistribution) Distributions.SHIFTED).density(x);
        double _h0 = ((NormalDistribution) Distributions.SHIFTED).getMean();
        double _h1 = ((NormalDistribution) Distributions.SHIFTED).getNumericalVariance();
        double _p0 = (x - _h0) / _h1 * _density0;
        double _t_density0 = -(_p0 * _t_x);
        double _tanh0 = Math.tanh(x);
        double _p1 = 1.0 - _tanh0 * _tanh0;
        double _t_tanh0 = _p1 * _t_x;
        double _inverseCumulativeProbability0 = DistributionsGrad._N.inverseCumulativeProbability(0.5 + 0.1 * _tanh0);
        double _density1 = DistributionsGrad._N.density(_inverseCumulativeProbability0);
        double _t_inverseCumulativeProbability0 = 1.0 / _density1 * (0.1 * _t_tanh0);
        double _value = _t_density0 + _t_inverseCumulativeProbability0;
        double _d_density1 = -(0.1 * _t_tanh0 / _density1 / _density1);
        double _d_t_tanh0 = 0.1 / _density1;
        double _d_inverseCumulativeProbability0 = -(_d_density1 * ((_inverseCumulativeProbability0 - DistributionsGrad._N.getMean()) / DistributionsGrad._N.getNumericalVariance() * _density1));
        double _d_tanh0 = 0.1 * (_d_inverseCumulativeProbability0 / DistributionsGrad._N.density(_inverseCumulativeProbability0));
        double _d_p1 = _d_t_tanh0 * _t_x;
        double _d_t_x = _d_t_tanh0 * _p1;
        _d_tanh0 -= 2 * _d_p1 * _tanh0;
        double _d_x = _d_tanh0 * (1.0 - _tanh0 * _tanh0);
        double _d_p0 = -_t_x;
        _d_t_x -= _p0;
        _d_x += _d_p0 * _density0 / _h1;
        double _d_density0 = _d_p0 * ((x - _h0) / _h1);
        _d_x -= _d_density0 * ((x - ((NormalDistribution) Distributions.SHIFTED).getMean()) / ((NormalDistribution) Distributions.SHIFTED).getNumericalVariance() * _density0);
        return new _DensityTangent(_value, _d_x, _d_t_x);
    }

    /**
     * The value of {@code Distributions.density}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param x the argument {@code x}
     * @param _v_x the direction's part for {@code x}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static DensityHvp densityHvp(double x, double _v_x) {
        _DensityTangent _g = _densityTangent(x, _v_x);
        int _n = 1;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_x();
        _hvp[0] = _g.x();
        return new DensityHvp(Distributions.density(x), _gradient, _hvp);
    }

    /**
     * The value of {@code Distributions.density}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param x the argument {@code x}
     * @return the value, the gradient and the Hessian
     */
    public static DensityHessian densityHessian(double x) {
        int _n = 1;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_x = _j == 0 ? 1 : 0;
            DensityHvp _r = densityHvp(x, _v_x);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new DensityHessian(Distributions.density(x), _gradient, _hessian);
    }

    /**
     * The result of {@link DistributionsGrad#call}: the value and the gradient.
     *
     * @param value the value of {@code call(double, double, double, double)}
     * @param s &part; value / &part; s, the partial derivative with respect to {@code s}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     * @param v &part; value / &part; v, the partial derivative with respect to {@code v}
     * @param t &part; value / &part; t, the partial derivative with respect to {@code t}
     */
    public record Call(double value, double s, double k, double v, double t) {
    }

    /**
     * The result of {@link DistributionsGrad#callJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code call(double, double, double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record CallJvp(double value, double tangent) {
    }

    /**
     * The result of {@link DistributionsGrad#density}: the value and the gradient.
     *
     * @param value the value of {@code density(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Density(double value, double x) {
    }

    /**
     * The result of {@link DistributionsGrad#_densityTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code density(double)} along {@code _t_x}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     */
    private record _DensityTangent(double value, double x, double _t_x) {
    }

    /**
     * The result of {@link DistributionsGrad#densityHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record DensityHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link DistributionsGrad#densityHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record DensityHessian(double value, double[] gradient, double[][] hessian) {
    }
}
