package golden;

import javax.annotation.processing.Generated;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.hipparchus.special.elliptic.carlson.CarlsonEllipticIntegral;
import org.hipparchus.util.FastMath;
import org.hipparchus.util.MathArrays;

/**
 * Gradients of the {@code @Differentiable} methods of {@link LibraryObjects}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LibraryObjectsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LibraryObjectsGrad() {
    }

    /**
     * The value of {@code LibraryObjects.completeK(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param m the argument {@code m} of {@code LibraryObjects.completeK}
     * @return the value and the gradient
     */
    public static CompleteK completeK(double m) {
        double _value = CarlsonEllipticIntegral.rF(0, 1.0 - m, 1);
        // grad of: return CarlsonEllipticIntegral.rF(0, 1.0 - m, 1);
        double _d_m = -(CarlsonEllipticIntegral.rD(1, 0, 1.0 - m) / -6.0);
        return new CompleteK(_value, _d_m);
    }

    /**
     * The value of {@code LibraryObjects.harmonics(double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param tau the argument {@code tau} of {@code LibraryObjects.harmonics}
     * @param a the argument {@code a} of {@code LibraryObjects.harmonics}
     * @param b the argument {@code b} of {@code LibraryObjects.harmonics}
     * @return the value and the gradient
     */
    public static Harmonics harmonics(double tau, double a, double b) {
        double sc1Sin = FastMath.sin(tau);
        double sc1Cos = FastMath.cos(tau);
        double sc2Sin = MathArrays.linearCombination(sc1Sin, sc1Cos, sc1Cos, sc1Sin);
        double sc2Cos = MathArrays.linearCombination(sc1Cos, sc1Cos, -sc1Sin, sc1Sin);
        double _value = a * sc1Sin + b * sc2Cos;
        // grad of: return a * sc1.sin() + b * sc2.cos();
        double _d_sc1Sin = a;
        // grad of: final SinCos sc2 = SinCos.sum(sc1, sc1);
        double _d_sc1Cos = 2 * b * sc1Cos;
        _d_sc1Sin -= 2 * b * sc1Sin;
        // grad of: final SinCos sc1 = FastMath.sinCos(tau);
        double _d_tau = -(_d_sc1Cos * Math.sin(tau));
        // grad of: final SinCos sc1 = FastMath.sinCos(tau);
        _d_tau += _d_sc1Sin * Math.cos(tau);
        return new Harmonics(_value, _d_tau, sc1Sin, sc2Cos);
    }

    /**
     * The value of {@code LibraryObjects.harmonics(double, double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param tau the argument {@code tau} of {@code LibraryObjects.harmonics}
     * @param a the argument {@code a} of {@code LibraryObjects.harmonics}
     * @param b the argument {@code b} of {@code LibraryObjects.harmonics}
     * @param _t_tau the tangent of {@code tau}: the direction's component along it
     * @param _t_a the tangent of {@code a}: the direction's component along it
     * @param _t_b the tangent of {@code b}: the direction's component along it
     * @return the value and the directional derivative
     * @see #harmonics
     */
    public static HarmonicsJvp harmonicsJvp(double tau, double a, double b, double _t_tau,
            double _t_a, double _t_b) {
        double sc1Sin = FastMath.sin(tau);
        double _t_sc1Sin = Math.cos(tau) * _t_tau;
        double sc1Cos = FastMath.cos(tau);
        double _t_sc1Cos = -(Math.sin(tau) * _t_tau);
        double sc2Sin = MathArrays.linearCombination(sc1Sin, sc1Cos, sc1Cos, sc1Sin);
        double sc2Cos = MathArrays.linearCombination(sc1Cos, sc1Cos, -sc1Sin, sc1Sin);
        double _t_sc2Cos = 2 * sc1Cos * _t_sc1Cos - sc1Sin * _t_sc1Sin - sc1Sin * _t_sc1Sin;
        return new HarmonicsJvp(a * sc1Sin + b * sc2Cos, _t_a * sc1Sin + a * _t_sc1Sin + (_t_b * sc2Cos + b * _t_sc2Cos));
    }

    /**
     * The value of {@code LibraryObjects.zScore(double[], double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code LibraryObjects.zScore}
     * @param v the argument {@code v} of {@code LibraryObjects.zScore}
     * @return the value and the gradient
     */
    public static ZScore zScore(double[] x, double v) {
        double _mean0 = 0.0;
        double _accum20 = 0.0;
        boolean _c0 = false;
        double[] _d_x = new double[x.length];
        Mean mean = new Mean();
        StandardDeviation sd = new StandardDeviation();
        double _mean1 = Double.NaN;
        if (org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false)) {
            double _sum0 = 0.0;
            for (int _i0 = 0; _i0 < x.length; _i0++) {
                _sum0 += x[_i0];
            }
            double _xbar0 = _sum0 / x.length;
            double _correction0 = 0.0;
            for (int _i1 = 0; _i1 < x.length; _i1++) {
                _correction0 += x[_i1] - _xbar0;
            }
            _mean1 = _xbar0 + _correction0 / x.length;
        }
        double _variance0 = Double.NaN;
        if (org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false)) {
            if (x.length == 1) {
                _variance0 = 0.0;
            } else if (x.length > 1) {
                double _sum1 = 0.0;
                for (int _i2 = 0; _i2 < x.length; _i2++) {
                    _sum1 += x[_i2];
                }
                double _xbar1 = _sum1 / x.length;
                double _correction1 = 0.0;
                for (int _i3 = 0; _i3 < x.length; _i3++) {
                    _correction1 += x[_i3] - _xbar1;
                }
                _mean0 = _xbar1 + _correction1 / x.length;
                double _accum0 = 0.0;
                _accum20 = 0.0;
                for (int _i4 = 0; _i4 < x.length; _i4++) {
                    double _dev0 = x[_i4] - _mean0;
                    _accum0 += _dev0 * _dev0;
                    _accum20 += _dev0;
                }
                _c0 = sd.isBiasCorrected();
                _variance0 = _c0 ? (_accum0 - _accum20 * _accum20 / x.length) / (x.length - 1.0) : (_accum0 - _accum20 * _accum20 / x.length) / x.length;
            }
        }
        double _sqrt0 = org.apache.commons.math3.util.FastMath.sqrt(_variance0);
        double _value = (v - _mean1) / _sqrt0;
        // grad of: return (v - mean.evaluate(x)) / sd.evaluate(x);
        double _r0 = 1.0 / _sqrt0;
        double _d_mean1 = -_r0;
        double _d_sqrt0 = -(_r0 * ((v - _mean1) / _sqrt0));
        double _d_variance0 = _d_sqrt0 * (0.5 / _sqrt0);
        if (org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false)) {
            if (x.length == 1) {
                _d_variance0 = 0.0;
            } else if (x.length > 1) {
                double _d_accum0;
                double _d_accum20;
                if (_c0) {
                    double _r1 = _d_variance0 / (x.length - 1.0);
                    _d_accum0 = _r1;
                    double _r2 = -(_r1 / x.length);
                    _d_accum20 = 2 * _r2 * _accum20;
                } else {
                    double _r3 = _d_variance0 / x.length;
                    _d_accum0 = _r3;
                    double _r4 = -(_r3 / x.length);
                    _d_accum20 = 2 * _r4 * _accum20;
                }
                double _d_mean0 = 0.0;
                for (int _i4 = x.length - 1; _i4 >= 0; _i4--) {
                    double _dev0 = x[_i4] - _mean0;
                    double _d_dev0 = _d_accum20;
                    _d_dev0 += 2 * _d_accum0 * _dev0;
                    _d_x[_i4] += _d_dev0;
                    _d_mean0 -= _d_dev0;
                }
                double _d_xbar1 = _d_mean0;
                double _d_correction1 = _d_mean0 / x.length;
                for (int _i3 = x.length - 1; _i3 >= 0; _i3--) {
                    _d_x[_i3] += _d_correction1;
                    _d_xbar1 -= _d_correction1;
                }
                double _d_sum1 = _d_xbar1 / x.length;
                for (int _i2 = x.length - 1; _i2 >= 0; _i2--) {
                    _d_x[_i2] += _d_sum1;
                }
                _d_variance0 = 0.0;
            }
        }
        if (org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false)) {
            double _d_xbar0 = _d_mean1;
            double _d_correction0 = _d_mean1 / x.length;
            for (int _i1 = x.length - 1; _i1 >= 0; _i1--) {
                _d_x[_i1] += _d_correction0;
                _d_xbar0 -= _d_correction0;
            }
            double _d_sum0 = _d_xbar0 / x.length;
            for (int _i0 = x.length - 1; _i0 >= 0; _i0--) {
                _d_x[_i0] += _d_sum0;
            }
            _d_mean1 = 0.0;
        }
        return new ZScore(_value, _d_x, _r0);
    }

    /**
     * The result of {@link LibraryObjectsGrad#completeK}: the value and the gradient.
     *
     * @param value the value of {@code completeK(double)}
     * @param m &part; value / &part; m, the partial derivative with respect to {@code m}
     */
    public record CompleteK(double value, double m) {
    }

    /**
     * The result of {@link LibraryObjectsGrad#harmonics}: the value and the gradient.
     *
     * @param value the value of {@code harmonics(double, double, double)}
     * @param tau &part; value / &part; tau, the partial derivative with respect to {@code tau}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Harmonics(double value, double tau, double a, double b) {
    }

    /**
     * The result of {@link LibraryObjectsGrad#harmonicsJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code harmonics(double, double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record HarmonicsJvp(double value, double tangent) {
    }

    /**
     * The result of {@link LibraryObjectsGrad#zScore}: the value and the gradient.
     *
     * @param value the value of {@code zScore(double[], double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param v &part; value / &part; v, the partial derivative with respect to {@code v}
     */
    public record ZScore(double value, double[] x, double v) {
    }
}
