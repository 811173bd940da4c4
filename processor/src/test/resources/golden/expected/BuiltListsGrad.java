package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.IntStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Ranges;
import io.github.backprop.Tape;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link BuiltLists}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class BuiltListsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private BuiltListsGrad() {
    }

    /**
     * The value of {@code BuiltLists.squares(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code BuiltLists.squares}
     * @param n the argument {@code n} of {@code BuiltLists.squares}
     * @return the value and the gradient
     */
    public static Squares squares(double x, int n) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            IntStack _ints = _tape.ints();
            BooleanStack _booleans = _tape.booleans();
            ObjectStack _objects = _tape.objects();
            int _n0 = 0;
            double[] _grown0 = null;
            double v = 0.0;
            double[] xs = new double[10];
            int _xs_size0 = 0;
            for (int i = 0; i < n; i++) {
                boolean _c0 = _xs_size0 == xs.length;
                if (_c0) {
                    _ints.push(_n0);
                    _n0 = Ranges.copied(xs.length, xs.length + ((xs.length >> 1) + 1));
                    _objects.push(_grown0);
                    _grown0 = new double[xs.length + ((xs.length >> 1) + 1)];
                    for (int _k0 = 0; _k0 < _n0; _k0++) {
                        _grown0[_k0] = xs[_k0];
                    }
                    _objects.push(xs);
                    xs = _grown0;
                }
                _booleans.push(_c0);
                xs[_xs_size0] = x * i;
                _xs_size0++;
            }
            double s = 0;
            for (int _i0 = 0; _i0 < _xs_size0; _i0++) {
                _doubles.push(v);
                v = xs[_i0];
                s += v * v;
            }
            int _k1 = Objects.checkIndex(n - 1, _xs_size0);
            double _value = s + xs[_k1];
            double[] _d_xs = new double[xs.length];
            // grad of: return s + xs.get(n - 1);
            _d_xs[_k1] += 1.0;
            // grad of: for (double v : xs)
            for (int _i0 = Math.max(0, _xs_size0) - 1; _i0 >= 0; _i0--) {
                // grad of: s += v * v;
                double _d_v = 2 * v;
                // grad of: double v
                _d_xs[_i0] += _d_v;
                v = _doubles.pop();
            }
            double _d_x = 0.0;
            // grad of: for (int i = 0; i < n; i++)
            for (int i = Math.max(0, n) - 1; i >= 0; i--) {
                _xs_size0--;
                _d_x += _d_xs[_xs_size0] * i;
                _d_xs[_xs_size0] = 0.0;
                if (_booleans.pop()) {
                    double[] _d_grown0 = _grown0 == xs ? _d_xs : new double[_grown0.length];
                    xs = (double[]) _objects.pop();
                    _d_xs = xs == _grown0 ? _d_grown0 : new double[xs.length];
                    for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
                        _d_xs[_k0] += _d_grown0[_k0];
                        _d_grown0[_k0] = 0.0;
                    }
                    _grown0 = (double[]) _objects.pop();
                    _n0 = _ints.pop();
                }
            }
            return new Squares(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code BuiltLists.varargs(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code BuiltLists.varargs}
     * @param y the argument {@code y} of {@code BuiltLists.varargs}
     * @return the value and the gradient
     */
    public static Varargs varargs(double x, double y) {
        double[] v = {x, y, x * y};
        double s = 0;
        for (int _i0 = 0; _i0 < v.length; _i0++) {
            double d = v[_i0];
            s += d;
        }
        double sum = s;
        double _value = sum;
        double[] _d_v = new double[v.length];
        // grad of: for (double d : v)
        for (int _i0 = v.length - 1; _i0 >= 0; _i0--) {
            // grad of: double d : v
            _d_v[_i0] += 1.0;
        }
        double _d_x = _d_v[0] + _d_v[2] * y;
        double _d_y = _d_v[1] + _d_v[2] * x;
        return new Varargs(_value, _d_x, _d_y);
    }

    /**
     * The result of {@link BuiltListsGrad#squares}: the value and the gradient.
     *
     * @param value the value of {@code squares(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Squares(double value, double x) {
    }

    /**
     * The result of {@link BuiltListsGrad#varargs}: the value and the gradient.
     *
     * @param value the value of {@code varargs(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Varargs(double value, double x, double y) {
    }
}
