package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link ObjectLocals}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ObjectLocalsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ObjectLocalsGrad() {
    }

    /**
     * The value of {@code ObjectLocals.lastFix(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code ObjectLocals.lastFix}
     * @param n the argument {@code n} of {@code ObjectLocals.lastFix}
     * @return the value and the gradient
     */
    public static LastFix lastFix(double x, int n) {
        double last_x = 0.0;
        double last_y = 0.0;
        boolean _lastNull0 = true;
        for (int i = 0; i < n; i++) {
            double _double0 = x * i;
            double _double1 = x + i;
            last_x = _double0;
            last_y = _double1;
            _lastNull0 = false;
        }
        double _value = _lastNull0 ? 0 : last_x * last_y;
        // grad of: return last == null ? 0 : last.x() * last.y();
        double _d_last_x = 0.0;
        double _d_last_y = 0.0;
        if (!_lastNull0) {
            _d_last_x = last_y;
            _d_last_y = last_x;
        }
        double _d_x = 0.0;
        // grad of: for (int i = 0; i < n; i++)
        for (int i = Math.max(0, n) - 1; i >= 0; i--) {
            double _d_double1 = _d_last_y;
            double _d_double0 = _d_last_x;
            _d_x += _d_double1;
            _d_x += _d_double0 * i;
            _d_last_x = 0.0;
            _d_last_y = 0.0;
        }
        return new LastFix(_value, _d_x);
    }

    /**
     * The value of {@code ObjectLocals.pulls(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param g the argument {@code g} of {@code ObjectLocals.pulls}
     * @return the value and the gradient
     */
    public static Pulls pulls(double g) {
        ObjectLocals.Body[] all = ObjectLocals.Body.values();
        double s = 0;
        // grad of: return s;
        double _d_g = 0.0;
        for (int _i0 = 0; _i0 < all.length; _i0++) {
            ObjectLocals.Body b = all[_i0];
            double _h0 = b.mass;
            double pull = g * _h0;
            s += pull * g;
            // grad of this iteration of: for (Body b : all)
            // grad of: s += b.pull(g) * g;
            _d_g += pull;
            _d_g += g * _h0;
        }
        double _value = s;
        return new Pulls(_value, _d_g);
    }

    /**
     * The value of {@code ObjectLocals.tally(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code ObjectLocals.tally}
     * @param y the argument {@code y} of {@code ObjectLocals.tally}
     * @return the value and the gradient
     */
    public static Tally tally(double x, double y) {
        double t_sum = 0.0;
        int t_n = 0;
        double x2 = x * y;
        t_sum += x2;
        t_n++;
        double x3 = Math.sin(x);
        t_sum += x3;
        t_n++;
        t_sum *= 2;
        double _value = t_sum / t_n;
        // grad of: return t.sum / t.n;
        double _d_t_sum = 1.0 / t_n;
        // grad of: t.sum *= 2;
        _d_t_sum = 2 * _d_t_sum;
        // grad of: sum += x;
        double _d_x = _d_t_sum * Math.cos(x);
        // grad of: sum += x;
        _d_x += _d_t_sum * y;
        double _d_y = _d_t_sum * x;
        return new Tally(_value, _d_x, _d_y);
    }

    /**
     * The result of {@link ObjectLocalsGrad#lastFix}: the value and the gradient.
     *
     * @param value the value of {@code lastFix(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record LastFix(double value, double x) {
    }

    /**
     * The result of {@link ObjectLocalsGrad#pulls}: the value and the gradient.
     *
     * @param value the value of {@code pulls(double)}
     * @param g &part; value / &part; g, the partial derivative with respect to {@code g}
     */
    public record Pulls(double value, double g) {
    }

    /**
     * The result of {@link ObjectLocalsGrad#tally}: the value and the gradient.
     *
     * @param value the value of {@code tally(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Tally(double value, double x, double y) {
    }
}
