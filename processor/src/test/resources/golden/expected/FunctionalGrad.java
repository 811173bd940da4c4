package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import java.util.logging.Logger;
import javax.annotation.processing.Generated;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Functional}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class FunctionalGrad {
    /**
     * A copy of {@code Functional.LOG}: the same expression, evaluated when this class initialises.
     */
    private static final Logger _LOG = Logger.getLogger("golden.Functional");

    /**
     * No instances: the gradients are static methods.
     */
    private FunctionalGrad() {
    }

    /**
     * The value of {@code Functional.combine(double, double, boolean)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Functional.combine}
     * @param y the argument {@code y} of {@code Functional.combine}
     * @param multiply the argument {@code multiply} of {@code Functional.combine}
     * @return the value and the gradient
     */
    public static Combine combine(double x, double y, boolean multiply) {
        boolean _choice0 = multiply;
        double _q0;
        if (_choice0) {
            _q0 = x * y;
        } else {
            _q0 = x + y;
        }
        double _value = _q0 * x;
        // grad of: return op.applyAsDouble(x, y) * x;
        double _d_x = _q0;
        double _d_y;
        if (_choice0) {
            _d_x += x * y;
            _d_y = x * x;
        } else {
            _d_x += x;
            _d_y = x;
        }
        return new Combine(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Functional.composed(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Functional.composed}
     * @param k the argument {@code k} of {@code Functional.composed}
     * @return the value and the gradient
     */
    public static Composed composed(double x, double k) {
        double v = x * x;
        double _value = Math.sin(k * v);
        // grad of: return scale.andThen(Math::sin).compose(v -> v * v).applyAsDouble(x);
        double _r0 = Math.cos(k * v);
        double _d_k = _r0 * v;
        double _d_v = _r0 * k;
        // grad of: v
        double _d_x = 2 * _d_v * x;
        return new Composed(_value, _d_x, _d_k);
    }

    /**
     * The value of {@code Functional.decayIntegral(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param k the argument {@code k} of {@code Functional.decayIntegral}
     * @return the value and the gradient
     */
    public static DecayIntegral decayIntegral(double k) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double _exp0 = 0.0;
            double h = (1.0 - 0.0) / 50;
            double s = 0;
            for (int i = 0; i < 50; i++) {
                double t = 0.0 + (i + 0.5) * h;
                _doubles.push(_exp0);
                _exp0 = Math.exp(-k * t);
                s += _exp0 * h;
            }
            double midpointRule = s;
            double _value = midpointRule;
            // grad of: return midpointRule(t -> Math.exp(-k * t), 0, 1, 50);
            double _d_k = 0.0;
            // grad of: for (int i = 0; i < n; i++)
            for (int i = 49; i >= 0; i--) {
                double t = 0.0 + (i + 0.5) * h;
                // grad of: s += f.applyAsDouble(a + (i + 0.5) * h) * h;
                _d_k -= h * _exp0 * t;
                _exp0 = _doubles.pop();
            }
            return new DecayIntegral(_value, _d_k);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Functional.decayIntegral(double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param k the argument {@code k} of {@code Functional.decayIntegral}
     * @param _t_k the tangent of {@code k}: the direction's component along it
     * @return the value and the directional derivative
     * @see #decayIntegral
     */
    public static DecayIntegralJvp decayIntegralJvp(double k, double _t_k) {
        double h = (1.0 - 0.0) / 50;
        double s = 0;
        double _t_s = 0.0;
        for (int i = 0; i < 50; i++) {
            double t = 0.0 + (i + 0.5) * h;
            double _exp0 = Math.exp(-k * t);
            double _t_exp0 = -(_exp0 * (_t_k * t));
            s += _exp0 * h;
            _t_s += _t_exp0 * h;
        }
        double midpointRule = s;
        double _t_midpointRule = _t_s;
        return new DecayIntegralJvp(midpointRule, _t_midpointRule);
    }

    /**
     * The value of {@code Functional.gammaQ(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Functional.gammaQ}
     * @param x the argument {@code x} of {@code Functional.gammaQ}
     * @return the value and the gradient
     */
    public static GammaQ gammaQ(double a, double x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            BooleanStack _booleans = _tape.booleans();
            double _fn0 = 0.0;
            double _dN0 = 0.0;
            double _cN0 = 0.0;
            double _x0 = x;
            double _epsilon0 = 1.0E-15;
            int _maxIterations0 = 10000;
            double _fn1 = 2.0 * 0 + 1.0 - a + _x0;
            double _hPrev0 = _fn1;
            boolean _c0 = Math.abs(_hPrev0) <= 1.0E-50;
            if (_c0) {
                _hPrev0 = 1.0E-50;
            }
            int _n0 = 1;
            double _dPrev0 = 0.0;
            double _cPrev0 = _hPrev0;
            double _hN0 = _hPrev0;
            boolean _brk0 = false;
            long _n1 = 0;
            while (!_brk0 && _n0 < _maxIterations0) {
                double _fn2 = 2.0 * _n0 + 1.0 - a + _x0;
                double _a0 = _fn2;
                _doubles.push(_fn0);
                _fn0 = _n0 * (a - _n0);
                double _b0 = _fn0;
                _doubles.push(_dN0);
                _dN0 = _a0 + _b0 * _dPrev0;
                boolean _c1 = Math.abs(_dN0) <= 1.0E-50;
                if (_c1) {
                    _dN0 = 1.0E-50;
                }
                _booleans.push(_c1);
                _doubles.push(_cN0);
                _cN0 = _a0 + _b0 / _cPrev0;
                boolean _c2 = Math.abs(_cN0) <= 1.0E-50;
                if (_c2) {
                    _cN0 = 1.0E-50;
                }
                _booleans.push(_c2);
                _doubles.push(_dN0);
                _dN0 = 1 / _dN0;
                double _deltaN0 = _cN0 * _dN0;
                _hN0 = _hPrev0 * _deltaN0;
                if (Double.isInfinite(_hN0)) {
                    throw new MathIllegalStateException(LocalizedCoreFormats.CONTINUED_FRACTION_INFINITY_DIVERGENCE, _x0);
                }
                if (Double.isNaN(_hN0)) {
                    throw new MathIllegalStateException(LocalizedCoreFormats.CONTINUED_FRACTION_NAN_DIVERGENCE, _x0);
                }
                if (Math.abs(_deltaN0 - 1.0) < _epsilon0) {
                    _brk0 = true;
                } else {
                    _doubles.push(_dPrev0);
                    _dPrev0 = _dN0;
                    _doubles.push(_cPrev0);
                    _cPrev0 = _cN0;
                    _doubles.push(_hPrev0);
                    _hPrev0 = _hN0;
                    _n0++;
                }
                _n1++;
            }
            if (_n0 >= _maxIterations0) {
                throw new MathIllegalStateException(LocalizedCoreFormats.NON_CONVERGENT_CONTINUED_FRACTION, _maxIterations0, _x0);
            }
            double _log0 = Math.log(x);
            double _exp0 = Math.exp(-x + a * _log0);
            double _value = _exp0 / _hN0;
            // grad of: return Math.exp(-x + a * Math.log(x)) / cf.evaluate(x, 1e-15, 10000);
            double _r0 = 1.0 / _hN0;
            double _d_hN0 = -(_r0 * (_exp0 / _hN0));
            double _r1 = _r0 * _exp0;
            double _d_x = -_r1;
            double _d_a = _r1 * _log0;
            double _d_log0 = _r1 * a;
            _d_x += _d_log0 / x;
            double _d_x0 = 0.0;
            double _d_dPrev0 = 0.0;
            double _d_cPrev0 = 0.0;
            double _d_hPrev0 = 0.0;
            for (; _n1 > 0; _n1--) {
                double _b0 = _fn0;
                double _deltaN0 = _cN0 * _dN0;
                double _d_cN0 = 0.0;
                double _d_dN0 = 0.0;
                if (!(Math.abs(_deltaN0 - 1.0) < _epsilon0)) {
                    _n0--;
                    _d_hN0 += _d_hPrev0;
                    _hPrev0 = _doubles.pop();
                    _d_cN0 = _d_cPrev0;
                    _cPrev0 = _doubles.pop();
                    _d_dN0 = _d_dPrev0;
                    _dPrev0 = _doubles.pop();
                    _d_dPrev0 = 0.0;
                    _d_cPrev0 = 0.0;
                    _d_hPrev0 = 0.0;
                }
                _d_hPrev0 += _d_hN0 * _deltaN0;
                double _d_deltaN0 = _d_hN0 * _hPrev0;
                _d_cN0 += _d_deltaN0 * _dN0;
                _d_dN0 += _d_deltaN0 * _cN0;
                _dN0 = _doubles.pop();
                _d_dN0 = -(_d_dN0 / _dN0 / _dN0);
                if (_booleans.pop()) {
                    _d_cN0 = 0.0;
                }
                double _d_a0 = _d_cN0;
                double _r2 = _d_cN0 / _cPrev0;
                double _d_b0 = _r2;
                _d_cPrev0 -= _r2 * (_b0 / _cPrev0);
                _cN0 = _doubles.pop();
                if (_booleans.pop()) {
                    _d_dN0 = 0.0;
                }
                _d_a0 += _d_dN0;
                _d_b0 += _d_dN0 * _dPrev0;
                _d_dPrev0 += _d_dN0 * _b0;
                _dN0 = _doubles.pop();
                _d_a += _d_b0 * _n0;
                _fn0 = _doubles.pop();
                _d_a -= _d_a0;
                _d_x0 += _d_a0;
                _d_hN0 = 0.0;
            }
            _d_hPrev0 += _d_hN0;
            _d_hPrev0 += _d_cPrev0;
            if (_c0) {
                _d_hPrev0 = 0.0;
            }
            _d_a -= _d_hPrev0;
            _d_x0 += _d_hPrev0;
            _d_x += _d_x0;
            return new GammaQ(_value, _d_a, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Functional.heldInLocal(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Functional.heldInLocal}
     * @return the value and the gradient
     */
    public static HeldInLocal heldInLocal(double a) {
        double h = (1.0 - 0.0) / 10;
        double s = 0;
        for (int i = 0; i < 10; i++) {
            double t = 0.0 + (i + 0.5) * h;
            double u = a * t;
            double _fn0 = u * u;
            s += _fn0 * h;
        }
        double midpointRule = s;
        double h2 = (a - 0.0) / 4;
        double s2 = 0;
        for (int i2 = 0; i2 < 4; i2++) {
            s2 += Math.sin(0.0 + (i2 + 0.5) * h2) * h2;
        }
        double midpointRule2 = s2;
        double _value = midpointRule + midpointRule2;
        // grad of: return midpointRule(f, 0, 1, 10) + midpointRule(Math::sin, 0, a, 4);
        double _d_h2 = 0.0;
        // grad of: for (int i = 0; i < n; i++)
        for (int i2 = 3; i2 >= 0; i2--) {
            // grad of: s += f.applyAsDouble(a + (i + 0.5) * h) * h;
            _d_h2 += h2 * Math.cos(0.0 + (i2 + 0.5) * h2) * (i2 + 0.5) + Math.sin(0.0 + (i2 + 0.5) * h2);
        }
        // grad of: double h = (b - a) / n;
        double _d_a = _d_h2 / 4;
        // grad of: for (int i = 0; i < n; i++)
        for (int i = 9; i >= 0; i--) {
            double t = 0.0 + (i + 0.5) * h;
            double u = a * t;
            // grad of: s += f.applyAsDouble(a + (i + 0.5) * h) * h;
            double _d_u = 2 * h * u;
            // grad of: double u = a * t;
            _d_a += _d_u * t;
        }
        return new HeldInLocal(_value, _d_a);
    }

    /**
     * The value of {@code Functional.logged(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Functional.logged}
     * @return the value and the gradient
     */
    public static Logged logged(double x) {
        FunctionalGrad._LOG.fine(() -> "x = " + x);
        double _value = x * x;
        // grad of: return x * x;
        double _d_x = 2 * x;
        return new Logged(_value, _d_x);
    }

    /**
     * The result of {@link FunctionalGrad#combine}: the value and the gradient.
     *
     * @param value the value of {@code combine(double, double, boolean)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Combine(double value, double x, double y) {
    }

    /**
     * The result of {@link FunctionalGrad#composed}: the value and the gradient.
     *
     * @param value the value of {@code composed(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record Composed(double value, double x, double k) {
    }

    /**
     * The result of {@link FunctionalGrad#decayIntegral}: the value and the gradient.
     *
     * @param value the value of {@code decayIntegral(double)}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record DecayIntegral(double value, double k) {
    }

    /**
     * The result of {@link FunctionalGrad#decayIntegralJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code decayIntegral(double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record DecayIntegralJvp(double value, double tangent) {
    }

    /**
     * The result of {@link FunctionalGrad#gammaQ}: the value and the gradient.
     *
     * @param value the value of {@code gammaQ(double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record GammaQ(double value, double a, double x) {
    }

    /**
     * The result of {@link FunctionalGrad#heldInLocal}: the value and the gradient.
     *
     * @param value the value of {@code heldInLocal(double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     */
    public record HeldInLocal(double value, double a) {
    }

    /**
     * The result of {@link FunctionalGrad#logged}: the value and the gradient.
     *
     * @param value the value of {@code logged(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Logged(double value, double x) {
    }
}
