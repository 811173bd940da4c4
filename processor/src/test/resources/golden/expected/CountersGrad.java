package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Counters}, by reverse-mode differentiation; directional derivatives by forward mode.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class CountersGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private CountersGrad() {
    }

    /**
     * The value of {@code Counters.weighted(double, double[])} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Counters.weighted}
     * @param w the argument {@code w} of {@code Counters.weighted}
     * @return the value and the gradient
     */
    public static Weighted weighted(double x, double[] w) {
        double[] _d_w = new double[w.length];
        Counters.evaluations++;
        Counters.work += w.length;
        double s = 0;
        // grad of: return s;
        double _d_x = 0.0;
        for (int _i0 = 0; _i0 < w.length; _i0++) {
            double v = w[_i0];
            if (v < 0) {
                Counters.sawNegative = true;
            }
            s += v * x * x;
            // grad of this iteration of: for (double v : w)
            // grad of: s += v * x * x;
            double _d_v = x * x;
            _d_x += 2 * x * v;
            // grad of: double v : w
            _d_w[_i0] += _d_v;
        }
        double _value = s;
        return new Weighted(_value, _d_x, _d_w);
    }

    /**
     * The value of {@code Counters.weighted(double, double[])} and its directional derivative along the tangents: the sum over every {@code double} parameter of the partial derivative with respect to each, times its tangent. By forward-mode differentiation, with no tape.
     *
     * @param x the argument {@code x} of {@code Counters.weighted}
     * @param w the argument {@code w} of {@code Counters.weighted}
     * @param _t_x the tangent of {@code x}: the direction's component along it
     * @param _t_w the tangent of {@code w}, shaped like it; where the method writes into {@code w}, the same elements of this array get the tangents of the values written
     * @return the value and the directional derivative
     * @see #weighted
     */
    public static WeightedJvp weightedJvp(double x, double[] w, double _t_x, double[] _t_w) {
        Counters.evaluations++;
        Counters.work += w.length;
        double s = 0;
        double _t_s = 0.0;
        for (int _i0 = 0; _i0 < w.length; _i0++) {
            double v = w[_i0];
            double _t_v = _t_w[_i0];
            if (v < 0) {
                Counters.sawNegative = true;
            }
            s += v * x * x;
            _t_s += (_t_v * x + v * _t_x) * x + v * x * _t_x;
        }
        return new WeightedJvp(s, _t_s);
    }

    /**
     * The result of {@link CountersGrad#weighted}: the value and the gradient.
     *
     * @param value the value of {@code weighted(double, double[])}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param w &part; value / &part; w, the partial derivative with respect to {@code w}
     */
    public record Weighted(double value, double x, double[] w) {
    }

    /**
     * The result of {@link CountersGrad#weightedJvp}: the value and the directional derivative.
     *
     * @param value the value of {@code weighted(double, double[])}
     * @param tangent the directional derivative of the value along the tangents passed
     */
    public record WeightedJvp(double value, double tangent) {
    }
}
