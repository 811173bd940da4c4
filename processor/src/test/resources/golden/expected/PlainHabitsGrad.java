package golden;

import io.github.backprop.BooleanStack;
import io.github.backprop.DoubleStack;
import io.github.backprop.Ranges;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link PlainHabits}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class PlainHabitsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private PlainHabitsGrad() {
    }

    /**
     * The value of {@code PlainHabits.listed(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code PlainHabits.listed}
     * @param b the argument {@code b} of {@code PlainHabits.listed}
     * @return the value and the gradient
     */
    public static Listed listed(double a, double b) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            int _n0 = 0;
            double[] _grown0 = null;
            double[] _t0 = null;
            double v = 0.0;
            double[] values = {a, b};
            int _values_size0 = 2;
            boolean _c0 = _values_size0 == values.length;
            if (_c0) {
                _n0 = Ranges.copied(values.length, values.length + ((values.length >> 1) + 1));
                _grown0 = new double[values.length + ((values.length >> 1) + 1)];
                for (int _k0 = 0; _k0 < _n0; _k0++) {
                    _grown0[_k0] = values[_k0];
                }
                _t0 = values;
                values = _grown0;
            }
            values[_values_size0] = a * b;
            int _t1 = _values_size0;
            _values_size0++;
            double s = 0;
            for (int _i0 = 0; _i0 < _values_size0; _i0++) {
                _doubles.push(v);
                v = values[_i0];
                s += v * v;
            }
            double _value = s;
            double[] _d_values = new double[values.length];
            // grad of: for (double v : values)
            for (int _i0 = Math.max(0, _values_size0) - 1; _i0 >= 0; _i0--) {
                // grad of: s += v * v;
                double _d_v = 2 * v;
                // grad of: double v
                _d_values[_i0] += _d_v;
                v = _doubles.pop();
            }
            _values_size0 = _t1;
            double _d_a = _d_values[_values_size0] * b;
            double _d_b = _d_values[_values_size0] * a;
            _d_values[_values_size0] = 0.0;
            if (_c0) {
                double[] _d_grown0 = _grown0 == values ? _d_values : new double[_grown0.length];
                values = _t0;
                _d_values = values == _grown0 ? _d_grown0 : new double[values.length];
                for (int _k0 = Math.max(0, _n0) - 1; _k0 >= 0; _k0--) {
                    _d_values[_k0] += _d_grown0[_k0];
                    _d_grown0[_k0] = 0.0;
                }
            }
            _d_a += _d_values[0];
            _d_b += _d_values[1];
            return new Listed(_value, _d_a, _d_b);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code PlainHabits.smallestSquared(double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code PlainHabits.smallestSquared}
     * @param b the argument {@code b} of {@code PlainHabits.smallestSquared}
     * @param c the argument {@code c} of {@code PlainHabits.smallestSquared}
     * @return the value and the gradient
     */
    public static SmallestSquared smallestSquared(double a, double b, double c) {
        Tape _tape = Tape.enter();
        try {
            BooleanStack _booleans = _tape.booleans();
            double best = 0.0;
            boolean _bestNull0 = true;
            double[] _each0 = {a, b, c};
            for (int _i0 = 0; _i0 < _each0.length; _i0++) {
                double v = _each0[_i0];
                boolean _c0 = _bestNull0 || v < best;
                if (_c0) {
                    best = v;
                    _bestNull0 = false;
                }
                _booleans.push(_c0);
            }
            if (_bestNull0) {
                throw new NullPointerException("'best' is null");
            }
            double _value = best * best;
            double[] _d_each0 = new double[_each0.length];
            // grad of: return best * best;
            double _d_best = 2 * best;
            // grad of: for (double v : new double[] {a, b, c})
            for (int _i0 = _each0.length - 1; _i0 >= 0; _i0--) {
                double _d_v = 0.0;
                if (_booleans.pop()) {
                    _d_v = _d_best;
                    _d_best = 0.0;
                }
                // grad of: double v : new double[] {a, b, c}
                _d_each0[_i0] += _d_v;
            }
            double _d_a = _d_each0[0];
            double _d_b = _d_each0[1];
            double _d_c = _d_each0[2];
            return new SmallestSquared(_value, _d_a, _d_b, _d_c);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link PlainHabitsGrad#listed}: the value and the gradient.
     *
     * @param value the value of {@code listed(double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record Listed(double value, double a, double b) {
    }

    /**
     * The result of {@link PlainHabitsGrad#smallestSquared}: the value and the gradient.
     *
     * @param value the value of {@code smallestSquared(double, double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     * @param c &part; value / &part; c, the partial derivative with respect to {@code c}
     */
    public record SmallestSquared(double value, double a, double b, double c) {
    }
}
