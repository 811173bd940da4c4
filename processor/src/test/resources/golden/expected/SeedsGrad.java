package golden;

import javax.annotation.processing.Generated;

/**
 * Gradients of the {@code @Differentiable} methods of {@link Seeds}, by reverse-mode differentiation.
 */
@Generated("io.github.backprop.processor.BackpropProcessor")
public final class SeedsGrad {
    /**
     * No instances: the gradients are static methods.
     */
    private SeedsGrad() {
    }

    /**
     * The value of {@code Seeds.loss(double, double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Seeds.loss}
     * @param b the argument {@code b} of {@code Seeds.loss}
     * @param c the argument {@code c} of {@code Seeds.loss}
     * @param f the argument {@code f} of {@code Seeds.loss}
     * @return the value and the gradient
     */
    public static Loss loss(double a, double b, double c, double f) {
        double e = a * b + c;
        double _value = e * f;
        // grad of: double e = a * b + c;
        double _d_a = f * b;
        double _d_b = f * a;
        return new Loss(_value, _d_a, _d_b, f, e);
    }

    /**
     * The value of {@code Seeds.quadratic(double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param x the argument {@code x} of {@code Seeds.quadratic}
     * @return the value and the gradient
     */
    public static Quadratic quadratic(double x) {
        double _value = 2 * x * x - 3 * x + 4;
        // grad of: return 2 * x * x - 3 * x + 4;
        double _d_x = 4 * x - 3.0;
        return new Quadratic(_value, _d_x);
    }

    /**
     * The value of {@code Seeds.sumTimes(double, double, double)} and its gradient with respect to every {@code double} parameter.
     *
     * @param a the argument {@code a} of {@code Seeds.sumTimes}
     * @param b the argument {@code b} of {@code Seeds.sumTimes}
     * @param c the argument {@code c} of {@code Seeds.sumTimes}
     * @return the value and the gradient
     */
    public static SumTimes sumTimes(double a, double b, double c) {
        double d = a + b;
        double _value = d * c;
        return new SumTimes(_value, c, c, d);
    }

    /**
     * The result of {@link SeedsGrad#loss}: the value and the gradient.
     *
     * @param value the value of {@code loss(double, double, double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     * @param c &part; value / &part; c, the partial derivative with respect to {@code c}
     * @param f &part; value / &part; f, the partial derivative with respect to {@code f}
     */
    public record Loss(double value, double a, double b, double c, double f) {
    }

    /**
     * The result of {@link SeedsGrad#quadratic}: the value and the gradient.
     *
     * @param value the value of {@code quadratic(double)}
     * @param x &part; value / &part; x, the partial derivative with respect to {@code x}
     */
    public record Quadratic(double value, double x) {
    }

    /**
     * The result of {@link SeedsGrad#sumTimes}: the value and the gradient.
     *
     * @param value the value of {@code sumTimes(double, double, double)}
     * @param a &part; value / &part; a, the partial derivative with respect to {@code a}
     * @param b &part; value / &part; b, the partial derivative with respect to {@code b}
     * @param c &part; value / &part; c, the partial derivative with respect to {@code c}
     */
    public record SumTimes(double value, double a, double b, double c) {
    }
}
