package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link MathCalls}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class MathCallsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private MathCallsGrad() {
    }

    /**
     * The value of {@code MathCalls.fastMath(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code MathCalls.fastMath}
     * @param y the argument {@code y} of {@code MathCalls.fastMath}
     * @return the value and the gradient
     */
    public static FastMath fastMath(double x, double y) {
        double _exp0 = org.hipparchus.util.FastMath.exp(x * y);
        double _value = _exp0 + org.hipparchus.util.FastMath.atan2(y, x);
        // grad of: return org.hipparchus.util.FastMath.exp(x * y) + org.hipparchus.util.FastMath.atan2(y, x);
        double _d_y = y * y + x * x == 0.0 ? 0.0 : x / (y * y + x * x);
        double _d_x = y * y + x * x == 0.0 ? 0.0 : -(y / (y * y + x * x));
        _d_x += _exp0 * y;
        _d_y += _exp0 * x;
        return new FastMath(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code MathCalls.kinks(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code MathCalls.kinks}
     * @param y the argument {@code y} of {@code MathCalls.kinks}
     * @return the value and the gradient
     */
    public static Kinks kinks(double x, double y) {
        double _hypot0 = StrictMath.hypot(x, y);
        double _value = Math.abs(x) + Math.max(x, y) + Math.floor(y) + _hypot0;
        // grad of: return Math.abs(x) + Math.max(x, y) + Math.floor(y) + StrictMath.hypot(x, y);
        double _d_x = Math.signum(x) + (x > y ? 1.0 : x == y ? 0.5 : 0.0);
        double _d_y = y > x ? 1.0 : y == x ? 0.5 : 0.0;
        _d_x += _hypot0 == 0.0 ? 0.0 : x / _hypot0;
        _d_y += _hypot0 == 0.0 ? 0.0 : y / _hypot0;
        return new Kinks(_value, _d_x, _d_y);
    }

    /**
     * The value of {@code MathCalls.reuse(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code MathCalls.reuse}
     * @param y the argument {@code y} of {@code MathCalls.reuse}
     * @return the value and the gradient
     */
    public static Reuse reuse(double x, double y) {
        double e = Math.exp(x * y);
        double r = Math.sqrt(e + y);
        double _tanh0 = Math.tanh(r);
        double _value = 2 * _tanh0 + Math.pow(x, 3) + Math.sin(x) * Math.PI;
        // grad of: return 2 * Math.tanh(r) + Math.pow(x, 3) + Math.sin(x) * Math.PI;
        double _d_tanh0 = 2;
        double _d_x = 3.0 * Math.pow(x, 2.0) + Math.PI * Math.cos(x);
        double _d_r = _d_tanh0 * (1.0 - _tanh0 * _tanh0);
        // grad of: double r = Math.sqrt(e + y);
        double _r0 = _d_r * (0.5 / r);
        double _d_y = _r0;
        // grad of: double e = Math.exp(x * y);
        double _r1 = _r0 * e;
        _d_x += _r1 * y;
        _d_y += _r1 * x;
        return new Reuse(_value, _d_x, _d_y);
    }

    /**
     * The result of {@link MathCallsGrad#fastMath}: the value and the gradient.
     *
     * @param value the value of {@code fastMath(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record FastMath(double value, double x, double y) {
    }

    /**
     * The result of {@link MathCallsGrad#kinks}: the value and the gradient.
     *
     * @param value the value of {@code kinks(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Kinks(double value, double x, double y) {
    }

    /**
     * The result of {@link MathCallsGrad#reuse}: the value and the gradient.
     *
     * @param value the value of {@code reuse(double, double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     * @param y &part; value / &part; y, the partial derivative with respect to {@code y}
     */
    public record Reuse(double value, double x, double y) {
    }
}
