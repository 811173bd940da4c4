package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link AsWritten}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class AsWrittenGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private AsWrittenGrad() {
    }

    /**
     * The value of {@code AsWritten.scaled(double, Short, Character)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code AsWritten.scaled}
     * @param s the argument {@code s} of {@code AsWritten.scaled}
     * @param c the argument {@code c} of {@code AsWritten.scaled}
     * @return the value and the gradient
     */
    public static Scaled scaled(double x, Short s, Character c) {
        double _value = x * s + (c == 'a' ? x : 0);
        // grad of: return x * s + (c == 'a' ? x : 0);
        double _d_x = s;
        if (c == 'a') {
            _d_x += 1.0;
        }
        return new Scaled(_value, _d_x);
    }

    /**
     * The value of {@code AsWritten.settled(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code AsWritten.settled}
     * @return the value and the gradient
     */
    public static Settled settled(double x) {
        double y = 0;
        y = Math.exp(x);
        double _t0 = y;
        y *= x;
        double _value = y;
        // grad of: return y;
        double _d_y = 1.0;
        // grad of: y = y * x;
        y = _t0;
        double _d_x = _d_y * y;
        _d_y *= x;
        // grad of: y = Math.exp(x);
        _d_x += _d_y * y;
        return new Settled(_value, _d_x);
    }

    /**
     * The value of {@code AsWritten.timed(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code AsWritten.timed}
     * @param y the argument {@code y} of {@code AsWritten.timed}
     * @return the value and the gradient
     */
    public static Timed timed(double x, double y) {
        double _sin0 = 0.0;
        double z = 0.0;
        AsWritten.Timer t = new AsWritten.Timer();
        double _tryValue = 0.0;
        try (t) {
            _sin0 = Math.sin(x);
            z = _sin0 * y;
            _tryValue = z * z;
        }
        double _value = _tryValue;
        double _d_z = 2 * z;
        // grad of: double z = Math.sin(x) * y;
        double _d_sin0 = _d_z * y;
        double _d_y = _d_z * _sin0;
        double _d_x = _d_sin0 * Math.cos(x);
        return new Timed(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code AsWritten.timed(double, double)} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code AsWritten.timed}
     * @param y the argument {@code y} of {@code AsWritten.timed}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @param _t_y the tangent of {@code y}: the direction's component along it
     * @return the value and the directional derivative
     * @see #timed
     */
    public static TimedJvp timedJvp(double x, double y, double _t_x, double _t_y) {
        AsWritten.Timer t = new AsWritten.Timer();
        double _tryValue = 0.0;
        double _t_tryValue = 0.0;
        try (t) {
            double z = Math.sin(x) * y;
            double _t_z = Math.cos(x) * _t_x * y + Math.sin(x) * _t_y;
            _tryValue = z * z;
            _t_tryValue = 2 * _t_z * z;
        }
        return new TimedJvp(_tryValue, _t_tryValue);
    }

    /**
     * The result of {@link AsWrittenGrad#scaled}: the value and the gradient.
     *
     * @param value the value of {@code scaled(double, Short, Character)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Scaled(double value, double x) {
    }

    /**
     * The result of {@link AsWrittenGrad#settled}: the value and the gradient.
     *
     * @param value the value of {@code settled(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Settled(double value, double x) {
    }

    /**
     * The result of {@link AsWrittenGrad#timed}: the value and the gradient.
     *
     * @param value the value of {@code timed(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Timed(double value, double x, double y) {
    }

    /**
     * The result of {@link AsWrittenGrad#timedJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code timed(double, double)}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record TimedJvp(double value, double tangent) {
    }
}
