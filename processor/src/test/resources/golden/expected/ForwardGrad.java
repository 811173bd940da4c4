package golden;

import io.github.backprop.Adjoint;
import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Forward}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ForwardGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ForwardGrad() {
    }

    /**
     * The value of {@code Forward.branches(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Forward.branches}
     * @param n the argument {@code n} of {@code Forward.branches}
     * @return the value and the gradient
     */
    public static Branches branches(double x, int n) {
        double y = 0.0;
        if (x > 1 && n > 0) {
            y = Math.log(x);
        } else {
            y = x * x;
        }
        double _value = y * n;
        // grad of: return y * n;
        double _d_y = n;
        double _d_x;
        if (x > 1 && n > 0) {
            // grad of: y = Math.log(x);
            _d_x = _d_y / x;
        } else {
            // grad of: y = x * x;
            _d_x = 2 * _d_y * x;
        }
        return new Branches(_value, _d_x);
    }

    /**
     * The value of {@code Forward.branches(double, int)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code Forward.branches}
     * @param n the argument {@code n} of {@code Forward.branches}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @return the value and the directional derivative
     * @see #branches
     */
    public static BranchesJvp branchesJvp(double x, int n, double _t_x) {
        double y = 0.0;
        double _t_y = 0.0;
        if (x > 1 && n > 0) {
            y = Math.log(x);
            _t_y = 1.0 / x * _t_x;
        } else {
            y = x * x;
            _t_y = 2 * _t_x * x;
        }
        return new BranchesJvp(y * n, _t_y * n);
    }

    /**
     * The value of {@code Forward.call(double, double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Forward.call}
     * @param v the argument {@code v} of {@code Forward.call}
     * @return the value and the gradient
     */
    public static Call call(double x, double[] v) {
        double[] _d_v = new double[v.length];
        double[] u = {x, 2 * x};
        Dot _g0 = ForwardGrad.dot(u, v);
        double _value = _g0.value() + x;
        double[] _d_u = new double[u.length];
        // grad of: return dot(u, v) + x;
        double _d_x = 1.0;
        Adjoint.addTo(_d_u, 1.0, _g0.a());
        Adjoint.addTo(_d_v, 1.0, _g0.b());
        // grad of: double[] u = {x, 2 * x};
        _d_x += _d_u[0] + 2 * _d_u[1];
        return new Call(_value, _d_x, _d_v);
    }

    /**
     * The value of {@code Forward.call(double, double[])} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code Forward.call}
     * @param v the argument {@code v} of {@code Forward.call}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @param _t_v the tangent of {@code v}, shaped like it; where the method writes into {@code v}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #call
     */
    public static CallJvp callJvp(double x, double[] v, double _t_x, double[] _t_v) {
        double[] u = {x, 2 * x};
        double[] _t_u = {_t_x, 2 * _t_x};
        Dot _g0 = ForwardGrad.dot(u, v);
        double _t_g0 = Adjoint.dot(_g0.a(), _t_u) + Adjoint.dot(_g0.b(), _t_v);
        return new CallJvp(_g0.value() + x, _t_g0 + _t_x);
    }

    /**
     * The value of {@code Forward.dot(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Forward.dot}
     * @param b the argument {@code b} of {@code Forward.dot}
     * @return the value and the gradient
     */
    public static Dot dot(double[] a, double[] b) {
        double[] _d_a = new double[a.length];
        double[] _d_b = new double[b.length];
        double _value = dot(a, b, _d_a, _d_b);
        return new Dot(_value, _d_a, _d_b);
    }

    /**
     * The value of {@code Forward.dot(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_a}, {@code _d_b}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param a the argument {@code a} of {@code Forward.dot}
     * @param b the argument {@code b} of {@code Forward.dot}
     * @param _d_a where the gradient with respect to {@code a} is added
     * @param _d_b where the gradient with respect to {@code b} is added
     * @return the value of {@code dot}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #dot
     */
    public static double dot(double[] a, double[] b, double[] _d_a, double[] _d_b) {
        Shapes.require("a", _d_a, a);
        Shapes.apart("a", _d_a, "b", b);
        Shapes.require("b", _d_b, b);
        Shapes.apart("b", _d_b, "a", a);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
            // grad of this iteration of: for (int i = 0; i < a.length; i++)
            // grad of: s += a[i] * b[i];
            _d_a[i] += b[i];
            _d_b[i] += a[i];
        }
        double _value = s;
        return _value;
    }

    /**
     * The value of {@code Forward.energy(double, double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Forward.energy}
     * @param w the argument {@code w} of {@code Forward.energy}
     * @return the value and the gradient
     */
    public static Energy energy(double x, double[] w) {
        double[] _d_w = new double[w.length];
        double s = 0;
        // grad of: return s;
        double _d_x = 0.0;
        for (int i = 0; i < w.length; i++) {
            double _exp0 = Math.exp(x * w[i]);
            s += _exp0;
            // grad of this iteration of: for (int i = 0; i < w.length; i++)
            // grad of: s += Math.exp(x * w[i]);
            _d_x += _exp0 * w[i];
            _d_w[i] += _exp0 * x;
        }
        double _value = s;
        return new Energy(_value, _d_x, _d_w);
    }

    /**
     * The value of {@code Forward.energy(double, double[])} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code Forward.energy}
     * @param w the argument {@code w} of {@code Forward.energy}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @param _t_w the tangent of {@code w}, shaped like it; where the method writes into {@code w}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #energy
     */
    public static EnergyJvp energyJvp(double x, double[] w, double _t_x, double[] _t_w) {
        double s = 0;
        double _t_s = 0.0;
        for (int i = 0; i < w.length; i++) {
            double _exp0 = Math.exp(x * w[i]);
            double _t_exp0 = _exp0 * (_t_x * w[i] + x * _t_w[i]);
            s += _exp0;
            _t_s += _t_exp0;
        }
        return new EnergyJvp(s, _t_s);
    }

    /**
     * The value of {@code Forward.loop(double[], double[], double)} and its gradient with respect to {@code w}.
     *
     * @param w the argument {@code w} of {@code Forward.loop}
     * @param data the argument {@code data} of {@code Forward.loop}
     * @param scale the argument {@code scale} of {@code Forward.loop}
     * @return the value and the gradient
     */
    public static Loop loop(double[] w, double[] data, double scale) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            BooleanStack _booleans = _tape.booleans();
            int i = 0;
            double[] _d_w = new double[w.length];
            double[] h = new double[w.length];
            double s = 0;
            boolean _brk0 = false;
            long _n0 = 0;
            for (i = 0; !_brk0 && i < w.length; ) {
                _doubles.push(h[i]);
                h[i] = Math.tanh(w[i] * data[i]);
                if (h[i] < 0) {
                    _booleans.push(_brk0);
                    _brk0 = true;
                } else {
                    s += scale * h[i];
                }
                if (!_brk0) {
                    i++;
                }
                _n0++;
            }
            double _t0 = w[0];
            w[0] *= 2;
            double _value = s + w[0];
            double[] _w0 = Adjoint.copyOf(w);
            double[] _d_h = new double[h.length];
            // grad of: return s + w[0];
            _d_w[0] += 1.0;
            // grad of: w[0] *= 2;
            w[0] = _t0;
            _d_w[0] = 2 * _d_w[0];
            // grad of: for (int i = 0; i < w.length; i++)
            for (; _n0 > 0; _n0--) {
                if (!_brk0) {
                    // grad of: i++
                    i--;
                }
                if (h[i] < 0) {
                    _brk0 = _booleans.pop();
                } else {
                    // grad of: s += scale * h[i];
                    _d_h[i] += scale;
                }
                // grad of: h[i] = Math.tanh(w[i] * data[i]);
                _d_w[i] += _d_h[i] * (1.0 - h[i] * h[i]) * data[i];
                _d_h[i] = 0.0;
                h[i] = _doubles.pop();
            }
            Adjoint.copyInto(_w0, w);
            return new Loop(_value, _d_w);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Forward.loop(double[], double[], double)} and its directional derivative along the tangents: the sum over {@code w} of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param w the argument {@code w} of {@code Forward.loop}
     * @param data the argument {@code data} of {@code Forward.loop}
     * @param scale the argument {@code scale} of {@code Forward.loop}
     * @param _t_w the tangent of {@code w}, shaped like it; where the method writes into {@code w}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #loop
     */
    public static LoopJvp loopJvp(double[] w, double[] data, double scale, double[] _t_w) {
        double[] h = new double[w.length];
        double[] _t_h = new double[h.length];
        double s = 0;
        double _t_s = 0.0;
        for (int i = 0; i < w.length; i++) {
            h[i] = Math.tanh(w[i] * data[i]);
            _t_h[i] = (1.0 - h[i] * h[i]) * (_t_w[i] * data[i]);
            if (h[i] < 0) {
                break;
            }
            s += scale * h[i];
            _t_s += scale * _t_h[i];
        }
        _t_w[0] = 2 * _t_w[0];
        w[0] *= 2;
        return new LoopJvp(s + w[0], _t_s + _t_w[0]);
    }

    /**
     * The value of {@code Forward.straight(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Forward.straight}
     * @param y the argument {@code y} of {@code Forward.straight}
     * @return the value and the gradient
     */
    public static Straight straight(double x, double y) {
        double z = x * y + Math.sin(x);
        double e = Math.exp(z);
        double _t0 = z;
        z *= z;
        double _value = e / y + z;
        // grad of: return e / y + z;
        double _r0 = 1.0 / y;
        double _d_y = -(_r0 * (e / y));
        double _d_z = 1.0;
        // grad of: z = z * z;
        z = _t0;
        _d_z = 2 * _d_z * z;
        // grad of: double e = Math.exp(z);
        _d_z += _r0 * e;
        // grad of: double z = x * y + Math.sin(x);
        _d_y += _d_z * x;
        double _d_x = _d_z * y + _d_z * Math.cos(x);
        return new Straight(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Forward.straight(double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code Forward.straight}
     * @param y the argument {@code y} of {@code Forward.straight}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @param _t_y the tangent of {@code y}: the direction's component along it
     * @return the value and the directional derivative
     * @see #straight
     */
    public static StraightJvp straightJvp(double x, double y, double _t_x, double _t_y) {
        double z = x * y + Math.sin(x);
        double _t_z = _t_x * y + x * _t_y + Math.cos(x) * _t_x;
        double e = Math.exp(z);
        double _t_e = e * _t_z;
        _t_z = 2 * _t_z * z;
        z *= z;
        return new StraightJvp(e / y + z, (_t_e - e / y * _t_y) / y + _t_z);
    }

    /**
     * The result of {@link ForwardGrad#branches}: the value and the gradient.
     *
     * @param value the value of {@code branches(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Branches(double value, double x) {
    }

    /**
     * The result of {@link ForwardGrad#branchesJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code branches(double, int)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record BranchesJvp(double value, double tangent) {
    }

    /**
     * The result of {@link ForwardGrad#call}: the value and the gradient.
     *
     * @param value the value of {@code call(double, double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param v &part; value / &part; v, the partial derivative with respect to {@code v}
     */
    public record Call(double value, double x, double[] v) {
    }

    /**
     * The result of {@link ForwardGrad#callJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code call(double, double[])}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record CallJvp(double value, double tangent) {
    }

    /**
     * The result of {@link ForwardGrad#dot}: the value and the gradient.
     *
     * @param value the value of {@code dot(double[], double[])}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Dot(double value, double[] a, double[] b) {
    }

    /**
     * The result of {@link ForwardGrad#energy}: the value and the gradient.
     *
     * @param value the value of {@code energy(double, double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Energy(double value, double x, double[] w) {
    }

    /**
     * The result of {@link ForwardGrad#energyJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code energy(double, double[])}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record EnergyJvp(double value, double tangent) {
    }

    /**
     * The result of {@link ForwardGrad#loop}: the value and the gradient.
     *
     * @param value the value of {@code loop(double[], double[], double)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Loop(double value, double[] w) {
    }

    /**
     * The result of {@link ForwardGrad#loopJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code loop(double[], double[], double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record LoopJvp(double value, double tangent) {
    }

    /**
     * The result of {@link ForwardGrad#straight}: the value and the gradient.
     *
     * @param value the value of {@code straight(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Straight(double value, double x, double y) {
    }

    /**
     * The result of {@link ForwardGrad#straightJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code straight(double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record StraightJvp(double value, double tangent) {
    }
}
