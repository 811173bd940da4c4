package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link RuleSecondOrder}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class RuleSecondOrderGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private RuleSecondOrderGrad() {
    }

    /**
     * The value of {@code RuleSecondOrder.cdf(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code RuleSecondOrder.cdf}
     * @param sigma the argument {@code sigma} of {@code RuleSecondOrder.cdf}
     * @return the value and the gradient
     */
    public static Cdf cdf(double x, double sigma) {
        double _p0 = sigma * Math.sqrt(2);
        RuleSecondOrder.Rules.ErfcD _g0 = RuleSecondOrder.Rules.erfc(-x / _p0);
        double _value = 0.5 * _g0.value();
        // grad of: return 0.5 * Erf.erfc(-x / (sigma * Math.sqrt(2)));
        double _r0 = 0.5 * _g0.dx();
        double _r1 = _r0 / _p0;
        double _d_x = -_r1;
        double _d_p0 = _r1 * (x / _p0);
        double _d_sigma = _d_p0 * Math.sqrt(2);
        return new Cdf(_value, _d_x, _d_sigma);
    }

    /**
     * The tangent of {@code RuleSecondOrder.cdf(double, double)} along {@code _t_x}, {@code _t_sigma}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code cdf} and of its callers.
     *
     * @param x the argument {@code x} of {@code RuleSecondOrder.cdf}
     * @param sigma the argument {@code sigma} of {@code RuleSecondOrder.cdf}
     * @param _t_x the tangent of {@code x}, the direction's component along it
     * @param _t_sigma the tangent of {@code sigma}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _CdfTangent _cdfTangent(double x, double sigma, double _t_x, double _t_sigma) {
        double _p0 = sigma * Math.sqrt(2);
        double x2 = -x / _p0;
        double erfc_dx = 0.0;
        double _exp0 = Math.exp(-x2 * x2);
        double _double0 = -2 / Math.sqrt(Math.PI) * _exp0;
        erfc_dx = _double0;
        double _p1 = sigma * Math.sqrt(2);
        double _p2 = x / _p1;
        double _p3 = _t_sigma * Math.sqrt(2);
        double _p4 = sigma * Math.sqrt(2);
        double _p5 = -_t_x + _p2 * _p3;
        double _p6 = _p5 / _p4;
        double _t_g0 = erfc_dx * _p6;
        double _value = 0.5 * _t_g0;
        double _d_erfc_dx = 0.5 * _p6;
        double _d_p6 = 0.5 * erfc_dx;
        double _r0 = _d_p6 / _p4;
        double _d_p4 = -(_r0 * (_p5 / _p4));
        double _d_t_x = -_r0;
        double _d_p2 = _r0 * _p3;
        double _d_p3 = _r0 * _p2;
        double _d_sigma = _d_p4 * Math.sqrt(2);
        double _d_t_sigma = _d_p3 * Math.sqrt(2);
        double _r1 = _d_p2 / _p1;
        double _d_x = _r1;
        double _d_p1 = -(_r1 * (x / _p1));
        _d_sigma += _d_p1 * Math.sqrt(2);
        double _d_exp0 = _d_erfc_dx * (-2 / Math.sqrt(Math.PI));
        double _r2 = _d_exp0 * _exp0;
        double _d_x2 = -(2 * _r2 * x2);
        double _r3 = _d_x2 / _p0;
        _d_x -= _r3;
        double _d_p0 = _r3 * (x / _p0);
        _d_sigma += _d_p0 * Math.sqrt(2);
        return new _CdfTangent(_value, _d_x, _d_sigma, _d_t_x, _d_t_sigma);
    }

    /**
     * The value of {@code RuleSecondOrder.cdf}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param x the argument {@code x}
     * @param sigma the argument {@code sigma}
     * @param _v_x the direction's part for {@code x}
     * @param _v_sigma the direction's part for {@code sigma}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static CdfHvp cdfHvp(double x, double sigma, double _v_x, double _v_sigma) {
        _CdfTangent _g = _cdfTangent(x, sigma, _v_x, _v_sigma);
        int _n = 2;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_x();
        _hvp[0] = _g.x();
        _gradient[1] = _g._t_sigma();
        _hvp[1] = _g.sigma();
        return new CdfHvp(RuleSecondOrder.cdf(x, sigma), _gradient, _hvp);
    }

    /**
     * The value of {@code RuleSecondOrder.cdf}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param x the argument {@code x}
     * @param sigma the argument {@code sigma}
     * @return the value, the gradient and the Hessian
     */
    public static CdfHessian cdfHessian(double x, double sigma) {
        int _n = 2;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_x = _j == 0 ? 1 : 0;
            double _v_sigma = _j == 1 ? 1 : 0;
            CdfHvp _r = cdfHvp(x, sigma, _v_x, _v_sigma);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new CdfHessian(RuleSecondOrder.cdf(x, sigma), _gradient, _hessian);
    }

    /**
     * The value of {@code RuleSecondOrder.cdf(double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code RuleSecondOrder.cdf}
     * @param sigma the argument {@code sigma} of {@code RuleSecondOrder.cdf}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @param _t_sigma the tangent of {@code sigma}: the direction's component along it
     * @return the value and the directional derivative
     * @see #cdf
     */
    public static CdfJvp cdfJvp(double x, double sigma, double _t_x, double _t_sigma) {
        RuleSecondOrder.Rules.ErfcD _g0 = RuleSecondOrder.Rules.erfc(-x / (sigma * Math.sqrt(2)));
        double _t_g0 = _g0.dx() * ((-_t_x + x / (sigma * Math.sqrt(2)) * (_t_sigma * Math.sqrt(2))) / (sigma * Math.sqrt(2)));
        return new CdfJvp(0.5 * _g0.value(), 0.5 * _t_g0);
    }

    /**
     * The value of {@code RuleSecondOrder.soft(double[], double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code RuleSecondOrder.soft}
     * @param t the argument {@code t} of {@code RuleSecondOrder.soft}
     * @return the value and the gradient
     */
    public static Soft soft(double[] w, double t) {
        double[] _d_w = new double[w.length];
        double s = 0;
        // grad of: return s;
        double _d_t = 0.0;
        for (int i = 0; i < w.length; i++) {
            RuleSecondOrder.Rules.SoftplusD _g0 = RuleSecondOrder.Rules.softplus(w[i] * t);
            s += _g0.value();
            // grad of this iteration of: for (int i = 0; i < w.length; i++)
            // grad of: s += softplus(w[i] * t);
            _d_w[i] += _g0.dx() * t;
            _d_t += _g0.dx() * w[i];
        }
        double _value = s;
        return new Soft(_value, _d_w, _d_t);
    }

    /**
     * The tangent of {@code RuleSecondOrder.soft(double[], double)} along {@code _t_w}, {@code _t_t}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code soft} and of its callers.
     *
     * @param w the argument {@code w} of {@code RuleSecondOrder.soft}
     * @param t the argument {@code t} of {@code RuleSecondOrder.soft}
     * @param _t_w the tangent of {@code w}, the direction's component along it
     * @param _t_t the tangent of {@code t}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _SoftTangent _softTangent(double[] w, double t, double[] _t_w, double _t_t) {
        double[] _d_w = new double[w.length];
        double[] _d_t_w = new double[_t_w.length];
        double _t_s2 = 0.0;
        double _d_t = 0.0;
        double _d_t_t = 0.0;
        for (int i = 0; i < w.length; i++) {
            double x = w[i] * t;
            double softplus_dx = 0.0;
            double e = Math.exp(-Math.abs(x));
            double s = x >= 0 ? 1 / (1 + e) : e / (1 + e);
            softplus_dx = s;
            double _t_g0 = softplus_dx * (_t_w[i] * t + w[i] * _t_t);
            _t_s2 += _t_g0;
            double _d_softplus_dx = _t_w[i] * t + w[i] * _t_t;
            _d_t_w[i] += softplus_dx * t;
            _d_t += softplus_dx * _t_w[i];
            _d_w[i] += softplus_dx * _t_t;
            _d_t_t += softplus_dx * w[i];
            // grad of: double s = x >= 0 ? 1 / (1 + e) : e / (1 + e);
            double _d_e;
            if (x >= 0) {
                _d_e = -(_d_softplus_dx / (1 + e) / (1 + e));
            } else {
                double _r0 = _d_softplus_dx / (1 + e);
                _d_e = _r0 - _r0 * (e / (1 + e));
            }
            // grad of: double e = Math.exp(-Math.abs(x));
            double _d_x = -(_d_e * e * Math.signum(x));
            _d_w[i] += _d_x * t;
            _d_t += _d_x * w[i];
        }
        double _value = _t_s2;
        return new _SoftTangent(_value, _d_w, _d_t, _d_t_w, _d_t_t);
    }

    /**
     * The value of {@code RuleSecondOrder.soft}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param w the argument {@code w}
     * @param t the argument {@code t}
     * @param _v_w the direction's part for {@code w}
     * @param _v_t the direction's part for {@code t}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static SoftHvp softHvp(double[] w, double t, double[] _v_w, double _v_t) {
        _SoftTangent _g = _softTangent(w, t, _v_w, _v_t);
        int _n = 1 + w.length;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        int _k = 0;
        for (int _i = 0; _i < w.length; _i++, _k++) {
            _gradient[_k] = _g._t_w()[_i];
            _hvp[_k] = _g.w()[_i];
        }
        _gradient[_k] = _g._t_t();
        _hvp[_k] = _g.t();
        return new SoftHvp(RuleSecondOrder.soft(w, t), _gradient, _hvp);
    }

    /**
     * The value of {@code RuleSecondOrder.soft}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param w the argument {@code w}
     * @param t the argument {@code t}
     * @return the value, the gradient and the Hessian
     */
    public static SoftHessian softHessian(double[] w, double t) {
        int _n = 1 + w.length;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            int _k = _j;
            double[] _v_w = new double[w.length];
            if (_k >= 0 && _k < w.length) {
                _v_w[_k] = 1;
            }
            _k -= w.length;
            double _v_t = _k == 0 ? 1 : 0;
            SoftHvp _r = softHvp(w, t, _v_w, _v_t);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new SoftHessian(RuleSecondOrder.soft(w, t), _gradient, _hessian);
    }

    /**
     * The value of {@code RuleSecondOrder.soft(double[], double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param w the argument {@code w} of {@code RuleSecondOrder.soft}
     * @param t the argument {@code t} of {@code RuleSecondOrder.soft}
     * @param _t_w the tangent of {@code w}, shaped like it; where the method writes into {@code w}, the same elements of this array get the tangents of the values written
     * @param _t_t the tangent of {@code t}: the direction's component along it
     * @return the value and the directional derivative
     * @see #soft
     */
    public static SoftJvp softJvp(double[] w, double t, double[] _t_w, double _t_t) {
        double s = 0;
        double _t_s = 0.0;
        for (int i = 0; i < w.length; i++) {
            RuleSecondOrder.Rules.SoftplusD _g0 = RuleSecondOrder.Rules.softplus(w[i] * t);
            double _t_g0 = _g0.dx() * (_t_w[i] * t + w[i] * _t_t);
            s += _g0.value();
            _t_s += _t_g0;
        }
        return new SoftJvp(s, _t_s);
    }

    /**
     * The result of {@link RuleSecondOrderGrad#cdf}: the value and the gradient.
     *
     * @param value the value of {@code cdf(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param sigma &part; value / &part; sigma, the partial derivative with respect to {@code sigma}
     */
    public record Cdf(double value, double x, double sigma) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#_cdfTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code cdf(double, double)} along {@code _t_x}, {@code _t_sigma}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param sigma &part; value / &part; sigma, the partial derivative with respect to {@code sigma}
     * @param _t_x &part; value / &part; _t_x, the partial derivative with respect to {@code _t_x}
     * @param _t_sigma &part; value / &part; _t_sigma, the partial derivative with respect to {@code _t_sigma}
     */
    private record _CdfTangent(double value, double x, double sigma, double _t_x, double _t_sigma) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#cdfHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record CdfHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#cdfHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record CdfHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#cdfJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code cdf(double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record CdfJvp(double value, double tangent) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#soft}: the value and the gradient.
     *
     * @param value the value of {@code soft(double[], double)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param t &part; value / &part; t, the partial derivative with respect to {@code t}
     */
    public record Soft(double value, double[] w, double t) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#_softTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code soft(double[], double)} along {@code _t_w}, {@code _t_t}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param t &part; value / &part; t, the partial derivative with respect to {@code t}
     * @param _t_w &part; value / &part; _t_w, the partial derivative with respect to {@code _t_w}
     * @param _t_t &part; value / &part; _t_t, the partial derivative with respect to {@code _t_t}
     */
    private record _SoftTangent(double value, double[] w, double t, double[] _t_w, double _t_t) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#softHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record SoftHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#softHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record SoftHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link RuleSecondOrderGrad#softJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code soft(double[], double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record SoftJvp(double value, double tangent) {
    }
}
