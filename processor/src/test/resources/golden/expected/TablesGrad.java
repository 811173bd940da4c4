package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Tables}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class TablesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private TablesGrad() {
    }

    /**
     * The value of {@code Tables.byRange(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Tables.byRange}
     * @return the value and the gradient
     */
    public static ByRange byRange(double x) {
        double[] c = x < 1 ? Tables.SMALL : Tables.LARGE;
        double _value = (c[2] * x + c[1]) * x + c[0];
        // grad of: return (c[2] * x + c[1]) * x + c[0];
        double _d_x = x * c[2] + (c[2] * x + c[1]);
        return new ByRange(_value, _d_x);
    }

    /**
     * The value of {@code Tables.rule(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param k the argument {@code k} of {@code Tables.rule}
     * @param points the argument {@code points} of {@code Tables.rule}
     * @return the value and the gradient
     */
    public static Rule rule(double k, int points) {
        double[] nodes;
        if (points == 1) {
            nodes = new double[] {0.0};
        } else {
            nodes = new double[] {-0.5773502691896257, 0.5773502691896257};
        }
        double sum = 0;
        // grad of: return sum;
        double _d_k = 0.0;
        for (int _i0 = 0; _i0 < nodes.length; _i0++) {
            double node = nodes[_i0];
            double _exp0 = Math.exp(k * node);
            sum += _exp0;
            // grad of this iteration of: for (double node : nodes)
            // grad of: sum += Math.exp(k * node);
            _d_k += _exp0 * node;
        }
        double _value = sum;
        return new Rule(_value, _d_k);
    }

    /**
     * The result of {@link TablesGrad#byRange}: the value and the gradient.
     *
     * @param value the value of {@code byRange(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record ByRange(double value, double x) {
    }

    /**
     * The result of {@link TablesGrad#rule}: the value and the gradient.
     *
     * @param value the value of {@code rule(double, int)}
     * @param k &part; value / &part; k, the partial derivative with respect to {@code k}
     */
    public record Rule(double value, double k) {
    }
}
