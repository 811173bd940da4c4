package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link StaticData}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class StaticDataGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private StaticDataGrad() {
    }

    /**
     * The value of {@code StaticData.grid(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code StaticData.grid}
     * @param y the argument {@code y} of {@code StaticData.grid}
     * @return the value and the gradient
     */
    public static Grid grid(double x, double y) {
        double _value = StaticData.GRID[0][1] * x * y + StaticData.GRID[1][0] * Math.sin(x);
        // grad of: return GRID[0][1] * x * y + GRID[1][0] * Math.sin(x);
        double _d_y = StaticData.GRID[0][1] * x;
        double _d_x = y * StaticData.GRID[0][1] + StaticData.GRID[1][0] * Math.cos(x);
        return new Grid(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code StaticData.horner(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code StaticData.horner}
     * @return the value and the gradient
     */
    public static Horner horner(double x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double s = 0;
            for (int i = StaticData.COEFFS.length - 1; i >= 0; i--) {
                _doubles.push(s);
                s = s * x + StaticData.COEFFS[StaticData.ORDER[i]];
            }
            double _value = s + StaticData.HALF_LOG_2_PI;
            // grad of: return s + HALF_LOG_2_PI;
            double _d_s = 1.0;
            double _d_x = 0.0;
            // grad of: for (int i = COEFFS.length - 1; i >= 0; i--)
            for (int i = 0; i <= StaticData.COEFFS.length - 1; i++) {
                // grad of: s = s * x + COEFFS[ORDER[i]];
                s = _doubles.pop();
                _d_x += _d_s * s;
                _d_s *= x;
            }
            return new Horner(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code StaticData.scaled(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code StaticData.scaled}
     * @return the value and the gradient
     */
    public static Scaled scaled(double x) {
        double _s0 = StaticData.scale;
        double _value = _s0 * x * x + _s0;
        // grad of: return scale * x * x + scale;
        double _d_x = 2 * x * _s0;
        return new Scaled(_value, _d_x);
    }

    /**
     * The result of {@link StaticDataGrad#grid}: the value and the gradient.
     *
     * @param value the value of {@code grid(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Grid(double value, double x, double y) {
    }

    /**
     * The result of {@link StaticDataGrad#horner}: the value and the gradient.
     *
     * @param value the value of {@code horner(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Horner(double value, double x) {
    }

    /**
     * The result of {@link StaticDataGrad#scaled}: the value and the gradient.
     *
     * @param value the value of {@code scaled(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Scaled(double value, double x) {
    }
}
