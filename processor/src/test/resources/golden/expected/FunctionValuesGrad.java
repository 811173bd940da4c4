package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link FunctionValues}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class FunctionValuesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private FunctionValuesGrad() {
    }

    /**
     * The value of {@code FunctionValues.field(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code FunctionValues.field}
     * @return the value and the gradient
     */
    public static Field field(double x) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            double t = x * i;
            s += t * t;
        }
        double sum = s;
        double _value = x * x + sum;
        // grad of: return SQUARE.applyAsDouble(x) + sum(SQUARE, x, 3);
        double _d_x = 2 * x;
        // grad of: for (int i = 0; i < n; i++)
        for (int i = 2; i >= 0; i--) {
            double t = x * i;
            // grad of: s += f.applyAsDouble(a * i);
            double _d_t = 2 * t;
            // grad of: t
            _d_x += _d_t * i;
        }
        return new Field(_value, _d_x);
    }

    /**
     * The value of {@code FunctionValues.field(double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code FunctionValues.field}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @return the value and the directional derivative
     * @see #field
     */
    public static FieldJvp fieldJvp(double x, double _t_x) {
        double s = 0;
        double _t_s = 0.0;
        for (int i = 0; i < 3; i++) {
            double t = x * i;
            double _t_t = _t_x * i;
            s += t * t;
            _t_s += 2 * _t_t * t;
        }
        double sum = s;
        double _t_sum = _t_s;
        return new FieldJvp(x * x + sum, 2 * _t_x * x + _t_sum);
    }

    /**
     * The value of {@code FunctionValues.filled(double, double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code FunctionValues.filled}
     * @param w the argument {@code w} of {@code FunctionValues.filled}
     * @return the value and the gradient
     */
    public static Filled filled(double x, double[] w) {
        double[] _d_w = new double[w.length];
        double[] v = new double[w.length];
        for (int _i0 = 0; _i0 < v.length; _i0++) {
            v[_i0] = w[_i0] * x;
        }
        double _value = v[0] * v[1];
        double[] _d_v = new double[v.length];
        // grad of: return v[0] * v[1];
        _d_v[0] += v[1];
        _d_v[1] += v[0];
        double _d_x = 0.0;
        for (int _i0 = v.length - 1; _i0 >= 0; _i0--) {
            _d_w[_i0] += _d_v[_i0] * x;
            _d_x += _d_v[_i0] * w[_i0];
            _d_v[_i0] = 0.0;
        }
        return new Filled(_value, _d_x, _d_w);
    }

    /**
     * The value of {@code FunctionValues.reference(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param k the argument {@code k} of {@code FunctionValues.reference}
     * @return the value and the gradient
     */
    public static Reference reference(double k) {
        double s_k = k;
        double s_rest = 1.0;
        double d = s_k - s_rest;
        double energy = 0.5 * d * d;
        double _value = energy;
        return new Reference(_value, d);
    }

    /**
     * The result of {@link FunctionValuesGrad#field}: the value and the gradient.
     *
     * @param value the value of {@code field(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Field(double value, double x) {
    }

    /**
     * The result of {@link FunctionValuesGrad#fieldJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code field(double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record FieldJvp(double value, double tangent) {
    }

    /**
     * The result of {@link FunctionValuesGrad#filled}: the value and the gradient.
     *
     * @param value the value of {@code filled(double, double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Filled(double value, double x, double[] w) {
    }

    /**
     * The result of {@link FunctionValuesGrad#reference}: the value and the gradient.
     *
     * @param value the value of {@code reference(double)}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record Reference(double value, double k) {
    }
}
