package golden;

import io.github.backprop.DoubleStack;
import io.github.backprop.Tape;
import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link AnonymousFunctions}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class AnonymousFunctionsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private AnonymousFunctionsGrad() {
    }

    /**
     * The value of {@code AnonymousFunctions.smoothed(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param scale the argument {@code scale} of {@code AnonymousFunctions.smoothed}
     * @param width the argument {@code width} of {@code AnonymousFunctions.smoothed}
     * @return the value and the gradient
     */
    public static Smoothed smoothed(double scale, double width) {
        Tape _tape = Tape.enter();
        try {
            DoubleStack _doubles = _tape.doubles();
            double _exp0 = 0.0;
            double h = (1.0 - -1.0) / 20;
            double s = 0;
            for (int i = 0; i < 20; i++) {
                double u = -1.0 + (i + 0.5) * h;
                double z = u / width;
                _doubles.push(_exp0);
                _exp0 = Math.exp(-0.5 * z * z);
                double _fn0 = scale * _exp0;
                s += _fn0 * h;
            }
            double integrate = s;
            double _value = integrate;
            // grad of: return integrate(gauss, -1, 1, 20);
            double _d_width = 0.0;
            double _d_scale = 0.0;
            // grad of: for (int i = 0; i < n; i++)
            for (int i = 19; i >= 0; i--) {
                double u = -1.0 + (i + 0.5) * h;
                double z = u / width;
                // grad of: s += k.at(a + (i + 0.5) * h) * h;
                _d_scale += h * _exp0;
                double _d_exp0 = h * scale;
                double _r0 = _d_exp0 * _exp0;
                double _d_z = -(_r0 * z);
                _exp0 = _doubles.pop();
                // grad of: double z = u / width;
                _d_width -= _d_z / width * (u / width);
            }
            return new Smoothed(_value, _d_scale, _d_width);
        } finally {
            _tape.exit();
        }
    }

    /**
     * The result of {@link AnonymousFunctionsGrad#smoothed}: the value and the gradient.
     *
     * @param value the value of {@code smoothed(double, double)}
     * @param scale &part; value / &part; scale, the partial derivative with respect to {@code scale}
     * @param width &part; value / &part; width, the partial derivative with respect to {@code width}
     */
    public record Smoothed(double value, double scale, double width) {
    }
}
