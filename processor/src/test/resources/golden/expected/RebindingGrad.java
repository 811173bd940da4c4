package golden;

import io.github.backprop.IntStack;
import io.github.backprop.LongStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Rebinding}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class RebindingGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private RebindingGrad() {
    }

    /**
     * The value of {@code Rebinding.chosen(double, double, boolean)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Rebinding.chosen}
     * @param y the argument {@code y} of {@code Rebinding.chosen}
     * @param first the argument {@code first} of {@code Rebinding.chosen}
     * @return the value and the gradient
     */
    public static Chosen chosen(double x, double y, boolean first) {
        double[] a = {x, y};
        double[] b = {y * y, x};
        double[] c = first ? a : b;
        double _t0 = c[0];
        c[0] *= c[1];
        double[] _new0 = {c[0] + 1, c[1]};
        double[] _t1 = c;
        c = _new0;
        double _value = a[0] * 3 + b[0] * 5 + c[0] * 7;
        double[] _d_a = new double[a.length];
        double[] _d_b = b == a ? _d_a : new double[b.length];
        double[] _d_c = c == a ? _d_a : c == b ? _d_b : new double[c.length];
        double[] _d_new0 = _new0 == c ? _d_c : _new0 == a ? _d_a : _new0 == b ? _d_b : new double[_new0.length];
        // grad of: return a[0] * 3 + b[0] * 5 + c[0] * 7;
        _d_a[0] += 3;
        _d_b[0] += 5;
        _d_c[0] += 7;
        // grad of: c = new double[] {c[0] + 1, c[1]};
        c = _t1;
        _d_c = c == a ? _d_a : c == b ? _d_b : c == _new0 ? _d_new0 : new double[c.length];
        _d_c[0] += _d_new0[0];
        _d_c[1] += _d_new0[1];
        // grad of: c[0] = c[0] * c[1];
        c[0] = _t0;
        double _r0 = _d_c[0];
        _d_c[0] = 0.0;
        _d_c[0] += _r0 * c[1];
        _d_c[1] += _r0 * c[0];
        // grad of: double[] b = {y * y, x};
        double _d_y = 2 * _d_b[0] * y;
        double _d_x = _d_b[1];
        // grad of: double[] a = {x, y};
        _d_x += _d_a[0];
        _d_y += _d_a[1];
        return new Chosen(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code Rebinding.deep(double[], double[], int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param w the argument {@code w} of {@code Rebinding.deep}
     * @param x0 the argument {@code x0} of {@code Rebinding.deep}
     * @param layers the argument {@code layers} of {@code Rebinding.deep}
     * @return the value and the gradient
     */
    public static Deep deep(double[] w, double[] x0, int layers) {
        double[] _d_w = new double[w.length];
        double[] _d_x0 = new double[x0.length];
        double _value = deep(w, x0, layers, _d_w, _d_x0);
        return new Deep(_value, _d_w, _d_x0);
    }

    /**
     * The value of {@code Rebinding.deep(double[], double[], int)}, after adding its gradient with respect to every {@code double} parameter into {@code _d_w}, {@code _d_x0}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param w the argument {@code w} of {@code Rebinding.deep}
     * @param x0 the argument {@code x0} of {@code Rebinding.deep}
     * @param layers the argument {@code layers} of {@code Rebinding.deep}
     * @param _d_w where the gradient with respect to {@code w} is added
     * @param _d_x0 where the gradient with respect to {@code x0} is added
     * @return the value of {@code deep}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #deep
     */
    public static double deep(double[] w, double[] x0, int layers, double[] _d_w, double[] _d_x0) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("w", _d_w, w);
            Shapes.apart("w", _d_w, "x0", x0);
            Shapes.require("x0", _d_x0, x0);
            Shapes.apart("x0", _d_x0, "w", w);
            ObjectStack _objects = _tape.objects();
            double[] y = null;
            double[] _copy0 = new double[x0.length];
            int _n0 = x0.length;
            for (int _k0 = 0; _k0 < _n0; _k0++) {
                _copy0[_k0] = x0[_k0];
            }
            double[] x = _copy0;
            for (int l = 0; l < layers; l++) {
                _objects.push(y);
                y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.tanh(w[i] * x[i]);
                }
                _objects.push(x);
                x = y;
            }
            double s = 0;
            for (int _i0 = 0; _i0 < x.length; _i0++) {
                double v = x[_i0];
                s += v;
            }
            double _value = s;
            double[] _d_copy0 = new double[_copy0.length];
            double[] _d_x = x == _copy0 ? _d_copy0 : new double[x.length];
            // grad of: for (double v : x)
            for (int _i0 = x.length - 1; _i0 >= 0; _i0--) {
                // grad of: double v : x
                _d_x[_i0] += 1.0;
            }
            // grad of: for (int l = 0; l < layers; l++)
            for (int l = Math.max(0, layers) - 1; l >= 0; l--) {
                double[] _d_y = y == x ? _d_x : y == _copy0 ? _d_copy0 : new double[y.length];
                // grad of: x = layer(w, x);
                x = (double[]) _objects.pop();
                _d_x = x == _copy0 ? _d_copy0 : x == y ? _d_y : new double[x.length];
                // grad of: for (int i = 0; i < x.length; i++)
                for (int i = x.length - 1; i >= 0; i--) {
                    // grad of: y[i] = Math.tanh(w[i] * x[i]);
                    double _r0 = _d_y[i] * (1.0 - y[i] * y[i]);
                    _d_w[i] += _r0 * x[i];
                    _d_x[i] += _r0 * w[i];
                    _d_y[i] = 0.0;
                }
                // grad of: double[] y = new double[x.length];
                y = (double[]) _objects.pop();
            }
            for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
                _d_x0[_k0] += _d_copy0[_k0];
                _d_copy0[_k0] = 0.0;
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Rebinding.heat(double[], int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Rebinding.heat}
     * @param steps the argument {@code steps} of {@code Rebinding.heat}
     * @return the value and the gradient
     */
    public static Heat heat(double[] a, int steps) {
        double[] _d_a = new double[a.length];
        double _value = heat(a, steps, _d_a);
        return new Heat(_value, _d_a);
    }

    /**
     * The value of {@code Rebinding.heat(double[], int)}, after adding its gradient with respect to every {@code double} parameter into {@code _d_a}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param a the argument {@code a} of {@code Rebinding.heat}
     * @param steps the argument {@code steps} of {@code Rebinding.heat}
     * @param _d_a where the gradient with respect to {@code a} is added
     * @return the value of {@code heat}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #heat
     */
    public static double heat(double[] a, int steps, double[] _d_a) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("a", _d_a, a);
            IntStack _ints = _tape.ints();
            LongStack _longs = _tape.longs();
            ObjectStack _objects = _tape.objects();
            int i = 0;
            double[] tmp = null;
            double[] _copy0 = new double[a.length];
            int _n0 = a.length;
            for (int _k0 = 0; _k0 < _n0; _k0++) {
                _copy0[_k0] = a[_k0];
            }
            double[] cur = _copy0;
            double[] next = new double[a.length];
            for (int t = 0; t < steps; t++) {
                long _n1 = 0;
                _ints.push(i);
                i = 1;
                while (i + 1 < a.length) {
                    next[i] = cur[i] + 0.1 * (cur[i - 1] - 2 * cur[i] + cur[i + 1]);
                    _n1++;
                    i++;
                }
                _longs.push(_n1);
                _objects.push(tmp);
                tmp = cur;
                _objects.push(cur);
                cur = next;
                _objects.push(next);
                next = tmp;
            }
            double _value = cur[1] * cur[1];
            double[] _d_copy0 = new double[_copy0.length];
            double[] _d_cur = cur == _copy0 ? _d_copy0 : new double[cur.length];
            double[] _d_next = next == cur ? _d_cur : next == _copy0 ? _d_copy0 : new double[next.length];
            // grad of: return cur[1] * cur[1];
            _d_cur[1] += 2 * cur[1];
            // grad of: for (int t = 0; t < steps; t++)
            for (int t = Math.max(0, steps) - 1; t >= 0; t--) {
                double[] _d_tmp = tmp == cur ? _d_cur : tmp == _copy0 ? _d_copy0 : tmp == next ? _d_next : new double[tmp.length];
                // grad of: next = tmp;
                next = (double[]) _objects.pop();
                _d_next = next == cur ? _d_cur : next == _copy0 ? _d_copy0 : next == tmp ? _d_tmp : new double[next.length];
                // grad of: cur = next;
                cur = (double[]) _objects.pop();
                _d_cur = cur == _copy0 ? _d_copy0 : cur == tmp ? _d_tmp : cur == next ? _d_next : new double[cur.length];
                // grad of: double[] tmp = cur;
                tmp = (double[]) _objects.pop();
                long _n1 = _longs.pop();
                // grad of: for (int i = 1; i + 1 < a.length; i++)
                for (; _n1 > 0; _n1--) {
                    // grad of: i++
                    i--;
                    // grad of: next[i] = cur[i] + 0.1 * (cur[i - 1] - 2 * cur[i] + cur[i + 1]);
                    double _r0 = _d_next[i];
                    _d_next[i] = 0.0;
                    double _r1 = 0.1 * _r0;
                    _d_cur[i - 1] += _r1;
                    _d_cur[i] += _r0 - 2 * _r1;
                    _d_cur[i + 1] += _r1;
                }
                // grad of: int i = 1
                i = _ints.pop();
            }
            for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
                _d_a[_k0] += _d_copy0[_k0];
                _d_copy0[_k0] = 0.0;
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code Rebinding.heat(double[], int)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param a the argument {@code a} of {@code Rebinding.heat}
     * @param steps the argument {@code steps} of {@code Rebinding.heat}
     * @param _t_a the tangent of {@code a}, shaped like it; where the method writes into {@code a}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #heat
     */
    public static HeatJvp heatJvp(double[] a, int steps, double[] _t_a) {
        double[] _copy0 = new double[a.length];
        double[] _t_copy0 = new double[_copy0.length];
        int _n0 = a.length;
        for (int _k0 = 0; _k0 < _n0; _k0++) {
            _copy0[_k0] = a[_k0];
            _t_copy0[_k0] = _t_a[_k0];
        }
        double[] cur = _copy0;
        double[] _t_cur = _t_copy0;
        double[] next = new double[a.length];
        double[] _t_next = new double[next.length];
        for (int t = 0; t < steps; t++) {
            for (int i = 1; i + 1 < a.length; i++) {
                _t_next[i] = _t_cur[i] + 0.1 * (_t_cur[i - 1] - 2 * _t_cur[i] + _t_cur[i + 1]);
                next[i] = cur[i] + 0.1 * (cur[i - 1] - 2 * cur[i] + cur[i + 1]);
            }
            double[] tmp = cur;
            double[] _t_tmp = _t_cur;
            cur = next;
            _t_cur = _t_next;
            next = tmp;
            _t_next = _t_tmp;
        }
        return new HeatJvp(cur[1] * cur[1], 2 * _t_cur[1] * cur[1]);
    }

    /**
     * The result of {@link RebindingGrad#chosen}: the value and the gradient.
     *
     * @param value the value of {@code chosen(double, double, boolean)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Chosen(double value, double x, double y) {
    }

    /**
     * The result of {@link RebindingGrad#deep}: the value and the gradient.
     *
     * @param value the value of {@code deep(double[], double[], int)}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     * @param x0 &part; value / &part; x0, the partial derivative with respect to {@code x0}
     */
    public record Deep(double value, double[] w, double[] x0) {
    }

    /**
     * The result of {@link RebindingGrad#heat}: the value and the gradient.
     *
     * @param value the value of {@code heat(double[], int)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     */
    public record Heat(double value, double[] a) {
    }

    /**
     * The result of {@link RebindingGrad#heatJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code heat(double[], int)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record HeatJvp(double value, double tangent) {
    }
}
