package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Tries}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class TriesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private TriesGrad() {
    }

    /**
     * The value of {@code Tries.fallback(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Tries.fallback}
     * @return the value and the gradient
     */
    public static Fallback fallback(double x) {
        double _sqrt0 = 0.0;
        double solve = 0.0;
        double _t0 = 0.0;
        double _sqrt1 = 0.0;
        double _t1 = 0.0;
        double r = x * x;
        double q = r * 3;
        boolean _c0 = false;
        double _saved0 = solve;
        double _saved1 = r;
        try {
            if (x > 4) {
                throw new ArithmeticException("no convergence at " + x);
            }
            _sqrt0 = Math.sqrt(x);
            solve = _sqrt0 * x;
            _t0 = r;
            r *= solve;
            if (r > 4) {
                throw new ArithmeticException("no convergence at " + r);
            }
            _sqrt1 = Math.sqrt(r);
            double solve2 = _sqrt1 * r;
            _t1 = r;
            r = solve2;
            _c0 = true;
        } catch (IllegalArgumentException | ArithmeticException _caught0) {
            solve = _saved0;
            r = _saved1;
            Tries.LOG.fine("fallback: " + _caught0.getMessage());
            r = Math.log1p(x * x);
        } finally {
            Tries.LOG.fine("done");
        }
        double _value = r * q;
        // grad of: return r * q;
        double _d_r = q;
        double _d_q = r;
        double _d_x;
        if (_c0) {
            // grad of: r = solve(r);
            double _d_solve2 = _d_r;
            r = _t1;
            double _d_sqrt1 = _d_solve2 * r;
            _d_r = _d_solve2 * _sqrt1;
            _d_r += _d_sqrt1 * (0.5 / _sqrt1);
            // grad of: r = r * solve(x);
            r = _t0;
            double _d_solve = _d_r * r;
            _d_r *= solve;
            double _d_sqrt0 = _d_solve * x;
            _d_x = _d_solve * _sqrt0;
            _d_x += _d_sqrt0 * (0.5 / _sqrt0);
        } else {
            // grad of: r = Math.log1p(x * x);
            double _r0 = _d_r / (1.0 + x * x);
            _d_x = 2 * _r0 * x;
            _d_r = 0.0;
        }
        // grad of: double q = r * 3;
        _d_r += 3 * _d_q;
        // grad of: double r = x * x;
        _d_x += 2 * _d_r * x;
        return new Fallback(_value, _d_x);
    }

    /**
     * The value of {@code Tries.fallback(double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code Tries.fallback}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @return the value and the directional derivative
     * @see #fallback
     */
    public static FallbackJvp fallbackJvp(double x, double _t_x) {
        double r = x * x;
        double _t_r = 2 * _t_x * x;
        double q = r * 3;
        double _t_q = 3 * _t_r;
        double _saved0 = _t_r;
        double _saved1 = r;
        try {
            if (x > 4) {
                throw new ArithmeticException("no convergence at " + x);
            }
            double _sqrt0 = Math.sqrt(x);
            double _t_sqrt0 = 0.5 / _sqrt0 * _t_x;
            double solve = _sqrt0 * x;
            double _t_solve = _t_sqrt0 * x + _sqrt0 * _t_x;
            _t_r = _t_r * solve + r * _t_solve;
            r *= solve;
            if (r > 4) {
                throw new ArithmeticException("no convergence at " + r);
            }
            double _sqrt1 = Math.sqrt(r);
            double _t_sqrt1 = 0.5 / _sqrt1 * _t_r;
            double solve2 = _sqrt1 * r;
            double _t_solve2 = _t_sqrt1 * r + _sqrt1 * _t_r;
            r = solve2;
            _t_r = _t_solve2;
        } catch (IllegalArgumentException | ArithmeticException _caught0) {
            _t_r = _saved0;
            r = _saved1;
            Tries.LOG.fine("fallback: " + _caught0.getMessage());
            r = Math.log1p(x * x);
            _t_r = 1.0 / (1.0 + x * x) * (2 * _t_x * x);
        } finally {
            Tries.LOG.fine("done");
        }
        return new FallbackJvp(r * q, _t_r * q + r * _t_q);
    }

    /**
     * The value of {@code Tries.loop(double[], double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code Tries.loop}
     * @param x the argument {@code x} of {@code Tries.loop}
     * @return the value and the gradient
     */
    public static Loop loop(double[] w, double x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            BooleanStack _booleans = _tape.booleans();
            int k = 0;
            boolean _tryReturned = false;
            double x2 = 0.0;
            double _sqrt0 = 0.0;
            double[] _d_w = new double[w.length];
            double _value = 0.0;
            boolean _ret0 = false;
            double s = 1;
            long _n0 = 0;
            for (k = 0; !_ret0 && k < w.length; ) {
                double _tryValue = 0.0;
                _booleans.push(_tryReturned);
                _tryReturned = false;
                boolean _c0 = false;
                double _saved0 = x2;
                double _saved1 = s;
                int _height0 = _doubles.size();
                try {
                    _doubles.push(x2);
                    x2 = s * x;
                    if (x2 > 4) {
                        throw new ArithmeticException("no convergence at " + x2);
                    }
                    _doubles.push(_sqrt0);
                    _sqrt0 = Math.sqrt(x2);
                    double solve = _sqrt0 * x2;
                    _doubles.push(s);
                    s = s * w[k] + solve;
                    _c0 = true;
                } catch (ArithmeticException _caught0) {
                    x2 = _saved0;
                    s = _saved1;
                    _doubles.cut(_height0);
                    _tryValue = Double.NaN;
                    _tryReturned = true;
                }
                _booleans.push(_c0);
                if (_tryReturned) {
                    _value = _tryValue;
                    _booleans.push(_ret0);
                    _ret0 = true;
                }
                if (!_ret0) {
                    k++;
                }
                _n0++;
            }
            if (!_ret0) {
                _value = s;
            }
            double _d_s = 0.0;
            if (!_ret0) {
                // grad of: return s;
                _d_s = 1.0;
            }
            double _d_x = 0.0;
            // grad of: for (int k = 0; k < w.length; k++)
            for (; _n0 > 0; _n0--) {
                if (!_ret0) {
                    // grad of: k++
                    k--;
                }
                if (_tryReturned) {
                    _ret0 = _booleans.pop();
                }
                if (_booleans.pop()) {
                    // grad of: s = s * w[k] + solve(s * x);
                    s = _doubles.pop();
                    _d_w[k] += _d_s * s;
                    double _d_solve = _d_s;
                    _d_s *= w[k];
                    double _d_sqrt0 = _d_solve * x2;
                    double _d_x2 = _d_solve * _sqrt0;
                    _d_x2 += _d_sqrt0 * (0.5 / _sqrt0);
                    _sqrt0 = _doubles.pop();
                    _d_s += _d_x2 * x;
                    _d_x += _d_x2 * s;
                    x2 = _doubles.pop();
                }
                _tryReturned = _booleans.pop();
            }
            return new Loop(_value, _d_w, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Tries.wrapped(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Tries.wrapped}
     * @param y the argument {@code y} of {@code Tries.wrapped}
     * @return the value and the gradient
     */
    public static Wrapped wrapped(double x, double y) {
        double _sqrt0 = 0.0;
        double solve = 0.0;
        double _tryValue = 0.0;
        try {
            if (x > 4) {
                throw new ArithmeticException("no convergence at " + x);
            }
            _sqrt0 = Math.sqrt(x);
            solve = _sqrt0 * x;
            _tryValue = solve * y;
        } catch (ArithmeticException _caught0) {
            throw new IllegalStateException("solve failed", _caught0);
        }
        double _value = _tryValue;
        double _d_sqrt0 = y * x;
        double _d_x = y * _sqrt0;
        _d_x += _d_sqrt0 * (0.5 / _sqrt0);
        return new Wrapped(_value, _d_x, solve);
    }

    /**
     * The result of {@link TriesGrad#fallback}: the value and the gradient.
     *
     * @param value the value of {@code fallback(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Fallback(double value, double x) {
    }

    /**
     * The result of {@link TriesGrad#fallbackJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code fallback(double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record FallbackJvp(double value, double tangent) {
    }

    /**
     * The result of {@link TriesGrad#loop}: the value and the gradient.
     *
     * @param value the value of {@code loop(double[], double)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Loop(double value, double[] w, double x) {
    }

    /**
     * The result of {@link TriesGrad#wrapped}: the value and the gradient.
     *
     * @param value the value of {@code wrapped(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Wrapped(double value, double x, double y) {
    }
}
