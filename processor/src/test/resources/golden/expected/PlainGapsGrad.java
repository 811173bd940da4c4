package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.IntStack;
import io.github.backprop.LongStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link PlainGaps}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
@SuppressWarnings("static")
public final class PlainGapsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private PlainGapsGrad() {
    }

    /**
     * The value of {@code PlainGaps.boxedResult(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code PlainGaps.boxedResult}
     * @param y the argument {@code y} of {@code PlainGaps.boxedResult}
     * @return the value and the gradient
     */
    public static BoxedResult boxedResult(double x, double y) {
        double _value;
        double _p0 = 0.0;
        if (x < 0) {
            _value = 0.0;
        } else {
            _p0 = x * x;
            _value = _p0 * y;
        }
        double _d_y = 0.0;
        double _d_x = 0.0;
        if (!(x < 0)) {
            // grad of: return x * x * y;
            _d_y = _p0;
            _d_x = 2 * y * x;
        }
        return new BoxedResult(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code PlainGaps.boxedResult(double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code PlainGaps.boxedResult}
     * @param y the argument {@code y} of {@code PlainGaps.boxedResult}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @param _t_y the tangent of {@code y}: the direction's component along it
     * @return the value and the directional derivative
     * @see #boxedResult
     */
    public static BoxedResultJvp boxedResultJvp(double x, double y, double _t_x, double _t_y) {
        if (x < 0) {
            return new BoxedResultJvp(0.0, 0.0);
        }
        return new BoxedResultJvp(x * x * y, 2 * _t_x * x * y + x * x * _t_y);
    }

    /**
     * The value of {@code PlainGaps.density(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param u the argument {@code u} of {@code PlainGaps.density}
     * @param h the argument {@code h} of {@code PlainGaps.density}
     * @return the value and the gradient
     */
    public static Density density(double u, double h) {
        double u2 = u / h;
        double at = Math.exp(-0.5 * u2 * u2);
        double scaled = at / h;
        double _value = scaled;
        // grad of: return k.scaled(u, h);
        double _r0 = 1.0 / h;
        double _d_h = -(_r0 * (at / h));
        double _r1 = _r0 * at;
        double _d_u2 = -(_r1 * u2);
        double _r2 = _d_u2 / h;
        _d_h -= _r2 * (u / h);
        return new Density(_value, _r2, _d_h);
    }

    /**
     * The value of {@code PlainGaps.firstLarge(double, double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code PlainGaps.firstLarge}
     * @param a the argument {@code a} of {@code PlainGaps.firstLarge}
     * @return the value and the gradient
     */
    public static FirstLarge firstLarge(double x, double[] a) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            IntStack _ints = _tape.ints();
            LongStack _longs = _tape.longs();
            BooleanStack _booleans = _tape.booleans();
            int _i0 = 0;
            double v = 0.0;
            double[] _d_a = new double[a.length];
            double r = 0.0;
            boolean _brk0 = false;
            long _n0 = 0;
            while (!_brk0) {
                long _n1 = 0;
                _ints.push(_i0);
                _i0 = 0;
                while (!_brk0 && _i0 < a.length) {
                    _doubles.push(v);
                    v = a[_i0];
                    if (v > 1) {
                        r = v * x;
                        _booleans.push(_brk0);
                        _brk0 = true;
                    }
                    if (!_brk0) {
                        _i0++;
                    }
                    _n1++;
                }
                _longs.push(_n1);
                boolean _c0 = !_brk0;
                if (_c0) {
                    r = Math.sin(x);
                    _booleans.push(_brk0);
                    _brk0 = true;
                }
                _booleans.push(_c0);
                _n0++;
            }
            double _value = r;
            // grad of: return r;
            double _d_r = 1.0;
            double _d_x = 0.0;
            // grad of: found: { for (double v : a) { if (v > 1) { r = v * x; break found; } } r = Math.sin(x); }
            for (; _n0 > 0; _n0--) {
                if (_booleans.pop()) {
                    _brk0 = _booleans.pop();
                    // grad of: r = Math.sin(x);
                    _d_x += _d_r * Math.cos(x);
                    _d_r = 0.0;
                }
                long _n1 = _longs.pop();
                // grad of: for (double v : a)
                for (; _n1 > 0; _n1--) {
                    if (!_brk0) {
                        _i0--;
                    }
                    double _d_v = 0.0;
                    if (v > 1) {
                        _brk0 = _booleans.pop();
                        // grad of: r = v * x;
                        _d_v = _d_r * x;
                        _d_x += _d_r * v;
                        _d_r = 0.0;
                    }
                    // grad of: double v : a
                    _d_a[_i0] += _d_v;
                    v = _doubles.pop();
                }
                _i0 = _ints.pop();
            }
            return new FirstLarge(_value, _d_x, _d_a);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code PlainGaps.throughInstance(PlainGaps, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code PlainGaps.throughInstance}
     * @return the value and the gradient
     */
    private static _ThroughInstance _throughInstance(double x) {
        double _s0 = PlainGaps.scale;
        double _value = _s0 * x * x;
        // grad of: return g.scale * x * x;
        double _d_x = 2 * x * _s0;
        return new _ThroughInstance(_value, _d_x);
    }

    /**
     * The value of {@code PlainGaps.throughInstance} and its gradient; the gradient with respect to a record parameter is a tangent record of the same shape.
     *
     * @param g the argument {@code g} of {@code PlainGaps.throughInstance}
     * @param x the argument {@code x} of {@code PlainGaps.throughInstance}
     * @return the value and the gradient
     */
    public static ThroughInstance throughInstance(PlainGaps g, double x) {
        _ThroughInstance _grad = _throughInstance(x);
        return new ThroughInstance(_grad.value(), _grad.x());
    }

    /**
     * The result of {@link PlainGapsGrad#boxedResult}: the value and the gradient.
     *
     * @param value the value of {@code boxedResult(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record BoxedResult(double value, double x, double y) {
    }

    /**
     * The result of {@link PlainGapsGrad#boxedResultJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code boxedResult(double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record BoxedResultJvp(double value, double tangent) {
    }

    /**
     * The result of {@link PlainGapsGrad#density}: the value and the gradient.
     *
     * @param value the value of {@code density(double, double)}
     * @param u &part; value / &part; u, the partial derivative with respect to {@code u}
     * @param h &part; value / &part; h, the partial derivative with respect to {@code h}
     */
    public record Density(double value, double u, double h) {
    }

    /**
     * The result of {@link PlainGapsGrad#firstLarge}: the value and the gradient.
     *
     * @param value the value of {@code firstLarge(double, double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     */
    public record FirstLarge(double value, double x, double[] a) {
    }

    /**
     * The result of {@link PlainGapsGrad#_throughInstance}: the value and the gradient.
     *
     * @param value the value of {@code throughInstance(PlainGaps, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    private record _ThroughInstance(double value, double x) {
    }

    /**
     * The result of {@link PlainGapsGrad#throughInstance}: the value and the gradient.
     *
     * @param value the value of {@code throughInstance}
     * @param x &part; value / &part; x
     */
    public record ThroughInstance(double value, double x) {
    }
}
