package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.IntStack;
import io.github.backprop.LongStack;
import io.github.backprop.Polygamma;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;
import smile.math.special.Gamma;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Smile}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class SmileGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private SmileGrad() {
    }

    /**
     * The value of {@code Smile.beta(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Smile.beta}
     * @param b the argument {@code b} of {@code Smile.beta}
     * @return the value and the gradient
     */
    public static Beta beta(double a, double b) {
        double _value = smile.math.special.Beta.beta(a, b);
        // grad of: return Beta.beta(a, b);
        double _d_a = _value * (Gamma.digamma(a) - Gamma.digamma(a + b));
        double _d_b = _value * (Gamma.digamma(b) - Gamma.digamma(b + a));
        return new Beta(_value, _d_a, _d_b);
    }

    /**
     * The tangent of {@code Smile.beta(double, double)} along {@code _t_a}, {@code _t_b}, its directional derivative, and the gradient of that tangent: with respect to the method's parameters the Hessian times the tangents, with respect to the tangents the method's gradient. For the second order of {@code beta} and of its callers.
     *
     * @param a the argument {@code a} of {@code Smile.beta}
     * @param b the argument {@code b} of {@code Smile.beta}
     * @param _t_a the tangent of {@code a}, the direction's component along it
     * @param _t_b the tangent of {@code b}, the direction's component along it
     * @return the tangent and its gradient
     */
    private static _BetaTangent _betaTangent(double a, double b, double _t_a, double _t_b) {
        double _value = smile.math.special.Beta.beta(a, b);
        double _p0 = Gamma.digamma(a) - Gamma.digamma(a + b);
        double _p1 = _value * _p0;
        double _p2 = Gamma.digamma(b) - Gamma.digamma(b + a);
        double _p3 = _value * _p2;
        double _value2 = _p1 * _t_a + _p3 * _t_b;
        double _d_value = _t_b * _p2;
        double _d_p2 = _t_b * _value;
        double _r0 = -(_d_p2 * Polygamma.trigamma(b + a));
        double _d_b = _d_p2 * Polygamma.trigamma(b) + _r0;
        double _d_a = _r0;
        _d_value += _t_a * _p0;
        double _d_p0 = _t_a * _value;
        double _r1 = -(_d_p0 * Polygamma.trigamma(a + b));
        _d_a += _d_p0 * Polygamma.trigamma(a) + _r1;
        _d_b += _r1;
        _d_a += _d_value * (_value * (Gamma.digamma(a) - Gamma.digamma(a + b)));
        _d_b += _d_value * (_value * (Gamma.digamma(b) - Gamma.digamma(b + a)));
        return new _BetaTangent(_value2, _d_a, _d_b, _p1, _p3);
    }

    /**
     * The value of {@code Smile.beta}, its gradient and its Hessian times a direction, by reverse mode over forward mode; both vectors flattened in parameter order.
     *
     * @param a the argument {@code a}
     * @param b the argument {@code b}
     * @param _v_a the direction's part for {@code a}
     * @param _v_b the direction's part for {@code b}
     * @return the value, the gradient and the Hessian-vector product
     */
    public static BetaHvp betaHvp(double a, double b, double _v_a, double _v_b) {
        _BetaTangent _g = _betaTangent(a, b, _v_a, _v_b);
        int _n = 2;
        double[] _gradient = new double[_n];
        double[] _hvp = new double[_n];
        _gradient[0] = _g._t_a();
        _hvp[0] = _g.a();
        _gradient[1] = _g._t_b();
        _hvp[1] = _g.b();
        return new BetaHvp(Smile.beta(a, b), _gradient, _hvp);
    }

    /**
     * The value of {@code Smile.beta}, its gradient and its Hessian, flattened in parameter order: one Hessian-vector product per unit direction.
     *
     * @param a the argument {@code a}
     * @param b the argument {@code b}
     * @return the value, the gradient and the Hessian
     */
    public static BetaHessian betaHessian(double a, double b) {
        int _n = 2;
        double[] _gradient = new double[_n];
        double[][] _hessian = new double[_n][];
        for (int _j = 0; _j < _n; _j++) {
            double _v_a = _j == 0 ? 1 : 0;
            double _v_b = _j == 1 ? 1 : 0;
            BetaHvp _r = betaHvp(a, b, _v_a, _v_b);
            _hessian[_j] = _r.hvp();
            _gradient = _r.gradient();
        }
        return new BetaHessian(Smile.beta(a, b), _gradient, _hessian);
    }

    /**
     * The value of {@code Smile.correlation(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Smile.correlation}
     * @param y the argument {@code y} of {@code Smile.correlation}
     * @return the value and the gradient
     */
    public static Correlation correlation(double[] x, double[] y) {
        double[] _d_x = new double[x.length];
        double[] _d_y = new double[y.length];
        double _value = correlation(x, y, _d_x, _d_y);
        return new Correlation(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Smile.correlation(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x}, {@code _d_y}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x the argument {@code x} of {@code Smile.correlation}
     * @param y the argument {@code y} of {@code Smile.correlation}
     * @param _d_x where the gradient with respect to {@code x} is added
     * @param _d_y where the gradient with respect to {@code y} is added
     * @return the value of {@code correlation}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #correlation
     */
    public static double correlation(double[] x, double[] y, double[] _d_x, double[] _d_y) {
        Shapes.require("x", _d_x, x);
        Shapes.apart("x", _d_x, "y", y);
        Shapes.require("y", _d_y, y);
        Shapes.apart("y", _d_y, "x", x);
        double _sqrt0 = 0.0;
        if (x.length != y.length) {
            throw new IllegalArgumentException("Arrays have different length.");
        }
        if (x.length < 3) {
            throw new IllegalArgumentException("array length has to be at least 3.");
        }
        double _sum0 = 0.0;
        for (int _i0 = 0; _i0 < x.length; _i0++) {
            _sum0 += x[_i0];
        }
        double _mx0 = _sum0 / x.length;
        double _sum1 = 0.0;
        for (int _i1 = 0; _i1 < y.length; _i1++) {
            _sum1 += y[_i1];
        }
        double _my0 = _sum1 / y.length;
        double _Sxy0 = 0.0;
        for (int _i2 = 0; _i2 < x.length; _i2++) {
            double _dx0 = x[_i2] - _mx0;
            double _dy0 = y[_i2] - _my0;
            _Sxy0 += _dx0 * _dy0;
        }
        double _Sxy1 = _Sxy0 / (x.length - 1);
        if (x.length < 2) {
            throw new IllegalArgumentException("Array length is less than 2.");
        }
        double _sum2 = 0.0;
        double _sumsq0 = 0.0;
        for (int _i3 = 0; _i3 < x.length; _i3++) {
            double _xi0 = x[_i3];
            _sum2 += _xi0;
            _sumsq0 += _xi0 * _xi0;
        }
        int _n0 = x.length - 1;
        double _p0 = _sum2 / x.length;
        double _Sxx0 = _sumsq0 / _n0 - _p0 * (_sum2 / _n0);
        if (y.length < 2) {
            throw new IllegalArgumentException("Array length is less than 2.");
        }
        double _sum3 = 0.0;
        double _sumsq1 = 0.0;
        for (int _i4 = 0; _i4 < y.length; _i4++) {
            double _xi1 = y[_i4];
            _sum3 += _xi1;
            _sumsq1 += _xi1 * _xi1;
        }
        int _n1 = y.length - 1;
        double _p1 = _sum3 / y.length;
        double _Syy0 = _sumsq1 / _n1 - _p1 * (_sum3 / _n1);
        double _cor0 = Double.NaN;
        if (_Sxx0 != 0.0 && _Syy0 != 0.0) {
            _sqrt0 = Math.sqrt(_Sxx0 * _Syy0);
            _cor0 = _Sxy1 / _sqrt0;
        }
        double _value = _cor0;
        // grad of: return Math.cor(x, y);
        double _d_cor0 = 1.0;
        double _d_Sxy1 = 0.0;
        double _d_Sxx0 = 0.0;
        double _d_Syy0 = 0.0;
        if (_Sxx0 != 0.0 && _Syy0 != 0.0) {
            double _r0 = _d_cor0 / _sqrt0;
            _d_Sxy1 = _r0;
            double _d_sqrt0 = -(_r0 * (_Sxy1 / _sqrt0));
            double _r1 = _d_sqrt0 * (0.5 / _sqrt0);
            _d_Sxx0 = _r1 * _Syy0;
            _d_Syy0 = _r1 * _Sxx0;
            _d_cor0 = 0.0;
        }
        double _d_sumsq1 = _d_Syy0 / _n1;
        double _d_p1 = -(_d_Syy0 * (_sum3 / _n1));
        double _d_sum3 = -(_d_Syy0 * _p1 / _n1);
        _d_sum3 += _d_p1 / y.length;
        for (int _i4 = y.length - 1; _i4 >= 0; _i4--) {
            double _xi1 = y[_i4];
            double _d_xi1 = 2 * _d_sumsq1 * _xi1;
            _d_xi1 += _d_sum3;
            _d_y[_i4] += _d_xi1;
        }
        double _d_sumsq0 = _d_Sxx0 / _n0;
        double _d_p0 = -(_d_Sxx0 * (_sum2 / _n0));
        double _d_sum2 = -(_d_Sxx0 * _p0 / _n0);
        _d_sum2 += _d_p0 / x.length;
        for (int _i3 = x.length - 1; _i3 >= 0; _i3--) {
            double _xi0 = x[_i3];
            double _d_xi0 = 2 * _d_sumsq0 * _xi0;
            _d_xi0 += _d_sum2;
            _d_x[_i3] += _d_xi0;
        }
        double _d_Sxy0 = _d_Sxy1 / (x.length - 1);
        double _d_mx0 = 0.0;
        double _d_my0 = 0.0;
        for (int _i2 = x.length - 1; _i2 >= 0; _i2--) {
            double _dx0 = x[_i2] - _mx0;
            double _dy0 = y[_i2] - _my0;
            double _d_dx0 = _d_Sxy0 * _dy0;
            double _d_dy0 = _d_Sxy0 * _dx0;
            _d_y[_i2] += _d_dy0;
            _d_my0 -= _d_dy0;
            _d_x[_i2] += _d_dx0;
            _d_mx0 -= _d_dx0;
        }
        double _d_sum1 = _d_my0 / y.length;
        for (int _i1 = y.length - 1; _i1 >= 0; _i1--) {
            _d_y[_i1] += _d_sum1;
        }
        double _d_sum0 = _d_mx0 / x.length;
        for (int _i0 = x.length - 1; _i0 >= 0; _i0--) {
            _d_x[_i0] += _d_sum0;
        }
        return _value;
    }

    /**
     * The value of {@code Smile.correlation(double[], double[])} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code Smile.correlation}
     * @param y the argument {@code y} of {@code Smile.correlation}
     * @param _t_x the tangent of {@code x}, shaped like it; where the method writes into {@code x}, the same elements of this array get the tangents of the values written
     * @param _t_y the tangent of {@code y}, shaped like it; where the method writes into {@code y}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #correlation
     */
    public static CorrelationJvp correlationJvp(double[] x, double[] y, double[] _t_x,
            double[] _t_y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Arrays have different length.");
        }
        if (x.length < 3) {
            throw new IllegalArgumentException("array length has to be at least 3.");
        }
        double _sum0 = 0.0;
        double _t_sum0 = 0.0;
        for (int _i0 = 0; _i0 < x.length; _i0++) {
            _sum0 += x[_i0];
            _t_sum0 += _t_x[_i0];
        }
        double _mx0 = _sum0 / x.length;
        double _t_mx0 = _t_sum0 / x.length;
        double _sum1 = 0.0;
        double _t_sum1 = 0.0;
        for (int _i1 = 0; _i1 < y.length; _i1++) {
            _sum1 += y[_i1];
            _t_sum1 += _t_y[_i1];
        }
        double _my0 = _sum1 / y.length;
        double _t_my0 = _t_sum1 / y.length;
        double _Sxy0 = 0.0;
        double _t_Sxy0 = 0.0;
        for (int _i2 = 0; _i2 < x.length; _i2++) {
            double _dx0 = x[_i2] - _mx0;
            double _t_dx0 = _t_x[_i2] - _t_mx0;
            double _dy0 = y[_i2] - _my0;
            double _t_dy0 = _t_y[_i2] - _t_my0;
            _Sxy0 += _dx0 * _dy0;
            _t_Sxy0 += _t_dx0 * _dy0 + _dx0 * _t_dy0;
        }
        double _Sxy1 = _Sxy0 / (x.length - 1);
        double _t_Sxy1 = _t_Sxy0 / (x.length - 1);
        if (x.length < 2) {
            throw new IllegalArgumentException("Array length is less than 2.");
        }
        double _sum2 = 0.0;
        double _t_sum2 = 0.0;
        double _sumsq0 = 0.0;
        double _t_sumsq0 = 0.0;
        for (int _i3 = 0; _i3 < x.length; _i3++) {
            double _xi0 = x[_i3];
            double _t_xi0 = _t_x[_i3];
            _sum2 += _xi0;
            _t_sum2 += _t_xi0;
            _sumsq0 += _xi0 * _xi0;
            _t_sumsq0 += 2 * _t_xi0 * _xi0;
        }
        int _n0 = x.length - 1;
        double _Sxx0 = _sumsq0 / _n0 - _sum2 / x.length * (_sum2 / _n0);
        double _t_Sxx0 = _t_sumsq0 / _n0 - (_t_sum2 / x.length * (_sum2 / _n0) + _sum2 / x.length * (_t_sum2 / _n0));
        if (y.length < 2) {
            throw new IllegalArgumentException("Array length is less than 2.");
        }
        double _sum3 = 0.0;
        double _t_sum3 = 0.0;
        double _sumsq1 = 0.0;
        double _t_sumsq1 = 0.0;
        for (int _i4 = 0; _i4 < y.length; _i4++) {
            double _xi1 = y[_i4];
            double _t_xi1 = _t_y[_i4];
            _sum3 += _xi1;
            _t_sum3 += _t_xi1;
            _sumsq1 += _xi1 * _xi1;
            _t_sumsq1 += 2 * _t_xi1 * _xi1;
        }
        int _n1 = y.length - 1;
        double _Syy0 = _sumsq1 / _n1 - _sum3 / y.length * (_sum3 / _n1);
        double _t_Syy0 = _t_sumsq1 / _n1 - (_t_sum3 / y.length * (_sum3 / _n1) + _sum3 / y.length * (_t_sum3 / _n1));
        double _cor0 = Double.NaN;
        double _t_cor0 = 0.0;
        if (_Sxx0 != 0.0 && _Syy0 != 0.0) {
            double _sqrt0 = Math.sqrt(_Sxx0 * _Syy0);
            double _t_sqrt0 = 0.5 / _sqrt0 * (_t_Sxx0 * _Syy0 + _Sxx0 * _t_Syy0);
            _cor0 = _Sxy1 / _sqrt0;
            _t_cor0 = (_t_Sxy1 - _Sxy1 / _sqrt0 * _t_sqrt0) / _sqrt0;
        }
        return new CorrelationJvp(_cor0, _t_cor0);
    }

    /**
     * The value of {@code Smile.spread(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Smile.spread}
     * @return the value and the gradient
     */
    public static Spread spread(double[] x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            IntStack _ints = _tape.ints();
            LongStack _longs = _tape.longs();
            BooleanStack _booleans = _tape.booleans();
            int _mid0 = 0;
            double[] _d_x = new double[x.length];
            int _l0 = 0;
            int _ir0 = x.length - 1;
            int _i0 = 0;
            int _j0 = 0;
            double _a0 = 0.0;
            boolean _brk0 = false;
            long _n0 = 0;
            while (!_brk0) {
                boolean _c0 = _ir0 <= _l0 + 1;
                if (_c0) {
                    boolean _c1 = _ir0 == _l0 + 1 && x[_ir0] < x[_l0];
                    if (_c1) {
                        double _swapped0 = x[_l0];
                        _doubles.push(x[_l0]);
                        x[_l0] = x[_ir0];
                        _doubles.push(x[_ir0]);
                        x[_ir0] = _swapped0;
                    }
                    _booleans.push(_c1);
                    _brk0 = true;
                } else {
                    _ints.push(_mid0);
                    _mid0 = _l0 + _ir0 >> 1;
                    double _swapped1 = x[_mid0];
                    _doubles.push(x[_mid0]);
                    x[_mid0] = x[_l0 + 1];
                    _doubles.push(x[_l0 + 1]);
                    x[_l0 + 1] = _swapped1;
                    boolean _c2 = x[_l0] > x[_ir0];
                    if (_c2) {
                        double _swapped2 = x[_l0];
                        _doubles.push(x[_l0]);
                        x[_l0] = x[_ir0];
                        _doubles.push(x[_ir0]);
                        x[_ir0] = _swapped2;
                    }
                    _booleans.push(_c2);
                    boolean _c3 = x[_l0 + 1] > x[_ir0];
                    if (_c3) {
                        double _swapped3 = x[_l0 + 1];
                        _doubles.push(x[_l0 + 1]);
                        x[_l0 + 1] = x[_ir0];
                        _doubles.push(x[_ir0]);
                        x[_ir0] = _swapped3;
                    }
                    _booleans.push(_c3);
                    boolean _c4 = x[_l0] > x[_l0 + 1];
                    if (_c4) {
                        double _swapped4 = x[_l0];
                        _doubles.push(x[_l0]);
                        x[_l0] = x[_l0 + 1];
                        _doubles.push(x[_l0 + 1]);
                        x[_l0 + 1] = _swapped4;
                    }
                    _booleans.push(_c4);
                    _ints.push(_i0);
                    _i0 = _l0 + 1;
                    _ints.push(_j0);
                    _j0 = _ir0;
                    _a0 = x[_l0 + 1];
                    boolean _brk1 = false;
                    long _n1 = 0;
                    while (!_brk1) {
                        long _n2 = 0;
                        do {
                            _i0++;
                            _n2++;
                        } while (x[_i0] < _a0);
                        _longs.push(_n2);
                        long _n3 = 0;
                        do {
                            _j0--;
                            _n3++;
                        } while (x[_j0] > _a0);
                        _longs.push(_n3);
                        if (_j0 < _i0) {
                            _brk1 = true;
                        } else {
                            double _swapped5 = x[_i0];
                            _doubles.push(x[_i0]);
                            x[_i0] = x[_j0];
                            _doubles.push(x[_j0]);
                            x[_j0] = _swapped5;
                        }
                        _n1++;
                    }
                    _longs.push(_n1);
                    _doubles.push(x[_l0 + 1]);
                    x[_l0 + 1] = x[_j0];
                    _doubles.push(x[_j0]);
                    x[_j0] = _a0;
                    if (_j0 >= x.length / 2) {
                        _ints.push(_ir0);
                        _ir0 = _j0 - 1;
                    }
                    if (_j0 <= x.length / 2) {
                        _ints.push(_l0);
                        _l0 = _i0;
                    }
                }
                _booleans.push(_c0);
                _n0++;
            }
            double _selected0 = x[x.length / 2];
            double m = _selected0;
            double _value = x[x.length - 1] - m;
            double[] _x0 = Adjoint.copyOf(x);
            // grad of: return x[x.length - 1] - m;
            _d_x[x.length - 1] += 1.0;
            // grad of: double m = Math.median(x);
            _d_x[x.length / 2] += -1.0;
            double _d_a0 = 0.0;
            for (; _n0 > 0; _n0--) {
                if (_booleans.pop()) {
                    if (_booleans.pop()) {
                        double _d_swapped0 = _d_x[_ir0];
                        _d_x[_ir0] = 0.0;
                        x[_ir0] = _doubles.pop();
                        x[_l0] = _doubles.pop();
                        double _r0 = _d_x[_l0];
                        _d_x[_l0] = 0.0;
                        _d_x[_ir0] += _r0;
                        _d_x[_l0] += _d_swapped0;
                    }
                } else {
                    if (_j0 <= x.length / 2) {
                        _l0 = _ints.pop();
                    }
                    if (_j0 >= x.length / 2) {
                        _ir0 = _ints.pop();
                    }
                    _d_a0 += _d_x[_j0];
                    _d_x[_j0] = 0.0;
                    x[_j0] = _doubles.pop();
                    x[_l0 + 1] = _doubles.pop();
                    double _r1 = _d_x[_l0 + 1];
                    _d_x[_l0 + 1] = 0.0;
                    _d_x[_j0] += _r1;
                    long _n1 = _longs.pop();
                    for (; _n1 > 0; _n1--) {
                        if (!(_j0 < _i0)) {
                            double _d_swapped5 = _d_x[_j0];
                            _d_x[_j0] = 0.0;
                            x[_j0] = _doubles.pop();
                            x[_i0] = _doubles.pop();
                            double _r2 = _d_x[_i0];
                            _d_x[_i0] = 0.0;
                            _d_x[_j0] += _r2;
                            _d_x[_i0] += _d_swapped5;
                        }
                        long _n3 = _longs.pop();
                        for (; _n3 > 0; _n3--) {
                            _j0++;
                        }
                        long _n2 = _longs.pop();
                        for (; _n2 > 0; _n2--) {
                            _i0--;
                        }
                    }
                    _d_x[_l0 + 1] += _d_a0;
                    _j0 = _ints.pop();
                    _i0 = _ints.pop();
                    if (_booleans.pop()) {
                        double _d_swapped4 = _d_x[_l0 + 1];
                        _d_x[_l0 + 1] = 0.0;
                        x[_l0 + 1] = _doubles.pop();
                        x[_l0] = _doubles.pop();
                        double _r3 = _d_x[_l0];
                        _d_x[_l0] = 0.0;
                        _d_x[_l0] += _d_swapped4;
                        _d_x[_l0 + 1] += _r3;
                    }
                    if (_booleans.pop()) {
                        double _d_swapped3 = _d_x[_ir0];
                        _d_x[_ir0] = 0.0;
                        x[_ir0] = _doubles.pop();
                        x[_l0 + 1] = _doubles.pop();
                        double _r4 = _d_x[_l0 + 1];
                        _d_x[_l0 + 1] = 0.0;
                        _d_x[_ir0] += _r4;
                        _d_x[_l0 + 1] += _d_swapped3;
                    }
                    if (_booleans.pop()) {
                        double _d_swapped2 = _d_x[_ir0];
                        _d_x[_ir0] = 0.0;
                        x[_ir0] = _doubles.pop();
                        x[_l0] = _doubles.pop();
                        double _r5 = _d_x[_l0];
                        _d_x[_l0] = 0.0;
                        _d_x[_ir0] += _r5;
                        _d_x[_l0] += _d_swapped2;
                    }
                    double _d_swapped1 = _d_x[_l0 + 1];
                    _d_x[_l0 + 1] = 0.0;
                    x[_l0 + 1] = _doubles.pop();
                    x[_mid0] = _doubles.pop();
                    double _r6 = _d_x[_mid0];
                    _d_x[_mid0] = 0.0;
                    _d_x[_l0 + 1] += _r6;
                    _d_x[_mid0] += _d_swapped1;
                    _mid0 = _ints.pop();
                    _d_a0 = 0.0;
                }
            }
            Adjoint.copyInto(_x0, x);
            return new Spread(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link SmileGrad#beta}: the value and the gradient.
     *
     * @param value the value of {@code beta(double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Beta(double value, double a, double b) {
    }

    /**
     * The result of {@link SmileGrad#_betaTangent}: the value and the gradient.
     *
     * @param value the tangent of {@code beta(double, double)} along {@code _t_a}, {@code _t_b}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     * @param _t_a &part; value / &part; _t_a, the partial derivative with respect to {@code _t_a}
     * @param _t_b &part; value / &part; _t_b, the partial derivative with respect to {@code _t_b}
     */
    private record _BetaTangent(double value, double a, double b, double _t_a, double _t_b) {
    }

    /**
     * The result of {@link SmileGrad#betaHvp}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hvp the Hessian times the direction, flattened
     */
    public record BetaHvp(double value, double[] gradient, double[] hvp) {
    }

    /**
     * The result of {@link SmileGrad#betaHessian}.
     *
     * @param value the value
     * @param gradient the gradient, flattened
     * @param hessian the Hessian, one row per flattened parameter
     */
    public record BetaHessian(double value, double[] gradient, double[][] hessian) {
    }

    /**
     * The result of {@link SmileGrad#correlation}: the value and the gradient.
     *
     * @param value the value of {@code correlation(double[], double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Correlation(double value, double[] x, double[] y) {
    }

    /**
     * The result of {@link SmileGrad#correlationJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code correlation(double[], double[])}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record CorrelationJvp(double value, double tangent) {
    }

    /**
     * The result of {@link SmileGrad#spread}: the value and the gradient.
     *
     * @param value the value of {@code spread(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Spread(double value, double[] x) {
    }
}
