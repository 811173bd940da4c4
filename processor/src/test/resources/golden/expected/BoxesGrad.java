package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Boxes}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class BoxesGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private BoxesGrad() {
    }

    /**
     * The value of {@code Boxes.boxed(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Boxes.boxed}
     * @param y the argument {@code y} of {@code Boxes.boxed}
     * @return the value and the gradient
     */
    public static Boxed boxed(double x, double y) {
        double _t0 = 0.0;
        double d = x * y;
        double e = y;
        int n = 2;
        n++;
        double r = d * e + n;
        boolean _c0 = Double.compare(e, 1.0) > 0;
        if (_c0) {
            _t0 = r;
            r *= e;
        }
        double _value = r;
        // grad of: return r;
        double _d_r = 1.0;
        double _d_e = 0.0;
        if (_c0) {
            // grad of: r = r * e;
            r = _t0;
            _d_e = _d_r * r;
            _d_r *= e;
        }
        // grad of: double r = d.doubleValue() * e + n;
        double _d_d = _d_r * e;
        _d_e += _d_r * d;
        // grad of: Double e = Double.valueOf(y);
        double _d_y = _d_e;
        // grad of: Double d = x * y;
        double _d_x = _d_d * y;
        _d_y += _d_d * x;
        return new Boxed(_value, _d_x, _d_y);
    }

    /**
     * The result of {@link BoxesGrad#boxed}: the value and the gradient.
     *
     * @param value the value of {@code boxed(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Boxed(double value, double x, double y) {
    }
}
