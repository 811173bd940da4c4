package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.ObjectStack;
import io.github.backprop.Rows;
import io.github.backprop.Shapes;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link RowSwaps}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class RowSwapsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private RowSwapsGrad() {
    }

    /**
     * The value of {@code RowSwaps.pivot(double, double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code RowSwaps.pivot}
     * @param b the argument {@code b} of {@code RowSwaps.pivot}
     * @param c the argument {@code c} of {@code RowSwaps.pivot}
     * @param d the argument {@code d} of {@code RowSwaps.pivot}
     * @return the value and the gradient
     */
    public static Pivot pivot(double a, double b, double c, double d) {
        double[] t = null;
        double[] _t0 = null;
        double[] _t1 = null;
        double[][] m = {{a, b}, {c, d}};
        if (Math.abs(c) > Math.abs(a)) {
            t = m[0];
            _t0 = m[0];
            m[0] = m[1];
            _t1 = m[1];
            m[1] = t;
        }
        double f = m[1][0] / m[0][0];
        double _p0 = m[1][1] - f * m[0][1];
        double _value = m[0][0] * _p0;
        double[][] _d_m = Rows.zerosLike(m);
        // grad of: return m[0][0] * (m[1][1] - f * m[0][1]);
        _d_m[0][0] += _p0;
        double _d_p0 = m[0][0];
        _d_m[1][1] += _d_p0;
        double _d_f = -(_d_p0 * m[0][1]);
        _d_m[0][1] -= _d_p0 * f;
        // grad of: double f = m[1][0] / m[0][0];
        double _r0 = _d_f / m[0][0];
        _d_m[1][0] += _r0;
        _d_m[0][0] -= _r0 * (m[1][0] / m[0][0]);
        if (Math.abs(c) > Math.abs(a)) {
            double[] _d_t = Rows.of(t, m, _d_m, -1);
            // grad of: m[1] = t;
            m[1] = _t1;
            _d_m[1] = m[1] == t ? _d_t : Rows.of(m[1], m, _d_m, 1);
            // grad of: m[0] = m[1];
            double[] _row0 = m[0];
            m[0] = _t0;
            _d_m[0] = m[0] == _row0 ? _d_m[0] : m[0] == t ? _d_t : Rows.of(m[0], m, _d_m, 0);
        }
        // grad of: double[][] m = {{a, b}, {c, d}};
        double _d_a = _d_m[0][0];
        double _d_b = _d_m[0][1];
        double _d_c = _d_m[1][0];
        double _d_d = _d_m[1][1];
        return new Pivot(_value, _d_a, _d_b, _d_c, _d_d);
    }

    /**
     * The value of {@code RowSwaps.warp(double[], double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x1 the argument {@code x1} of {@code RowSwaps.warp}
     * @param x2 the argument {@code x2} of {@code RowSwaps.warp}
     * @return the value and the gradient
     */
    public static Warp warp(double[] x1, double[] x2) {
        double[] _d_x1 = new double[x1.length];
        double[] _d_x2 = new double[x2.length];
        double _value = warp(x1, x2, _d_x1, _d_x2);
        return new Warp(_value, _d_x1, _d_x2);
    }

    /**
     * The value of {@code RowSwaps.warp(double[], double[])}, after adding its gradient with respect to every {@code double} parameter into {@code _d_x1}, {@code _d_x2}, arrays the caller owns, shaped like those parameters: for summing gradients over a batch with no allocation. Nothing is zeroed.
     *
     * @param x1 the argument {@code x1} of {@code RowSwaps.warp}
     * @param x2 the argument {@code x2} of {@code RowSwaps.warp}
     * @param _d_x1 where the gradient with respect to {@code x1} is added
     * @param _d_x2 where the gradient with respect to {@code x2} is added
     * @return the value of {@code warp}
     * @throws IllegalArgumentException if a gradient array is not shaped like its parameter, or is an array the method reads
     * @see #warp
     */
    public static double warp(double[] x1, double[] x2, double[] _d_x1, double[] _d_x2) {
        Tape _tape = Tape.enter();
        try {
            Shapes.require("x1", _d_x1, x1);
            Shapes.apart("x1", _d_x1, "x2", x2);
            Shapes.require("x2", _d_x2, x2);
            Shapes.apart("x2", _d_x2, "x1", x1);
            DoubleStack _doubles = _tape.doubles();
            ObjectStack _objects = _tape.objects();
            double[] swap = null;
            double[][] table = new double[2][x2.length + 1];
            for (int i = 1; i <= x2.length; i++) {
                table[0][i] = Double.POSITIVE_INFINITY;
            }
            for (int i2 = 1; i2 <= x1.length; i2++) {
                _doubles.push(table[1][0]);
                table[1][0] = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= x2.length; j++) {
                    double cost = Math.abs(x1[i2 - 1] - x2[j - 1]);
                    _doubles.push(table[1][j]);
                    table[1][j] = cost + Math.min(table[0][j - 1], Math.min(table[0][j], table[1][j - 1]));
                }
                _objects.push(swap);
                swap = table[0];
                _objects.push(table[0]);
                table[0] = table[1];
                _objects.push(table[1]);
                table[1] = swap;
            }
            double _value = table[0][x2.length];
            double[][] _d_table = Rows.zerosLike(table);
            // grad of: return table[0][x2.length];
            _d_table[0][x2.length] += 1.0;
            // grad of: for (int i = 1; i <= x1.length; i++)
            for (int i2 = x1.length; i2 >= 1; i2--) {
                double[] _d_swap = Rows.of(swap, table, _d_table, -1);
                // grad of: table[1] = swap;
                table[1] = (double[]) _objects.pop();
                _d_table[1] = table[1] == swap ? _d_swap : Rows.of(table[1], table, _d_table, 1);
                // grad of: table[0] = table[1];
                double[] _row0 = table[0];
                table[0] = (double[]) _objects.pop();
                _d_table[0] = table[0] == _row0 ? _d_table[0] : table[0] == swap ? _d_swap : Rows.of(table[0], table, _d_table, 0);
                // grad of: double[] swap = table[0];
                swap = (double[]) _objects.pop();
                // grad of: for (int j = 1; j <= x2.length; j++)
                for (int j = x2.length; j >= 1; j--) {
                    // grad of: table[1][j] = cost + Math.min(table[0][j - 1], Math.min(table[0][j], table[1][j - 1]));
                    table[1][j] = _doubles.pop();
                    double _r0 = _d_table[1][j];
                    _d_table[1][j] = 0.0;
                    _d_table[0][j - 1] += table[0][j - 1] < Math.min(table[0][j], table[1][j - 1]) ? _r0 : table[0][j - 1] == Math.min(table[0][j], table[1][j - 1]) ? 0.5 * _r0 : 0.0;
                    double _r1 = Math.min(table[0][j], table[1][j - 1]) < table[0][j - 1] ? _r0 : Math.min(table[0][j], table[1][j - 1]) == table[0][j - 1] ? 0.5 * _r0 : 0.0;
                    _d_table[0][j] += table[0][j] < table[1][j - 1] ? _r1 : table[0][j] == table[1][j - 1] ? 0.5 * _r1 : 0.0;
                    _d_table[1][j - 1] += table[1][j - 1] < table[0][j] ? _r1 : table[1][j - 1] == table[0][j] ? 0.5 * _r1 : 0.0;
                    // grad of: double cost = Math.abs(x1[i - 1] - x2[j - 1]);
                    double _r2 = _r0 * Math.signum(x1[i2 - 1] - x2[j - 1]);
                    _d_x1[i2 - 1] += _r2;
                    _d_x2[j - 1] -= _r2;
                }
                // grad of: table[1][0] = Double.POSITIVE_INFINITY;
                _d_table[1][0] = 0.0;
                table[1][0] = _doubles.pop();
            }
            // grad of: for (int i = 1; i <= x2.length; i++)
            for (int i = x2.length; i >= 1; i--) {
                // grad of: table[0][i] = Double.POSITIVE_INFINITY;
                _d_table[0][i] = 0.0;
            }
            return _value;
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code RowSwaps.warp(double[], double[])} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x1 the argument {@code x1} of {@code RowSwaps.warp}
     * @param x2 the argument {@code x2} of {@code RowSwaps.warp}
     * @param _t_x1 the tangent of {@code x1}, shaped like it; where the method writes into {@code x1}, the same elements of this array get the tangents of the values written
     * @param _t_x2 the tangent of {@code x2}, shaped like it; where the method writes into {@code x2}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #warp
     */
    public static WarpJvp warpJvp(double[] x1, double[] x2, double[] _t_x1, double[] _t_x2) {
        double[][] table = new double[2][x2.length + 1];
        double[][] _t_table = new double[2][x2.length + 1];
        for (int i = 1; i <= x2.length; i++) {
            table[0][i] = Double.POSITIVE_INFINITY;
            _t_table[0][i] = 0.0;
        }
        for (int i2 = 1; i2 <= x1.length; i2++) {
            table[1][0] = Double.POSITIVE_INFINITY;
            _t_table[1][0] = 0.0;
            for (int j = 1; j <= x2.length; j++) {
                double cost = Math.abs(x1[i2 - 1] - x2[j - 1]);
                double _t_cost = Math.signum(x1[i2 - 1] - x2[j - 1]) * (_t_x1[i2 - 1] - _t_x2[j - 1]);
                _t_table[1][j] = _t_cost + ((table[0][j - 1] < Math.min(table[0][j], table[1][j - 1]) ? 1.0 : table[0][j - 1] == Math.min(table[0][j], table[1][j - 1]) ? 0.5 : 0.0) * _t_table[0][j - 1] + (Math.min(table[0][j], table[1][j - 1]) < table[0][j - 1] ? 1.0 : Math.min(table[0][j], table[1][j - 1]) == table[0][j - 1] ? 0.5 : 0.0) * ((table[0][j] < table[1][j - 1] ? 1.0 : table[0][j] == table[1][j - 1] ? 0.5 : 0.0) * _t_table[0][j] + (table[1][j - 1] < table[0][j] ? 1.0 : table[1][j - 1] == table[0][j] ? 0.5 : 0.0) * _t_table[1][j - 1]));
                table[1][j] = cost + Math.min(table[0][j - 1], Math.min(table[0][j], table[1][j - 1]));
            }
            double[] swap = table[0];
            double[] _t_swap = _t_table[0];
            _t_table[0] = _t_table[1];
            table[0] = table[1];
            _t_table[1] = _t_swap;
            table[1] = swap;
        }
        return new WarpJvp(table[0][x2.length], _t_table[0][x2.length]);
    }

    /**
     * The result of {@link RowSwapsGrad#pivot}: the value and the gradient.
     *
     * @param value the value of {@code pivot(double, double, double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     * @param c &part; value / &part; c, the partial derivative with respect to {@code c}
     * @param d &part; value / &part; d, the partial derivative with respect to {@code d}
     */
    public record Pivot(double value, double a, double b, double c, double d) {
    }

    /**
     * The result of {@link RowSwapsGrad#warp}: the value and the gradient.
     *
     * @param value the value of {@code warp(double[], double[])}
     * @param x1 &part; value / &part; x1, the partial derivative with respect to {@code x1}
     * @param x2 &part; value / &part; x2, the partial derivative with respect to {@code x2}
     */
    public record Warp(double value, double[] x1, double[] x2) {
    }

    /**
     * The result of {@link RowSwapsGrad#warpJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code warp(double[], double[])}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record WarpJvp(double value, double tangent) {
    }
}
