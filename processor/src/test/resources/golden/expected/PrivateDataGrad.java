package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import java.util.logging.Logger;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link PrivateData}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class PrivateDataGrad {
    /**
     * A copy of {@code PrivateData.COEFFS}: the same expression, evaluated when this class initialises.
     */
    private static final double[] _COEFFS = {
        0.5,
        -1.25,
        2.0,
        .75e-1,
        1e-3
    };

    /**
     * A copy of {@code PrivateData.LOG_2_PI}: the same expression, evaluated when this class initialises.
     */
    private static final double _LOG_2_PI = Math.log(2 * Math.PI);

    /**
     * A copy of {@code PrivateData.HALF_LOG_2_PI}: the same expression, evaluated when this class initialises.
     */
    private static final double _HALF_LOG_2_PI = 0.5 * PrivateDataGrad._LOG_2_PI;

    /**
     * A copy of {@code PrivateData.LOG}: the same expression, evaluated when this class initialises.
     */
    private static final Logger _LOG = Logger.getLogger(PrivateData.class.getName());

    /**
     * A copy of {@code PrivateData.GRID}: the same expression, evaluated when this class initialises.
     */
    private static final double[][] _GRID = {
        {1, 2},
        {3, -4}
    };

    /**
     * A copy of {@code PrivateData.Scales.ROOT_2}: the same expression, evaluated when this class initialises.
     */
    private static final double _Scales_ROOT_2 = Math.sqrt(2);

    /**
     * A copy of {@code PrivateData.STARTER}: the same expression, evaluated when this class initialises.
     */
    private static final double _STARTER = 3 * (Math.PI - 1) * (Math.PI - 1) / (3 * Math.PI + 2);

    /**
     * No instances: the gradients are static methods.
     */
    private PrivateDataGrad() {
    }

    /**
     * The value of {@code PrivateData.logDensity(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code PrivateData.logDensity}
     * @return the value and the gradient
     */
    public static LogDensity logDensity(double x) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double s = 0;
            for (int i = 4; i >= 0; i--) {
                _doubles.push(s);
                s = s * x + PrivateDataGrad._COEFFS[i];
            }
            double _value = -0.5 * s * s - PrivateDataGrad._HALF_LOG_2_PI;
            // grad of: return -0.5 * s * s - HALF_LOG_2_PI;
            double _d_s = -s;
            double _d_x = 0.0;
            // grad of: for (int i = DEGREE; i >= 0; i--)
            for (int i = 0; i <= 4; i++) {
                // grad of: s = s * x + COEFFS[i];
                s = _doubles.pop();
                _d_x += _d_s * s;
                _d_s *= x;
            }
            return new LogDensity(_value, _d_x);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The value of {@code PrivateData.logged(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code PrivateData.logged}
     * @param y the argument {@code y} of {@code PrivateData.logged}
     * @return the value and the gradient
     */
    public static Logged logged(double x, double y) {
        PrivateDataGrad._LOG.fine("x = " + x);
        double _value = PrivateDataGrad._GRID[0][1] * x * y + PrivateDataGrad._GRID[1][0] * Math.sin(x) * PrivateDataGrad._Scales_ROOT_2 + PrivateDataGrad._STARTER * y;
        // grad of: return GRID[0][1] * x * y + GRID[1][0] * Math.sin(x) * Scales.ROOT_2 + STARTER * y;
        double _d_x = y * PrivateDataGrad._GRID[0][1] + PrivateDataGrad._Scales_ROOT_2 * PrivateDataGrad._GRID[1][0] * Math.cos(x);
        double _d_y = PrivateDataGrad._GRID[0][1] * x + PrivateDataGrad._STARTER;
        return new Logged(_value, _d_x, _d_y);
    }

    /**
     * The result of {@link PrivateDataGrad#logDensity}: the value and the gradient.
     *
     * @param value the value of {@code logDensity(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record LogDensity(double value, double x) {
    }

    /**
     * The result of {@link PrivateDataGrad#logged}: the value and the gradient.
     *
     * @param value the value of {@code logged(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Logged(double value, double x, double y) {
    }
}
