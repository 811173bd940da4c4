package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Reassign}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class ReassignGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private ReassignGrad() {
    }

    /**
     * The value of {@code Reassign.counted(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Reassign.counted}
     * @param n the argument {@code n} of {@code Reassign.counted}
     * @return the value and the gradient
     */
    public static Counted counted(double x, int n) {
        int k = n * 2;
        double s = x * k;
        int _t0 = k;
        k = k + 1;
        double _t1 = s;
        s = s * x + k;
        double _value = s;
        // grad of: return s;
        double _d_s = 1.0;
        // grad of: s = s * x + k;
        s = _t1;
        double _d_x = _d_s * s;
        _d_s *= x;
        // grad of: k = k + 1;
        k = _t0;
        // grad of: double s = x * k;
        _d_x += _d_s * k;
        return new Counted(_value, _d_x);
    }

    /**
     * The value of {@code Reassign.overwrite(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Reassign.overwrite}
     * @param y the argument {@code y} of {@code Reassign.overwrite}
     * @return the value and the gradient
     */
    public static Overwrite overwrite(double x, double y) {
        double z = x * y;
        double _t0 = x;
        x *= x;
        z += x * y;
        double _t1 = z;
        z *= y;
        z -= x / y;
        double _t2 = z;
        z /= x;
        double _value = z;
        // grad of: return z;
        double _d_z = 1.0;
        // grad of: z /= x;
        z = _t2;
        double _r0 = _d_z / x;
        double _d_x = -(_r0 * (z / x));
        _d_z = _r0;
        // grad of: z -= x / y;
        double _r1 = -(_d_z / y);
        _d_x += _r1;
        double _d_y = -(_r1 * (x / y));
        // grad of: z *= y;
        z = _t1;
        _d_y += _d_z * z;
        _d_z *= y;
        // grad of: z += x * y;
        _d_x += _d_z * y;
        _d_y += _d_z * x;
        // grad of: x = x * x;
        x = _t0;
        _d_x = 2 * _d_x * x;
        // grad of: double z = x * y;
        _d_x += _d_z * y;
        _d_y += _d_z * x;
        return new Overwrite(_value, _d_x, _d_y);
    }

    /**
     * The result of {@link ReassignGrad#counted}: the value and the gradient.
     *
     * @param value the value of {@code counted(double, int)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Counted(double value, double x) {
    }

    /**
     * The result of {@link ReassignGrad#overwrite}: the value and the gradient.
     *
     * @param value the value of {@code overwrite(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Overwrite(double value, double x, double y) {
    }
}
