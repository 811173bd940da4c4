package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Calls}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class CallsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private CallsGrad() {
    }

    /**
     * The value of {@code Calls.named(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param value the argument {@code value} of {@code Calls.named}
     * @param value_ the argument {@code value_} of {@code Calls.named}
     * @return the value and the gradient
     */
    public static Named named(double value, double value_) {
        double _value = value * value_;
        return new Named(_value, value_, value);
    }

    /**
     * The value of {@code Calls.outer(double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Calls.outer}
     * @param b the argument {@code b} of {@code Calls.outer}
     * @return the value and the gradient
     */
    public static OuterDoubleDouble outer(double a, double b) {
        Square _g0 = CallsGrad.square(a * b);
        double _h0 = Calls.square(Calls.SCALE);
        double s = _g0.value() + _h0;
        SeedsGrad.Quadratic _g1 = SeedsGrad.quadratic(b);
        double _value = s + _g1.value() * a;
        // grad of: return s + Seeds.quadratic(b) * a;
        double _d_a = _g1.value();
        double _d_b = a * _g1.x();
        // grad of: double s = square(a * b) + square(SCALE);
        _d_a += _g0.x() * b;
        _d_b += _g0.x() * a;
        return new OuterDoubleDouble(_value, _d_a, _d_b);
    }

    /**
     * The value of {@code Calls.outer(double, int)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Calls.outer}
     * @param n the argument {@code n} of {@code Calls.outer}
     * @return the value and the gradient
     */
    public static OuterDoubleInt outer(double a, int n) {
        Square _g0 = CallsGrad.square(a);
        double _value = _g0.value() * n;
        // grad of: return square(a) * n;
        double _d_g0 = n;
        double _d_a = _d_g0 * _g0.x();
        return new OuterDoubleInt(_value, _d_a);
    }

    /**
     * The value of {@code Calls.square(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Calls.square}
     * @return the value and the gradient
     */
    public static Square square(double x) {
        double _value = x * x;
        // grad of: return x * x;
        double _d_x = 2 * x;
        return new Square(_value, _d_x);
    }

    /**
     * The result of {@link CallsGrad#named}: the value and the gradient.
     *
     * @param value the value of {@code named(double, double)}
     * @param value__ &part; value / &part; value, the partial derivative with respect to {@code value}
     * @param value_ &part; value / &part; value_, the partial derivative with respect to {@code value_}
     */
    public record Named(double value, double value__, double value_) {
    }

    /**
     * The result of {@link CallsGrad#outer}: the value and the gradient.
     *
     * @param value the value of {@code outer(double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     */
    public record OuterDoubleDouble(double value, double a, double b) {
    }

    /**
     * The result of {@link CallsGrad#outer}: the value and the gradient.
     *
     * @param value the value of {@code outer(double, int)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     */
    public record OuterDoubleInt(double value, double a) {
    }

    /**
     * The result of {@link CallsGrad#square}: the value and the gradient.
     *
     * @param value the value of {@code square(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Square(double value, double x) {
    }
}
