package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Branches}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class BranchesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private BranchesGrad() {
    }

    /**
     * The value of {@code Branches.early(double, boolean)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Branches.early}
     * @param flat the argument {@code flat} of {@code Branches.early}
     * @return the value and the gradient
     */
    public static Early early(double x, boolean flat) {
        double _value;
        double y = 0.0;
        if (flat) {
            _value = 1;
        } else {
            y = x * x;
            _value = x > 1 ? y * x : Math.sin(y);
        }
        double _d_x = 0.0;
        if (!flat) {
            // grad of: return x > 1 ? y * x : Math.sin(y);
            double _d_y;
            if (x > 1) {
                _d_y = x;
                _d_x = y;
            } else {
                _d_y = Math.cos(y);
            }
            // grad of: double y = x * x;
            _d_x += 2 * _d_y * x;
        }
        return new Early(_value, _d_x);
    }

    /**
     * The value of {@code Branches.flag(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Branches.flag}
     * @return the value and the gradient
     */
    public static Flag flag(double x) {
        boolean _c0 = x > 1;
        if (_c0) {
            x /= 2;
        }
        double _value = x * x;
        // grad of: return x * x;
        double _d_x = 2 * x;
        if (_c0) {
            // grad of: x = x / 2;
            _d_x /= 2;
        }
        return new Flag(_value, _d_x);
    }

    /**
     * The value of {@code Branches.piecewise(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Branches.piecewise}
     * @param y the argument {@code y} of {@code Branches.piecewise}
     * @return the value and the gradient
     */
    public static Piecewise piecewise(double x, double y) {
        double _log0 = 0.0;
        double z = 0.0;
        if (x > 0) {
            z = x * y;
        } else if (y > 0) {
            _log0 = Math.log(y);
            z = _log0 * x;
        } else {
            z = -x;
        }
        double _value = z * z;
        // grad of: return z * z;
        double _d_z = 2 * z;
        double _d_x;
        double _d_y = 0.0;
        if (x > 0) {
            // grad of: z = x * y;
            _d_x = _d_z * y;
            _d_y = _d_z * x;
        } else if (y > 0) {
            // grad of: z = Math.log(y) * x;
            double _d_log0 = _d_z * x;
            _d_x = _d_z * _log0;
            _d_y = _d_log0 / y;
        } else {
            // grad of: z = -x;
            _d_x = -_d_z;
        }
        return new Piecewise(_value, _d_x, _d_y);
    }

    /**
     * The result of {@link BranchesGrad#early}: the value and the gradient.
     *
     * @param value the value of {@code early(double, boolean)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Early(double value, double x) {
    }

    /**
     * The result of {@link BranchesGrad#flag}: the value and the gradient.
     *
     * @param value the value of {@code flag(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Flag(double value, double x) {
    }

    /**
     * The result of {@link BranchesGrad#piecewise}: the value and the gradient.
     *
     * @param value the value of {@code piecewise(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Piecewise(double value, double x, double y) {
    }
}
