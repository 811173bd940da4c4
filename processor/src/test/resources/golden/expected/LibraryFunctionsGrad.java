package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Sorting;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.util.FastMath;
import org.hipparchus.util.MathArrays;

/**
 * Gradients of the {@code @Differentiable} methods of {@link LibraryFunctions}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class LibraryFunctionsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private LibraryFunctionsGrad() {
    }

    /**
     * The value of {@code LibraryFunctions.cross(double, double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a1 the argument {@code a1} of {@code LibraryFunctions.cross}
     * @param b1 the argument {@code b1} of {@code LibraryFunctions.cross}
     * @param a2 the argument {@code a2} of {@code LibraryFunctions.cross}
     * @param b2 the argument {@code b2} of {@code LibraryFunctions.cross}
     * @return the value and the gradient
     */
    public static Cross cross(double a1, double b1, double a2, double b2) {
        double _value = MathArrays.linearCombination(a1, b2, -a2, b1);
        // grad of: return MathArrays.linearCombination(a1, b2, -a2, b1);
        double _d_a2 = -b1;
        double _d_b1 = -a2;
        return new Cross(_value, b2, _d_b1, _d_a2, a1);
    }

    /**
     * The value of {@code LibraryFunctions.cross(double, double, double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param a1 the argument {@code a1} of {@code LibraryFunctions.cross}
     * @param b1 the argument {@code b1} of {@code LibraryFunctions.cross}
     * @param a2 the argument {@code a2} of {@code LibraryFunctions.cross}
     * @param b2 the argument {@code b2} of {@code LibraryFunctions.cross}
     * @param _t_a1 the tangent of {@code a1}: the direction's component along it
     * @param _t_b1 the tangent of {@code b1}: the direction's component along it
     * @param _t_a2 the tangent of {@code a2}: the direction's component along it
     * @param _t_b2 the tangent of {@code b2}: the direction's component along it
     * @return the value and the directional derivative
     * @see #cross
     */
    public static CrossJvp crossJvp(double a1, double b1, double a2, double b2, double _t_a1,
            double _t_b1, double _t_a2, double _t_b2) {
        double _value = MathArrays.linearCombination(a1, b2, -a2, b1);
        return new CrossJvp(_value, b2 * _t_a1 + a1 * _t_b2 - b1 * _t_a2 - a2 * _t_b1);
    }

    /**
     * The value of {@code LibraryFunctions.distance(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param p the argument {@code p} of {@code LibraryFunctions.distance}
     * @param q the argument {@code q} of {@code LibraryFunctions.distance}
     * @return the value and the gradient
     */
    public static Distance distance(double[] p, double[] q) {
        double[] _d_p = new double[p.length];
        double[] _d_q = new double[q.length];
        double _value = distance(p, q, _d_p, _d_q);
        return new Distance(_value, _d_p, _d_q);
    }

    /**
     * The value of {@code LibraryFunctions.distance(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_p}, {@code _d_q}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param p the argument {@code p} of {@code LibraryFunctions.distance}
     * @param q the argument {@code q} of {@code LibraryFunctions.distance}
     * @param _d_p where the gradient with respect to {@code p} is added
     * @param _d_q where the gradient with respect to {@code q} is added
     * @return the value of {@code distance}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #distance
     */
    public static double distance(double[] p, double[] q, double[] _d_p, double[] _d_q) {
        Shapes.require("p", _d_p, p);
        Shapes.apart("p", _d_p, "q", q);
        Shapes.require("q", _d_q, q);
        Shapes.apart("q", _d_q, "p", p);
        if (p.length != q.length) {
            throw new MathIllegalArgumentException(LocalizedCoreFormats.DIMENSIONS_MISMATCH, p.length, q.length);
        }
        double _sum0 = 0.0;
        for (int _i0 = 0; _i0 < p.length; _i0++) {
            double _dp0 = p[_i0] - q[_i0];
            _sum0 += _dp0 * _dp0;
        }
        double _value = FastMath.sqrt(_sum0);
        // grad of: return MathArrays.distance(p, q);
        double _d_sum0 = 0.5 / _value;
        for (int _i0 = p.length - 1; _i0 >= 0; _i0--) {
            double _dp0 = p[_i0] - q[_i0];
            double _d_dp0 = 2 * _d_sum0 * _dp0;
            _d_p[_i0] += _d_dp0;
            _d_q[_i0] -= _d_dp0;
        }
        return _value;
    }

    /**
     * The value of {@code LibraryFunctions.growth(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param ratios the argument {@code ratios} of {@code LibraryFunctions.growth}
     * @return the value and the gradient
     */
    public static Growth growth(double[] ratios) {
        double[] _d_ratios = new double[ratios.length];
        double _sumLog0 = Double.NaN;
        if (org.apache.commons.math3.util.MathArrays.verifyValues(ratios, 0, ratios.length, true)) {
            _sumLog0 = 0.0;
            for (int _i0 = 0; _i0 < ratios.length; _i0++) {
                _sumLog0 += org.apache.commons.math3.util.FastMath.log(ratios[_i0]);
            }
        }
        double _exp0 = org.apache.commons.math3.util.FastMath.exp(_sumLog0 / ratios.length);
        double _value = _exp0 - 1;
        // grad of: return StatUtils.geometricMean(ratios) - 1;
        double _d_sumLog0 = _exp0 / ratios.length;
        if (org.apache.commons.math3.util.MathArrays.verifyValues(ratios, 0, ratios.length, true)) {
            for (int _i0 = ratios.length - 1; _i0 >= 0; _i0--) {
                _d_ratios[_i0] += _d_sumLog0 / ratios[_i0];
            }
            _d_sumLog0 = 0.0;
        }
        return new Growth(_value, _d_ratios);
    }

    /**
     * The value of {@code LibraryFunctions.offset(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code LibraryFunctions.offset}
     * @return the value and the gradient
     */
    public static Offset offset(double w) {
        double _h0 = LibraryFunctions.ORIGIN.x;
        double _h1 = LibraryFunctions.ORIGIN.y;
        double _value = w * _h0 + _h1;
        return new Offset(_value, _h0);
    }

    /**
     * The value of {@code LibraryFunctions.residual(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code LibraryFunctions.residual}
     * @param b the argument {@code b} of {@code LibraryFunctions.residual}
     * @return the value and the gradient
     */
    public static Residual residual(double[] a, double[] b) {
        double[] _d_a = new double[a.length];
        double[] _d_b = new double[b.length];
        double _value = residual(a, b, _d_a, _d_b);
        return new Residual(_value, _d_a, _d_b);
    }

    /**
     * The value of {@code LibraryFunctions.residual(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_a}, {@code _d_b}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param a the argument {@code a} of {@code LibraryFunctions.residual}
     * @param b the argument {@code b} of {@code LibraryFunctions.residual}
     * @param _d_a where the gradient with respect to {@code a} is added
     * @param _d_b where the gradient with respect to {@code b} is added
     * @return the value of {@code residual}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #residual
     */
    public static double residual(double[] a, double[] b, double[] _d_a, double[] _d_b) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("a", _d_a, a);
            Shapes.apart("a", _d_a, "b", b);
            Shapes.require("b", _d_b, b);
            Shapes.apart("b", _d_b, "a", a);
            DoubleStack _doubles = _tape.doubles();
            BooleanStack _booleans = _tape.booleans();
            if (a.length != b.length) {
                throw new MathIllegalArgumentException(LocalizedCoreFormats.DIMENSIONS_MISMATCH, a.length, b.length);
            }
            double[] _result0 = new double[a.length];
            for (int _i0 = 0; _i0 < a.length; _i0++) {
                _result0[_i0] = a[_i0] - b[_i0];
            }
            double _max0 = Double.NaN;
            if (org.apache.commons.math3.util.MathArrays.verifyValues(_result0, 0, _result0.length, false)) {
                _max0 = _result0[0];
                for (int _i1 = 0; _i1 < _result0.length; _i1++) {
                    boolean _c0 = !Double.isNaN(_result0[_i1]);
                    if (_c0) {
                        _doubles.push(_max0);
                        _max0 = _max0 > _result0[_i1] ? _max0 : _result0[_i1];
                    }
                    _booleans.push(_c0);
                }
            }
            double _value = _result0[0] * _result0[0] + _max0;
            double[] _d_result0 = new double[_result0.length];
            // grad of: return d[0] * d[0] + StatUtils.max(d);
            _d_result0[0] += 2 * _result0[0];
            double _d_max0 = 1.0;
            if (org.apache.commons.math3.util.MathArrays.verifyValues(_result0, 0, _result0.length, false)) {
                for (int _i1 = _result0.length - 1; _i1 >= 0; _i1--) {
                    if (_booleans.pop()) {
                        _max0 = _doubles.pop();
                        double _r0 = _d_max0;
                        if (_max0 > _result0[_i1]) {
                            _d_max0 = _r0;
                        } else {
                            _d_result0[_i1] += _r0;
                            _d_max0 = 0.0;
                        }
                    }
                }
                _d_result0[0] += _d_max0;
                _d_max0 = 0.0;
            }
            for (int _i0 = a.length - 1; _i0 >= 0; _i0--) {
                _d_a[_i0] += _d_result0[_i0];
                _d_b[_i0] -= _d_result0[_i0];
                _d_result0[_i0] = 0.0;
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code LibraryFunctions.robust(double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code LibraryFunctions.robust}
     * @return the value and the gradient
     */
    public static Robust robust(double[] x) {
        int[] _order0 = null;
        int _m0 = 0;
        double _pos0 = 0.0;
        double _fpos0 = 0.0;
        int _intPos0 = 0;
        int[] _order1 = null;
        int _m1 = 0;
        double _pos1 = 0.0;
        double _fpos1 = 0.0;
        int _intPos1 = 0;
        double[] _d_x = new double[x.length];
        org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false);
        double _percentile0 = Double.NaN;
        if (x.length == 1) {
            _percentile0 = x[0];
        } else if (x.length > 1) {
            _order0 = Sorting.order(x, 0, x.length);
            _m0 = 0;
            for (int _i0 = 0; _i0 < x.length; _i0++) {
                _m0 += Double.isNaN(x[_i0]) ? 0 : 1;
            }
            if (_m0 > 0) {
                _pos0 = 0.5 * (_m0 + 1);
                _fpos0 = org.apache.commons.math3.util.FastMath.floor(_pos0);
                _intPos0 = (int) _fpos0;
                if (_pos0 < 1.0) {
                    _percentile0 = x[_order0[0]];
                } else if (_pos0 >= _m0) {
                    _percentile0 = x[_order0[_m0 - 1]];
                } else {
                    double _lower0 = x[_order0[_intPos0 - 1]];
                    double _upper0 = x[_order0[_intPos0]];
                    _percentile0 = _lower0 + (_pos0 - _fpos0) * (_upper0 - _lower0);
                }
            }
        }
        org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false);
        double _percentile1 = Double.NaN;
        if (x.length == 1) {
            _percentile1 = x[0];
        } else if (x.length > 1) {
            _order1 = Sorting.order(x, 0, x.length);
            _m1 = 0;
            for (int _i1 = 0; _i1 < x.length; _i1++) {
                _m1 += Double.isNaN(x[_i1]) ? 0 : 1;
            }
            if (_m1 > 0) {
                _pos1 = 0.9 * (_m1 + 1);
                _fpos1 = org.apache.commons.math3.util.FastMath.floor(_pos1);
                _intPos1 = (int) _fpos1;
                if (_pos1 < 1.0) {
                    _percentile1 = x[_order1[0]];
                } else if (_pos1 >= _m1) {
                    _percentile1 = x[_order1[_m1 - 1]];
                } else {
                    double _lower1 = x[_order1[_intPos1 - 1]];
                    double _upper1 = x[_order1[_intPos1]];
                    _percentile1 = _lower1 + (_pos1 - _fpos1) * (_upper1 - _lower1);
                }
            }
        }
        double _value = _percentile0 + _percentile1;
        // grad of: return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(x) + StatUtils.percentile(x, 90);
        double _d_percentile0 = 1.0;
        double _d_percentile1 = 1.0;
        if (x.length == 1) {
            _d_x[0] += _d_percentile1;
            _d_percentile1 = 0.0;
        } else if (x.length > 1) {
            if (_m1 > 0) {
                if (_pos1 < 1.0) {
                    _d_x[_order1[0]] += _d_percentile1;
                } else if (_pos1 >= _m1) {
                    _d_x[_order1[_m1 - 1]] += _d_percentile1;
                } else {
                    double _r0 = _d_percentile1 * (_pos1 - _fpos1);
                    double _d_lower1 = _d_percentile1 - _r0;
                    _d_x[_order1[_intPos1]] += _r0;
                    _d_x[_order1[_intPos1 - 1]] += _d_lower1;
                }
                _d_percentile1 = 0.0;
            }
        }
        if (x.length == 1) {
            _d_x[0] += _d_percentile0;
            _d_percentile0 = 0.0;
        } else if (x.length > 1) {
            if (_m0 > 0) {
                if (_pos0 < 1.0) {
                    _d_x[_order0[0]] += _d_percentile0;
                } else if (_pos0 >= _m0) {
                    _d_x[_order0[_m0 - 1]] += _d_percentile0;
                } else {
                    double _r1 = _d_percentile0 * (_pos0 - _fpos0);
                    double _d_lower0 = _d_percentile0 - _r1;
                    _d_x[_order0[_intPos0]] += _r1;
                    _d_x[_order0[_intPos0 - 1]] += _d_lower0;
                }
                _d_percentile0 = 0.0;
            }
        }
        return new Robust(_value, _d_x);
    }

    /**
     * The value of {@code LibraryFunctions.robust(double[])} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code LibraryFunctions.robust}
     * @param _t_x the tangent of {@code x}, shaped like it; where the method writes into {@code x}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #robust
     */
    public static RobustJvp robustJvp(double[] x, double[] _t_x) {
        org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false);
        double _percentile0 = Double.NaN;
        double _t_percentile0 = 0.0;
        if (x.length == 1) {
            _percentile0 = x[0];
            _t_percentile0 = _t_x[0];
        } else if (x.length > 1) {
            int[] _order0 = Sorting.order(x, 0, x.length);
            int _m0 = 0;
            for (int _i0 = 0; _i0 < x.length; _i0++) {
                _m0 += Double.isNaN(x[_i0]) ? 0 : 1;
            }
            if (_m0 > 0) {
                double _pos0 = 0.5 * (_m0 + 1);
                double _fpos0 = org.apache.commons.math3.util.FastMath.floor(_pos0);
                int _intPos0 = (int) _fpos0;
                if (_pos0 < 1.0) {
                    _percentile0 = x[_order0[0]];
                    _t_percentile0 = _t_x[_order0[0]];
                } else if (_pos0 >= _m0) {
                    _percentile0 = x[_order0[_m0 - 1]];
                    _t_percentile0 = _t_x[_order0[_m0 - 1]];
                } else {
                    double _lower0 = x[_order0[_intPos0 - 1]];
                    double _t_lower0 = _t_x[_order0[_intPos0 - 1]];
                    double _upper0 = x[_order0[_intPos0]];
                    double _t_upper0 = _t_x[_order0[_intPos0]];
                    _percentile0 = _lower0 + (_pos0 - _fpos0) * (_upper0 - _lower0);
                    _t_percentile0 = _t_lower0 + (_pos0 - _fpos0) * (_t_upper0 - _t_lower0);
                }
            }
        }
        org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false);
        double _percentile1 = Double.NaN;
        double _t_percentile1 = 0.0;
        if (x.length == 1) {
            _percentile1 = x[0];
            _t_percentile1 = _t_x[0];
        } else if (x.length > 1) {
            int[] _order1 = Sorting.order(x, 0, x.length);
            int _m1 = 0;
            for (int _i1 = 0; _i1 < x.length; _i1++) {
                _m1 += Double.isNaN(x[_i1]) ? 0 : 1;
            }
            if (_m1 > 0) {
                double _pos1 = 0.9 * (_m1 + 1);
                double _fpos1 = org.apache.commons.math3.util.FastMath.floor(_pos1);
                int _intPos1 = (int) _fpos1;
                if (_pos1 < 1.0) {
                    _percentile1 = x[_order1[0]];
                    _t_percentile1 = _t_x[_order1[0]];
                } else if (_pos1 >= _m1) {
                    _percentile1 = x[_order1[_m1 - 1]];
                    _t_percentile1 = _t_x[_order1[_m1 - 1]];
                } else {
                    double _lower1 = x[_order1[_intPos1 - 1]];
                    double _t_lower1 = _t_x[_order1[_intPos1 - 1]];
                    double _upper1 = x[_order1[_intPos1]];
                    double _t_upper1 = _t_x[_order1[_intPos1]];
                    _percentile1 = _lower1 + (_pos1 - _fpos1) * (_upper1 - _lower1);
                    _t_percentile1 = _t_lower1 + (_pos1 - _fpos1) * (_t_upper1 - _t_lower1);
                }
            }
        }
        return new RobustJvp(_percentile0 + _percentile1, _t_percentile0 + _t_percentile1);
    }

    /**
     * The value of {@code LibraryFunctions.weighted(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code LibraryFunctions.weighted}
     * @param x the argument {@code x} of {@code LibraryFunctions.weighted}
     * @return the value and the gradient
     */
    public static Weighted weighted(double[] w, double[] x) {
        double[] _d_w = new double[w.length];
        double[] _d_x = new double[x.length];
        double _value = weighted(w, x, _d_w, _d_x);
        return new Weighted(_value, _d_w, _d_x);
    }

    /**
     * The value of {@code LibraryFunctions.weighted(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_w}, {@code _d_x}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code LibraryFunctions.weighted}
     * @param x the argument {@code x} of {@code LibraryFunctions.weighted}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @param _d_x where the gradient with respect to {@code x} is added
     * @return the value of {@code weighted}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #weighted
     */
    public static double weighted(double[] w, double[] x, double[] _d_w, double[] _d_x) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("w", _d_w, w);
            Shapes.apart("w", _d_w, "x", x);
            Shapes.require("x", _d_x, x);
            Shapes.apart("x", _d_x, "w", w);
            DoubleStack _doubles = _tape.doubles();
            double[] _prodHigh0 = null;
            double _aHigh0 = 0.0;
            double _bHigh0 = 0.0;
            boolean _c0 = false;
            if (w.length != x.length) {
                throw new MathIllegalArgumentException(LocalizedCoreFormats.DIMENSIONS_MISMATCH, w.length, x.length);
            }
            double _result0;
            if (w.length == 1) {
                _result0 = w[0] * x[0];
            } else {
                _prodHigh0 = new double[w.length];
                double _prodLowSum0 = 0.0;
                for (int _i0 = 0; _i0 < w.length; _i0++) {
                    double _ai0 = w[_i0];
                    _doubles.push(_aHigh0);
                    _aHigh0 = Double.longBitsToDouble(Double.doubleToRawLongBits(_ai0) & -134217728L);
                    double _aLow0 = _ai0 - _aHigh0;
                    double _bi0 = x[_i0];
                    _doubles.push(_bHigh0);
                    _bHigh0 = Double.longBitsToDouble(Double.doubleToRawLongBits(_bi0) & -134217728L);
                    double _bLow0 = _bi0 - _bHigh0;
                    _prodHigh0[_i0] = _ai0 * _bi0;
                    double _prodLow0 = _aLow0 * _bLow0 - (_prodHigh0[_i0] - _aHigh0 * _bHigh0 - _aLow0 * _bHigh0 - _aHigh0 * _bLow0);
                    _prodLowSum0 += _prodLow0;
                }
                double _prodHighCur0 = _prodHigh0[0];
                double _prodHighNext0 = _prodHigh0[1];
                double _sHighPrev0 = _prodHighCur0 + _prodHighNext0;
                double _sPrime0 = _sHighPrev0 - _prodHighNext0;
                double _sLowSum0 = _prodHighNext0 - (_sHighPrev0 - _sPrime0) + (_prodHighCur0 - _sPrime0);
                for (int _i1 = 1; _i1 < w.length - 1; _i1++) {
                    _prodHighNext0 = _prodHigh0[_i1 + 1];
                    double _sHighCur0 = _sHighPrev0 + _prodHighNext0;
                    _sPrime0 = _sHighCur0 - _prodHighNext0;
                    _sLowSum0 += _prodHighNext0 - (_sHighCur0 - _sPrime0) + (_sHighPrev0 - _sPrime0);
                    _sHighPrev0 = _sHighCur0;
                }
                _result0 = _sHighPrev0 + (_prodLowSum0 + _sLowSum0);
                _c0 = Double.isNaN(_result0) || _result0 == 0.0;
                if (_c0) {
                    _result0 = w[0] * x[0];
                    for (int _i2 = 1; _i2 < w.length; _i2++) {
                        _result0 += w[_i2] * x[_i2];
                    }
                }
            }
            double _value = _result0;
            // grad of: return MathArrays.linearCombination(w, x);
            double _d_result0 = 1.0;
            if (w.length == 1) {
                _d_w[0] += _d_result0 * x[0];
                _d_x[0] += _d_result0 * w[0];
            } else {
                double[] _d_prodHigh0 = new double[_prodHigh0.length];
                if (_c0) {
                    for (int _i2 = w.length - 1; _i2 >= 1; _i2--) {
                        _d_w[_i2] += _d_result0 * x[_i2];
                        _d_x[_i2] += _d_result0 * w[_i2];
                    }
                    _d_w[0] += _d_result0 * x[0];
                    _d_x[0] += _d_result0 * w[0];
                    _d_result0 = 0.0;
                }
                double _d_sHighPrev0 = _d_result0;
                double _d_prodHighNext0 = 0.0;
                double _d_sPrime0 = 0.0;
                for (int _i1 = w.length - 2; _i1 >= 1; _i1--) {
                    double _d_sHighCur0 = _d_sHighPrev0;
                    _d_prodHighNext0 += _d_result0;
                    _d_sHighCur0 -= _d_result0;
                    _d_sHighPrev0 = _d_result0;
                    _d_sPrime0 += _d_result0 - _d_result0;
                    _d_sHighCur0 += _d_sPrime0;
                    _d_prodHighNext0 -= _d_sPrime0;
                    _d_sHighPrev0 += _d_sHighCur0;
                    _d_prodHighNext0 += _d_sHighCur0;
                    _d_prodHigh0[_i1 + 1] += _d_prodHighNext0;
                    _d_prodHighNext0 = 0.0;
                    _d_sPrime0 = 0.0;
                }
                _d_prodHighNext0 += _d_result0;
                _d_sHighPrev0 -= _d_result0;
                double _d_prodHighCur0 = _d_result0;
                _d_sPrime0 += _d_result0 - _d_result0;
                _d_sHighPrev0 += _d_sPrime0;
                _d_prodHighNext0 -= _d_sPrime0;
                _d_prodHighCur0 += _d_sHighPrev0;
                _d_prodHighNext0 += _d_sHighPrev0;
                _d_prodHigh0[1] += _d_prodHighNext0;
                _d_prodHigh0[0] += _d_prodHighCur0;
                for (int _i0 = w.length - 1; _i0 >= 0; _i0--) {
                    double _ai0 = w[_i0];
                    double _aLow0 = _ai0 - _aHigh0;
                    double _bi0 = x[_i0];
                    double _bLow0 = _bi0 - _bHigh0;
                    _d_prodHigh0[_i0] -= _d_result0;
                    double _d_aLow0 = _d_result0 * _bLow0 + _d_result0 * _bHigh0;
                    double _d_bLow0 = _d_result0 * _aLow0 + _d_result0 * _aHigh0;
                    double _d_ai0 = _d_prodHigh0[_i0] * _bi0;
                    double _d_bi0 = _d_prodHigh0[_i0] * _ai0;
                    _d_prodHigh0[_i0] = 0.0;
                    _d_bi0 += _d_bLow0;
                    _bHigh0 = _doubles.pop();
                    _d_x[_i0] += _d_bi0;
                    _d_ai0 += _d_aLow0;
                    _aHigh0 = _doubles.pop();
                    _d_w[_i0] += _d_ai0;
                }
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code LibraryFunctions.zScore(double[], double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code LibraryFunctions.zScore}
     * @param v the argument {@code v} of {@code LibraryFunctions.zScore}
     * @return the value and the gradient
     */
    public static ZScore zScore(double[] x, double v) {
        double _mean0 = 0.0;
        double _accum20 = 0.0;
        double[] _d_x = new double[x.length];
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
                _variance0 = (_accum0 - _accum20 * _accum20 / x.length) / (x.length - 1.0);
            }
        }
        double _sqrt0 = Math.sqrt(_variance0);
        double _value = (v - _mean1) / _sqrt0;
        // grad of: return (v - StatUtils.mean(x)) / Math.sqrt(StatUtils.variance(x));
        double _r0 = 1.0 / _sqrt0;
        double _d_mean1 = -_r0;
        double _d_sqrt0 = -(_r0 * ((v - _mean1) / _sqrt0));
        double _d_variance0 = _d_sqrt0 * (0.5 / _sqrt0);
        if (org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false)) {
            if (x.length == 1) {
                _d_variance0 = 0.0;
            } else if (x.length > 1) {
                double _r1 = _d_variance0 / (x.length - 1.0);
                double _r2 = -(_r1 / x.length);
                double _d_accum20 = 2 * _r2 * _accum20;
                double _d_mean0 = 0.0;
                for (int _i4 = x.length - 1; _i4 >= 0; _i4--) {
                    double _dev0 = x[_i4] - _mean0;
                    double _d_dev0 = _d_accum20;
                    _d_dev0 += 2 * _r1 * _dev0;
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
     * The value of {@code LibraryFunctions.zScore(double[], double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code LibraryFunctions.zScore}
     * @param v the argument {@code v} of {@code LibraryFunctions.zScore}
     * @param _t_x the tangent of {@code x}, shaped like it; where the method writes into {@code x}, the same elements of this array get the tangents of the values written
     * @param _t_v the tangent of {@code v}: the direction's component along it
     * @return the value and the directional derivative
     * @see #zScore
     */
    public static ZScoreJvp zScoreJvp(double[] x, double v, double[] _t_x, double _t_v) {
        double _mean0 = Double.NaN;
        double _t_mean0 = 0.0;
        if (org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false)) {
            double _sum0 = 0.0;
            double _t_sum0 = 0.0;
            for (int _i0 = 0; _i0 < x.length; _i0++) {
                _sum0 += x[_i0];
                _t_sum0 += _t_x[_i0];
            }
            double _xbar0 = _sum0 / x.length;
            double _t_xbar0 = _t_sum0 / x.length;
            double _correction0 = 0.0;
            double _t_correction0 = 0.0;
            for (int _i1 = 0; _i1 < x.length; _i1++) {
                _correction0 += x[_i1] - _xbar0;
                _t_correction0 += _t_x[_i1] - _t_xbar0;
            }
            _mean0 = _xbar0 + _correction0 / x.length;
            _t_mean0 = _t_xbar0 + _t_correction0 / x.length;
        }
        double _variance0 = Double.NaN;
        double _t_variance0 = 0.0;
        if (org.apache.commons.math3.util.MathArrays.verifyValues(x, 0, x.length, false)) {
            if (x.length == 1) {
                _variance0 = 0.0;
                _t_variance0 = 0.0;
            } else if (x.length > 1) {
                double _sum1 = 0.0;
                double _t_sum1 = 0.0;
                for (int _i2 = 0; _i2 < x.length; _i2++) {
                    _sum1 += x[_i2];
                    _t_sum1 += _t_x[_i2];
                }
                double _xbar1 = _sum1 / x.length;
                double _t_xbar1 = _t_sum1 / x.length;
                double _correction1 = 0.0;
                double _t_correction1 = 0.0;
                for (int _i3 = 0; _i3 < x.length; _i3++) {
                    _correction1 += x[_i3] - _xbar1;
                    _t_correction1 += _t_x[_i3] - _t_xbar1;
                }
                double _mean1 = _xbar1 + _correction1 / x.length;
                double _t_mean1 = _t_xbar1 + _t_correction1 / x.length;
                double _accum0 = 0.0;
                double _t_accum0 = 0.0;
                double _accum20 = 0.0;
                double _t_accum20 = 0.0;
                for (int _i4 = 0; _i4 < x.length; _i4++) {
                    double _dev0 = x[_i4] - _mean1;
                    double _t_dev0 = _t_x[_i4] - _t_mean1;
                    _accum0 += _dev0 * _dev0;
                    _t_accum0 += 2 * _t_dev0 * _dev0;
                    _accum20 += _dev0;
                    _t_accum20 += _t_dev0;
                }
                _variance0 = (_accum0 - _accum20 * _accum20 / x.length) / (x.length - 1.0);
                _t_variance0 = (_t_accum0 - 2 * _t_accum20 * _accum20 / x.length) / (x.length - 1.0);
            }
        }
        double _sqrt0 = Math.sqrt(_variance0);
        double _t_sqrt0 = 0.5 / _sqrt0 * _t_variance0;
        return new ZScoreJvp((v - _mean0) / _sqrt0, (_t_v - _t_mean0 - (v - _mean0) / _sqrt0 * _t_sqrt0) / _sqrt0);
    }

    /**
     * The result of {@link LibraryFunctionsGrad#cross}: the value and the gradient.
     *
     * @param value the value of {@code cross(double, double, double, double)}
     * @param a1 &part; value / &part; a1, the partial derivative with respect to {@code a1}
     * @param b1 &part; value / &part; b1, the partial derivative with respect to {@code b1}
     * @param a2 &part; value / &part; a2, the partial derivative with respect to {@code a2}
     * @param b2 &part; value / &part; b2, the partial derivative with respect to {@code b2}
     */
    public record Cross(double value, double a1, double b1, double a2, double b2) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#crossJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code cross(double, double, double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record CrossJvp(double value, double tangent) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#distance}: the value and the gradient.
     *
     * @param value the value of {@code distance(double[], double[])}
     * @param p &part; value / &part; p, the partial derivative with respect to {@code p}
     * @param q &part; value / &part; q, the partial derivative with respect to {@code q}
     */
    public record Distance(double value, double[] p, double[] q) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#growth}: the value and the gradient.
     *
     * @param value the value of {@code growth(double[])}
     * @param ratios &part; value / &part; ratios, the partial derivative with respect to {@code ratios}
     */
    public record Growth(double value, double[] ratios) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#offset}: the value and the gradient.
     *
     * @param value the value of {@code offset(double)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Offset(double value, double w) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#residual}: the value and the gradient.
     *
     * @param value the value of {@code residual(double[], double[])}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Residual(double value, double[] a, double[] b) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#robust}: the value and the gradient.
     *
     * @param value the value of {@code robust(double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Robust(double value, double[] x) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#robustJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code robust(double[])}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record RobustJvp(double value, double tangent) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#weighted}: the value and the gradient.
     *
     * @param value the value of {@code weighted(double[], double[])}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Weighted(double value, double[] w, double[] x) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#zScore}: the value and the gradient.
     *
     * @param value the value of {@code zScore(double[], double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param v &part; value / &part; v, the partial derivative with respect to {@code v}
     */
    public record ZScore(double value, double[] x, double v) {
    }

    /**
     * The result of {@link LibraryFunctionsGrad#zScoreJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code zScore(double[], double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record ZScoreJvp(double value, double tangent) {
    }
}
